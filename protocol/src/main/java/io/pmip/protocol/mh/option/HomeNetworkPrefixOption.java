package io.pmip.protocol.mh.option;

import static io.pmip.protocol.mh.WireValues.required;

import io.pmip.protocol.Ipv6Prefix;

/** Home Network Prefix option (RFC 5213 section 8.3): Reserved (8), Prefix Length (8), Prefix (128); alignment 8n+4. May appear more than once; ::/0 asks the LMA to assign one. */
public record HomeNetworkPrefixOption(Ipv6Prefix prefix) implements MobilityOption {
    public static final int TYPE = 22;

    public HomeNetworkPrefixOption {
        required("prefix", prefix);
    }

    @Override
    public int type() {
        return TYPE;
    }
}
