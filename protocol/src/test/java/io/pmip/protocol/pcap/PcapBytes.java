package io.pmip.protocol.pcap;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Hand-assembles pcap files and link-layer frames, independently of {@link PcapWriter}. */
final class PcapBytes {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteOrder order;

    PcapBytes(ByteOrder order, int magic, int linkType) {
        this.order = order;
        out.writeBytes(ByteBuffer.allocate(24).order(order)
                .putInt(magic).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0)
                .putInt(65535).putInt(linkType).array());
    }

    PcapBytes record(long seconds, long fraction, byte[] data) {
        return record(seconds, fraction, data.length, data.length, data);
    }

    PcapBytes record(long seconds, long fraction, long inclLen, long origLen, byte[] data) {
        out.writeBytes(ByteBuffer.allocate(16).order(order)
                .putInt((int) seconds).putInt((int) fraction).putInt((int) inclLen).putInt((int) origLen).array());
        out.writeBytes(data);
        return this;
    }

    byte[] bytes() {
        return out.toByteArray();
    }

    static byte[] ethernet(int etherType, byte[] payload) {
        return ByteBuffer.allocate(14 + payload.length)
                .put(new byte[] {2, 0, 0, 0, 0, 1}).put(new byte[] {2, 0, 0, 0, 0, 2})
                .putShort((short) etherType).put(payload).array();
    }

    static byte[] ethernetVlan(int vlanId, int etherType, byte[] payload) {
        return ByteBuffer.allocate(18 + payload.length)
                .put(new byte[] {2, 0, 0, 0, 0, 1}).put(new byte[] {2, 0, 0, 0, 0, 2})
                .putShort((short) 0x8100).putShort((short) vlanId).putShort((short) etherType)
                .put(payload).array();
    }

    /** Linux cooked v1: packet type, ARPHRD_ETHER, address length 6, address, protocol. */
    static byte[] sll(int etherType, byte[] payload) {
        return ByteBuffer.allocate(16 + payload.length)
                .putShort((short) 0).putShort((short) 1).putShort((short) 6)
                .put(new byte[] {2, 0, 0, 0, 0, 1, 0, 0}).putShort((short) etherType).put(payload).array();
    }

    /** Linux cooked v2: protocol, reserved, ifindex, ARPHRD_ETHER, packet type, address length, address. */
    static byte[] sll2(int etherType, byte[] payload) {
        return ByteBuffer.allocate(20 + payload.length)
                .putShort((short) etherType).putShort((short) 0).putInt(3).putShort((short) 1)
                .put((byte) 0).put((byte) 6).put(new byte[] {2, 0, 0, 0, 0, 1, 0, 0}).put(payload).array();
    }
}
