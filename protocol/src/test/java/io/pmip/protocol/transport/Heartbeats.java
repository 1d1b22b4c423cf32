package io.pmip.protocol.transport;

import io.pmip.protocol.mh.MobilityHeaderChecksum;
import java.net.InetAddress;
import java.nio.ByteBuffer;

/** Heartbeat messages built by hand for the transport tests (the codec is tested elsewhere). */
final class Heartbeats {
    /** MH Type of the Heartbeat message (RFC 5847 section 5.1). */
    static final int MH_TYPE_HEARTBEAT = 13;
    /** Payload Proto value meaning no next header (RFC 6275 section 6.1.1). */
    static final int IPPROTO_NONE = 59;
    static final int SEQUENCE_OFFSET = 8;
    static final int LENGTH = 16;

    private Heartbeats() {
    }

    /**
     * A Heartbeat (RFC 5847 section 5.1): 6-byte MH header, Reserved|U|R, Sequence Number, then
     * a 4-byte PadN so the MH is 16 octets (Header Len 1), checksummed for {@code source} to
     * {@code destination}.
     */
    static byte[] heartbeat(InetAddress source, InetAddress destination, int sequence, boolean response) {
        ByteBuffer mh = ByteBuffer.allocate(LENGTH);
        mh.put((byte) IPPROTO_NONE).put((byte) (LENGTH / 8 - 1)).put((byte) MH_TYPE_HEARTBEAT).put((byte) 0);
        mh.putShort((short) 0);
        mh.putShort((short) (response ? 0x0001 : 0));
        mh.putInt(sequence);
        mh.put((byte) 1).put((byte) 2).put((byte) 0).put((byte) 0);
        byte[] bytes = mh.array();
        int checksum = MobilityHeaderChecksum.compute(source.getAddress(), destination.getAddress(), bytes, 0,
                bytes.length);
        bytes[MobilityHeaderChecksum.CHECKSUM_OFFSET] = (byte) (checksum >>> 8);
        bytes[MobilityHeaderChecksum.CHECKSUM_OFFSET + 1] = (byte) checksum;
        return bytes;
    }

    static int sequence(InboundDatagram datagram) {
        byte[] p = datagram.payload();
        if (p.length != LENGTH || (p[2] & 0xff) != MH_TYPE_HEARTBEAT) {
            return -1;
        }
        return ByteBuffer.wrap(p).getInt(SEQUENCE_OFFSET);
    }

    static boolean checksumVerifies(InboundDatagram datagram) {
        return MobilityHeaderChecksum.verify(datagram.source().getAddress(), datagram.destination().getAddress(),
                datagram.payload(), 0, datagram.payload().length);
    }
}
