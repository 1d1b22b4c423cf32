package io.pmip.lma.policy;

import io.pmip.protocol.Ipv6Prefix;
import java.util.List;

/** Where a mobile node's home network prefixes come from (RFC 5213 section 5.3.2 and 6.2). */
public sealed interface PrefixAssignment {

    /** Prefixes fixed in the policy profile; each session takes the ones no other session holds. */
    record Static(List<Ipv6Prefix> prefixes) implements PrefixAssignment {
        public Static {
            prefixes = List.copyOf(prefixes);
        }
    }

    /** One prefix per session from the named cluster-wide pool. */
    record FromPool(String pool) implements PrefixAssignment {
    }
}
