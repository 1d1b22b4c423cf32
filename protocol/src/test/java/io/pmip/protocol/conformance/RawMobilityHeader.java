package io.pmip.protocol.conformance;

import java.util.ArrayList;
import java.util.List;

/**
 * A second, deliberately simple reading of Mobility Header bytes, written from the RFCs and not
 * from the codec, so the conformance tests can check what tshark 4.0 never checks: Header Len,
 * option alignment, padding content and the checksum.
 */
final class RawMobilityHeader {
    /** One TLV between the fixed fields and the end of the Mobility Header; Pad1 has length -1. */
    record RawOption(int type, int offset, int length) {
        boolean isPadding() {
            return type == 0 || type == 1;
        }
    }

    private RawMobilityHeader() {
    }

    /** Offset of the first option, or -1 for MH types this project does not parse. */
    static int optionsStart(int mhType) {
        return switch (mhType) {
            case 0 -> 8;                             // BRR, RFC 6275 6.1.2
            case 5, 6, 13, 16, 17, 18 -> 12;         // BU/BA 6275 6.1.7/6.1.8, HB 5847 5.1, BRI/BRA 5846 6, LRI/LRA 6705 11
            case 7 -> 24;                            // BE, RFC 6275 6.1.9
            case 19, 20 -> 10;                       // UPN/UPA, RFC 7077 4.1/4.2
            default -> -1;
        };
    }

    /** Walks the options; throws AssertionError when a TLV runs past the end or padding is not zero. */
    static List<RawOption> options(byte[] mh) {
        List<RawOption> options = new ArrayList<>();
        int at = optionsStart(mh[2] & 0xff);
        while (at < mh.length) {
            int type = mh[at] & 0xff;
            if (type == 0) {
                options.add(new RawOption(0, at, -1));
                at++;
                continue;
            }
            if (at + 2 > mh.length || at + 2 + (mh[at + 1] & 0xff) > mh.length) {
                throw new AssertionError("option " + type + " at " + at + " runs past the end (RFC 6275 6.2.1)");
            }
            int len = mh[at + 1] & 0xff;
            if (type == 1) {
                for (int i = at + 2; i < at + 2 + len; i++) {
                    if (mh[i] != 0) {
                        throw new AssertionError("PadN content not zero at " + i + " (RFC 6275 6.2.2)");
                    }
                }
            }
            options.add(new RawOption(type, at, len));
            at += 2 + len;
        }
        return options;
    }

    /**
     * The xn+y rule each option's RFC states, as {x, y}; null where the RFC states none. Rules
     * marked "project" are this project's choice where the RFC is silent.
     */
    static int[] alignment(int type) {
        return switch (type) {
            case 2 -> new int[] {2, 0};                        // Binding Refresh Advice, RFC 6275 6.2.4
            case 3, 26 -> new int[] {8, 6};                    // Alternate CoA 6275 6.2.5, Link-local Address 5213 8.7
            case 22, 51 -> new int[] {8, 4};                   // HNP 5213 8.3, MAG IPv6 Address 6705 11.1
            case 27 -> new int[] {8, 2};                       // Timestamp, RFC 5213 8.8
            case 28 -> new int[] {4, 2};                       // Restart Counter, RFC 5847 5.2
            case 32, 33, 36, 37, 38, 39 -> new int[] {4, 0};   // RFC 5555 3.1.5, 5845 5.1, 5844 3.3
            case 25 -> new int[] {8, 4};                       // MN LL-ID: project, identifier 8-aligned
            case 44, 45 -> new int[] {2, 0};                   // Flow Summary / Identification: project
            case 47, 48, 50 -> new int[] {4, 0};               // Redirect, Load Information, Group Id: project
            case 49 -> new int[] {4, 2};                       // Alternate IPv4 CoA: project
            default -> null;                                   // MN-ID 4283 3, HI/ATT 5213 8.4/8.5, others
        };
    }

    /** RFC 6275 6.1.1: one's complement sum over pseudo-header and MH, checksum included, is 0xffff. */
    static boolean checksumVerifies(byte[] source, byte[] destination, byte[] mh) {
        byte[] all = new byte[40 + mh.length];
        System.arraycopy(source, 0, all, 0, 16);
        System.arraycopy(destination, 0, all, 16, 16);
        all[32] = (byte) (mh.length >>> 24);
        all[33] = (byte) (mh.length >>> 16);
        all[34] = (byte) (mh.length >>> 8);
        all[35] = (byte) mh.length;
        all[39] = (byte) 135;
        System.arraycopy(mh, 0, all, 40, mh.length);
        long sum = 0;
        for (int i = 0; i < all.length; i += 2) {
            int hi = all[i] & 0xff;
            int lo = i + 1 < all.length ? all[i + 1] & 0xff : 0;
            sum += (hi << 8) | lo;
        }
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xffff) + (sum >>> 16);
        }
        return sum == 0xffff;
    }
}
