package io.pmip.lma.policy;

import java.util.List;

/** The MAGs this LMA accepts Proxy Binding Updates from (RFC 5213 section 5.3.1, policy store of section 4). */
public record MagPeers(List<AddressRange> allowed) {

    public MagPeers {
        allowed = List.copyOf(allowed);
    }

    public static MagPeers of(List<String> ranges) {
        return new MagPeers(ranges.stream().map(AddressRange::parse).toList());
    }

    // RFC 5213 section 5.3.1: only a trusted MAG may register on behalf of a mobile node.
    public boolean isAuthorized(String magAddress) {
        try {
            for (AddressRange range : allowed) {
                if (range.contains(magAddress)) {
                    return true;
                }
            }
            return false;
        } catch (IllegalArgumentException notAnAddress) {
            return false;
        }
    }
}
