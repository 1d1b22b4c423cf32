package io.pmip.persistence.cassandra;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/**
 * Asks a CQL listener whether it is there with a bare OPTIONS frame, the cheapest request of the
 * native protocol: no driver, no session, no schema metadata, so it can be polled while the node
 * boots. (CQL binary protocol v4, sections 2 and 4.1.3: OPTIONS is answered by SUPPORTED.)
 */
final class CqlProbe {
    private static final byte PROTOCOL_V4_REQUEST = 0x04;
    private static final byte PROTOCOL_V4_RESPONSE = (byte) 0x84;
    private static final byte OPCODE_OPTIONS = 0x05;
    private static final byte OPCODE_SUPPORTED = 0x06;

    private CqlProbe() {
    }

    /** True when a CQL server answers OPTIONS with SUPPORTED within the timeout. */
    static boolean answers(InetSocketAddress address, Duration timeout) {
        int millis = (int) Math.max(1, timeout.toMillis());
        try (Socket socket = new Socket()) {
            socket.connect(address, millis);
            socket.setSoTimeout(millis);
            OutputStream out = socket.getOutputStream();
            // header: version, flags, stream id (2 bytes), opcode, body length (4 bytes) = 0
            out.write(new byte[] {PROTOCOL_V4_REQUEST, 0, 0, 1, OPCODE_OPTIONS, 0, 0, 0, 0});
            out.flush();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            byte version = in.readByte();
            in.readByte(); // flags
            in.readShort(); // stream id
            byte opcode = in.readByte();
            return version == PROTOCOL_V4_RESPONSE && opcode == OPCODE_SUPPORTED;
        } catch (IOException e) {
            return false;
        }
    }
}
