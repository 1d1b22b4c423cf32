package io.pmip.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class Ipv6PrefixTest {
    @Test
    void parsesAndFormatsCanonically() {
        assertEquals("2001:db8:1::/48", Ipv6Prefix.parse("2001:0db8:0001:0000::/48").toString());
        assertEquals("::/0", Ipv6Prefix.UNSPECIFIED.toString());
        assertEquals("2001:db8:0:1:1:1:1:1/128", Ipv6Prefix.parse("2001:db8:0:1:1:1:1:1/128").toString());
        assertEquals("2001:0:0:1::1/128", Ipv6Prefix.parse("2001:0:0:1:0:0:0:1/128").toString());
    }

    @Test
    void rejectsHostBitsAndBadLengths() {
        assertThrows(IllegalArgumentException.class, () -> Ipv6Prefix.parse("2001:db8::1/64"));
        assertThrows(IllegalArgumentException.class, () -> Ipv6Prefix.parse("2001:db8::/129"));
        assertThrows(IllegalArgumentException.class, () -> Ipv6Prefix.parse("10.0.0.0/8"));
    }

    @Test
    void containment() {
        Ipv6Prefix agg = Ipv6Prefix.parse("2001:db8::/32");
        assertTrue(agg.contains(Ipv6Prefix.parse("2001:db8:5::/64")));
        assertFalse(agg.contains(Ipv6Prefix.parse("2001:db9::/64")));
        assertFalse(agg.contains(Ipv6Prefix.parse("2001::/16")));
    }
}
