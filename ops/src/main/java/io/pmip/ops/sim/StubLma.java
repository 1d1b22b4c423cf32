package io.pmip.ops.sim;

import io.pmip.protocol.Ipv6Prefix;
import io.pmip.protocol.codec.DecodeContext;
import io.pmip.protocol.codec.DecodeMode;
import io.pmip.protocol.codec.MobilityHeaderDecodeException;
import io.pmip.protocol.codec.MobilityHeaderDecoder;
import io.pmip.protocol.codec.MobilityHeaderEncoder;
import io.pmip.protocol.mh.BindingAckStatus;
import io.pmip.protocol.mh.MobilityMessage;
import io.pmip.protocol.mh.ProxyBindingAcknowledgement;
import io.pmip.protocol.mh.ProxyBindingUpdate;
import io.pmip.protocol.mh.option.HomeNetworkPrefixOption;
import io.pmip.protocol.mh.option.MobileNodeIdentifier;
import io.pmip.protocol.mh.option.MobilityOption;
import io.pmip.protocol.transport.InboundDatagram;
import io.pmip.protocol.transport.SignalingTransport;
import io.pmip.protocol.transport.SignalingTransports;
import io.pmip.protocol.transport.TransportConfig;
import io.pmip.protocol.transport.TransportException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * An LMA stand-in that accepts every PBU at once and keeps nothing: what {@code pmip sim
 * --stub-lma} drives to measure the simulator's own ceiling (MAG actors, codec, transports) on
 * this machine. Its PBA echoes the PBU's options (RFC 5213 section 5.3.6 lists them), with a
 * prefix derived from the MN-Identifier in place of ::/0; no binding cache, no policy, no state.
 */
final class StubLma implements AutoCloseable {
    private final SignalingTransport transport;

    private StubLma(InetAddress address) throws TransportException {
        SignalingTransport[] self = new SignalingTransport[1];
        self[0] = SignalingTransports.open(TransportConfig.udpIpv4(address, 0).withReusePort(false)
                .withSendQueueCapacity(0x10000), d -> answer(self[0], d));
        this.transport = self[0];
    }

    static StubLma open(InetAddress address) throws TransportException {
        return new StubLma(address);
    }

    InetSocketAddress address() {
        return new InetSocketAddress(transport.localAddress(), transport.localPort());
    }

    private static void answer(SignalingTransport transport, InboundDatagram d) {
        MobilityMessage message;
        try {
            message = MobilityHeaderDecoder.decode(d.payload(), DecodeContext.ipv4Udp(DecodeMode.LENIENT)).message();
        } catch (MobilityHeaderDecodeException | RuntimeException e) {
            return;
        }
        if (!(message instanceof ProxyBindingUpdate pbu)) {
            return;
        }
        List<MobilityOption> options = new ArrayList<>(pbu.options().size());
        String mnId = pbu.option(MobileNodeIdentifier.class).flatMap(MobileNodeIdentifier::naiText).orElse("");
        for (MobilityOption option : pbu.options()) {
            if (option instanceof HomeNetworkPrefixOption hnp && hnp.prefix().isUnspecified()) {
                options.add(new HomeNetworkPrefixOption(prefixOf(mnId)));
            } else {
                options.add(option);
            }
        }
        ProxyBindingAcknowledgement pba = ProxyBindingAcknowledgement.of(BindingAckStatus.ACCEPTED, pbu.sequence(),
                pbu.lifetime(), options);
        transport.send(d.reply(MobilityHeaderEncoder.encodeForIpv4Udp(pba)));
    }

    /** 2001:db8:XXXX:XXXX::/64 from the identifier's hash: the same prefix for a node every time. */
    private static Ipv6Prefix prefixOf(String mnId) {
        int h = mnId.hashCode();
        byte[] a = new byte[16];
        a[0] = 0x20;
        a[1] = 0x01;
        a[2] = 0x0d;
        a[3] = (byte) 0xb8;
        a[4] = (byte) (h >>> 24);
        a[5] = (byte) (h >>> 16);
        a[6] = (byte) (h >>> 8);
        a[7] = (byte) h;
        return Ipv6Prefix.of(a, 64);
    }

    @Override
    public void close() {
        transport.close();
    }
}
