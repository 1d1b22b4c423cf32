package io.pmip.lma;

import io.pmip.protocol.Ipv6Prefix;
import io.pmip.protocol.mh.AccessTechnologyType;
import io.pmip.protocol.mh.HandoffIndicator;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** A readable way to write Proxy Binding Updates in tests. */
public record Pbus(String mnId, String mag, List<Ipv6Prefix> prefixes, Optional<HandoffIndicator> hi,
                   Optional<AccessTechnologyType> att, Optional<String> llid, Optional<PmipTimestamp> timestamp,
                   int sequence, int lifetime) {

    public static final String MAG1 = "2001:db8:ff::1";
    public static final String MAG2 = "2001:db8:ff::2";
    public static final String LMAA = "2001:db8:ff::100";

    /** An initial registration from MAG1 over 802.11 asking for a prefix, sequence-ordered. */
    public static Pbus initial(String mnId) {
        return new Pbus(mnId, MAG1, List.of(Ipv6Prefix.UNSPECIFIED), Optional.of(HandoffIndicator.ATTACHMENT_OVER_NEW_INTERFACE),
                Optional.of(AccessTechnologyType.IEEE_802_11), Optional.empty(), Optional.empty(), 1, 600);
    }

    public Pbus from(String magAddress) {
        return new Pbus(mnId, magAddress, prefixes, hi, att, llid, timestamp, sequence, lifetime);
    }

    public Pbus prefixes(List<Ipv6Prefix> p) {
        return new Pbus(mnId, mag, p, hi, att, llid, timestamp, sequence, lifetime);
    }

    public Pbus hi(HandoffIndicator h) {
        return new Pbus(mnId, mag, prefixes, Optional.ofNullable(h), att, llid, timestamp, sequence, lifetime);
    }

    public Pbus att(AccessTechnologyType a) {
        return new Pbus(mnId, mag, prefixes, hi, Optional.ofNullable(a), llid, timestamp, sequence, lifetime);
    }

    public Pbus llid(String l) {
        return new Pbus(mnId, mag, prefixes, hi, att, Optional.ofNullable(l), timestamp, sequence, lifetime);
    }

    public Pbus at(Instant t) {
        return new Pbus(mnId, mag, prefixes, hi, att, llid, Optional.ofNullable(t).map(PmipTimestamp::of), sequence,
                lifetime);
    }

    public Pbus seq(int s) {
        return new Pbus(mnId, mag, prefixes, hi, att, llid, timestamp, s, lifetime);
    }

    public Pbus lifetime(int l) {
        return new Pbus(mnId, mag, prefixes, hi, att, llid, timestamp, sequence, l);
    }

    public PbuRequest request() {
        return new PbuRequest(mnId, mag, LMAA, prefixes, hi, att, llid, timestamp, sequence, lifetime, true,
                OptionalLong.empty());
    }
}
