package io.pmip.lma.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class FiltersTest {
    @Test
    void aMagIsNamedInTheFormBindingsAndTheIngressUse() {
        // RFC 5952: one text per IPv6 address, so /api/mags/{id} finds a MAG however it is written.
        assertEquals("2001:db8::1", Filters.mag("2001:DB8:0:0:0:0:0:1"));
        assertEquals("::1", Filters.mag("0:0:0:0:0:0:0:1"));
        assertEquals("192.0.2.7", Filters.mag("192.0.2.7"));
        assertThrows(ApiException.class, () -> Filters.mag("mag.example.org"), "never a DNS query");
    }
}
