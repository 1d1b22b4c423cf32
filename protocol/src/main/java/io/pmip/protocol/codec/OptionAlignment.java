package io.pmip.protocol.codec;

/**
 * The xn+y alignment of each option type (RFC 6275 section 6.2): the Type byte sits at a Mobility
 * Header offset o with o mod x == y. Where an RFC gives no rule the choice and its source are in
 * docs/wire-format-decisions.md. {@code enforced} is false where the RFC states no fixed rule, so
 * the decoder never reports it (the encoder still places the option at x n + y).
 */
public record OptionAlignment(int x, int y, boolean enforced) {
    public static final OptionAlignment NONE = new OptionAlignment(1, 0, true);

    public static OptionAlignment forType(int type) {
        return switch (type) {
            case 2 -> new OptionAlignment(2, 0, true);   // Binding Refresh Advice: 2n, RFC 6275 6.2.4
            case 3 -> new OptionAlignment(8, 6, true);   // Alternate CoA: 8n+6, RFC 6275 6.2.5
            case 22 -> new OptionAlignment(8, 4, true);  // Home Network Prefix: 8n+4, RFC 5213 8.3
            case 25 -> new OptionAlignment(8, 4, false); // MN Link-layer Id: "appropriate", RFC 5213 8.6
            case 26 -> new OptionAlignment(8, 6, true);  // Link-local Address: 8n+6, RFC 5213 8.7
            case 27 -> new OptionAlignment(8, 2, true);  // Timestamp: 8n+2, RFC 5213 8.8
            case 28 -> new OptionAlignment(4, 2, true);  // Restart Counter: 4n+2, RFC 5847 5.2
            case 32, 33, 36, 37, 38, 39 -> new OptionAlignment(4, 0, true); // RFC 5555 / 5845 / 5844: 4n
            case 44, 45 -> new OptionAlignment(2, 0, true); // Flow Summary / Identification: 2n (decision)
            case 47, 48, 50 -> new OptionAlignment(4, 0, true); // Redirect, Load Info, MN Group Id: 4n (decision)
            case 49 -> new OptionAlignment(4, 2, true);  // Alternate IPv4 CoA: 4n+2 (decision)
            case 51 -> new OptionAlignment(8, 4, true);  // MAG IPv6 Address: 8n+4, like HNP (RFC 6705 11.1)
            default -> NONE; // MN-ID (RFC 4283 3), HI, ATT (RFC 5213 8.4/8.5), Redirect-Capability, unknown
        };
    }

    /** Padding octets needed before an option starting at {@code offset}. */
    public int paddingBefore(int offset) {
        return Math.floorMod(y - offset, x);
    }

    public boolean isAlignedAt(int offset) {
        return !enforced || Math.floorMod(offset, x) == y;
    }

    @Override
    public String toString() {
        return x == 1 ? "none" : (y == 0 ? x + "n" : x + "n+" + y);
    }
}
