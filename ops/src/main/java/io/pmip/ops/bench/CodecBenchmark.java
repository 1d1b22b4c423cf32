package io.pmip.ops.bench;

import io.pmip.protocol.Bytes;
import io.pmip.protocol.Ipv6Prefix;
import io.pmip.protocol.codec.DecodeContext;
import io.pmip.protocol.codec.DecodeMode;
import io.pmip.protocol.codec.MobilityHeaderDecodeException;
import io.pmip.protocol.codec.MobilityHeaderDecoder;
import io.pmip.protocol.codec.MobilityHeaderEncoder;
import io.pmip.protocol.mh.AccessTechnologyType;
import io.pmip.protocol.mh.BindingAckStatus;
import io.pmip.protocol.mh.HandoffIndicator;
import io.pmip.protocol.mh.MobilityMessage;
import io.pmip.protocol.mh.ProxyBindingAcknowledgement;
import io.pmip.protocol.mh.ProxyBindingUpdate;
import io.pmip.protocol.mh.option.AccessTechnologyTypeOption;
import io.pmip.protocol.mh.option.HandoffIndicatorOption;
import io.pmip.protocol.mh.option.HomeNetworkPrefixOption;
import io.pmip.protocol.mh.option.MobileNodeGroupIdentifier;
import io.pmip.protocol.mh.option.MobileNodeIdentifier;
import io.pmip.protocol.mh.option.MobileNodeLinkLayerIdentifier;
import io.pmip.protocol.mh.option.MobilityOption;
import io.pmip.protocol.mh.option.Timestamp;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * Encode and decode cost of the two messages on the LMA's hot path: a MAG's initial Proxy Binding
 * Update (RFC 5213 6.9.1.1: MN-ID NAI, HNP, HI, ATT, MN Link-layer Identifier, Timestamp, plus a
 * Mobile Node Group Identifier, RFC 6602) and the accepting Proxy Binding Acknowledgement.
 * Decoding is lenient with the checksum verified, as the LMA receives over IPv6.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
public class CodecBenchmark {
    static final Inet6Address MAG = v6("2001:db8::1");
    static final Inet6Address LMA = v6("2001:db8::2");

    private ProxyBindingUpdate pbu;
    private ProxyBindingAcknowledgement pba;
    private byte[] pbuBytes;
    private byte[] pbaBytes;
    private DecodeContext atLma;
    private DecodeContext atMag;

    @Setup
    public void setUp() {
        pbu = typicalPbu();
        pba = typicalPba();
        pbuBytes = MobilityHeaderEncoder.encode(pbu, MAG, LMA);
        pbaBytes = MobilityHeaderEncoder.encode(pba, LMA, MAG);
        atLma = DecodeContext.ipv6(MAG, LMA, DecodeMode.LENIENT);
        atMag = DecodeContext.ipv6(LMA, MAG, DecodeMode.LENIENT);
    }

    @Benchmark
    public MobilityMessage decodePbu() throws MobilityHeaderDecodeException {
        return MobilityHeaderDecoder.decode(pbuBytes, atLma).message();
    }

    @Benchmark
    public byte[] encodePbu() {
        return MobilityHeaderEncoder.encode(pbu, MAG, LMA);
    }

    /** The figure the target is about: one PBU decoded and encoded again. */
    @Benchmark
    public byte[] roundTripPbu() throws MobilityHeaderDecodeException {
        return MobilityHeaderEncoder.encode(MobilityHeaderDecoder.decode(pbuBytes, atLma).message(), MAG, LMA);
    }

    @Benchmark
    public MobilityMessage decodePba() throws MobilityHeaderDecodeException {
        return MobilityHeaderDecoder.decode(pbaBytes, atMag).message();
    }

    @Benchmark
    public byte[] encodePba() {
        return MobilityHeaderEncoder.encode(pba, LMA, MAG);
    }

    @Benchmark
    public byte[] roundTripPba() throws MobilityHeaderDecodeException {
        return MobilityHeaderEncoder.encode(MobilityHeaderDecoder.decode(pbaBytes, atMag).message(), LMA, MAG);
    }

    static List<MobilityOption> typicalOptions() {
        return List.of(
                MobileNodeIdentifier.nai("mn1@example.com"),
                new HomeNetworkPrefixOption(Ipv6Prefix.parse("2001:db8:1:2::/64")),
                HandoffIndicatorOption.of(HandoffIndicator.ATTACHMENT_OVER_NEW_INTERFACE),
                AccessTechnologyTypeOption.of(AccessTechnologyType.IEEE_802_11),
                new MobileNodeLinkLayerIdentifier(Bytes.of((byte) 0x02, (byte) 0x00, (byte) 0x5e, (byte) 0x10,
                        (byte) 0x20, (byte) 0x30)),
                new Timestamp(0x00006553f1008000L),
                MobileNodeGroupIdentifier.bulkBindingUpdateGroup(0x01020304L));
    }

    static ProxyBindingUpdate typicalPbu() {
        return ProxyBindingUpdate.of(4711, 900, typicalOptions());
    }

    static ProxyBindingAcknowledgement typicalPba() {
        return ProxyBindingAcknowledgement.of(BindingAckStatus.ACCEPTED, 4711, 900, typicalOptions());
    }

    private static Inet6Address v6(String literal) {
        try {
            return (Inet6Address) InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }
}
