package io.pmip.protocol.codec;

import java.util.HexFormat;

/** Test helper: byte vectors written as hex fragments, one field per fragment. */
final class Hex {
    private Hex() {
    }

    static byte[] hex(String... fields) {
        return HexFormat.of().parseHex(String.join("", fields).replace(" ", ""));
    }

    static String str(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}
