package io.pmip.protocol.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pmip.protocol.mh.MobilityMessage;
import io.pmip.protocol.mh.UnknownMessage;
import io.pmip.protocol.mh.WireValues;
import java.net.Inet6Address;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class MobilityHeaderPropertiesTest {
    private static final Inet6Address MAG = WireValues.ipv6(new byte[] {0x20, 0x01, 0x0d, (byte) 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1}, 0);
    private static final Inet6Address LMA = WireValues.ipv6(new byte[] {0x20, 0x01, 0x0d, (byte) 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2}, 0);

    @Provide
    Arbitrary<MobilityMessage> messages() {
        return MobilityArbitraries.message();
    }

    @Property(tries = 1000)
    void decodeOfEncodeIsIdentity(@ForAll("messages") MobilityMessage message) throws Exception {
        byte[] wire = MobilityHeaderEncoder.encode(message, MAG, LMA);
        DecodeResult strict = MobilityHeaderDecoder.decode(wire, DecodeContext.ipv6(MAG, LMA, DecodeMode.STRICT));
        assertEquals(message, strict.message());
        assertEquals(List.of(), strict.warnings());
        DecodeResult udp = MobilityHeaderDecoder.decode(MobilityHeaderEncoder.encodeForIpv4Udp(message),
                DecodeContext.ipv4Udp(DecodeMode.STRICT));
        assertEquals(message, udp.message());
    }

    @Property(tries = 1000)
    void encodingObeysLengthAndAlignmentRules(@ForAll("messages") MobilityMessage message) {
        byte[] wire = MobilityHeaderEncoder.encodeForIpv4Udp(message);
        assertEquals(0, wire.length % 8, "multiple of 8 octets");
        assertEquals(wire.length / 8 - 1, wire[1] & 0xff, "Header Len");
        assertEquals(59, wire[0] & 0xff, "Payload Proto");
        assertEquals(message.mhType(), wire[2] & 0xff, "MH Type");
        if (message instanceof UnknownMessage) {
            return;
        }
        int at = optionsStart(message);
        int seen = 0;
        while (at < wire.length) {
            int type = wire[at] & 0xff;
            if (type == 0) {
                at++;
                continue;
            }
            int len = wire[at + 1] & 0xff;
            if (type != 1) {
                OptionAlignment a = OptionAlignment.forType(type);
                assertEquals(a.y(), at % a.x(), "option " + type + " at " + at + " must be " + a);
                seen++;
            } else {
                for (int i = 0; i < len; i++) {
                    assertEquals(0, wire[at + 2 + i], "PadN content");
                }
            }
            at += 2 + len;
        }
        assertEquals(wire.length, at, "options end exactly at the end");
        assertEquals(message.options().size(), seen, "every option present once");
    }

    @Provide
    Arbitrary<byte[]> garbage() {
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(300);
        Arbitrary<byte[]> mutated = MobilityArbitraries.message().flatMap(m -> {
            byte[] wire = MobilityHeaderEncoder.encodeForIpv4Udp(m);
            return Arbitraries.integers().between(0, wire.length - 1).list().ofMinSize(1).ofMaxSize(4)
                    .flatMap(positions -> Arbitraries.bytes().list().ofSize(positions.size()).map(values -> {
                        byte[] copy = wire.clone();
                        for (int i = 0; i < positions.size(); i++) {
                            copy[positions.get(i)] = values.get(i);
                        }
                        return copy;
                    }));
        });
        Arbitrary<byte[]> truncated = MobilityArbitraries.message().flatMap(m -> {
            byte[] wire = MobilityHeaderEncoder.encodeForIpv4Udp(m);
            return Arbitraries.integers().between(0, wire.length).map(n -> java.util.Arrays.copyOf(wire, n));
        });
        return Arbitraries.oneOf(random, mutated, truncated);
    }

    @Property(tries = 1000)
    void decodingAnyBytesYieldsMessageOrTypedError(@ForAll("garbage") byte[] bytes) {
        for (DecodeContext context : List.of(DecodeContext.ipv4Udp(DecodeMode.LENIENT),
                DecodeContext.ipv4Udp(DecodeMode.STRICT), DecodeContext.ipv6(MAG, LMA, DecodeMode.LENIENT))) {
            try {
                DecodeResult result = MobilityHeaderDecoder.decode(bytes, context);
                assertTrue(result.message() != null);
            } catch (MobilityHeaderDecodeException e) {
                assertTrue(e.offset() >= 0 && e.offset() <= bytes.length, "offset inside the input: " + e);
            }
        }
    }

    private static int optionsStart(MobilityMessage m) {
        return switch (m.mhType()) {
            case 0 -> 8;
            case 7 -> 24;
            case 19, 20 -> 10;
            default -> 12;
        };
    }
}
