package io.pmip.lma;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

/** Address literals in canonical form, the same the first time and every later (memoized) time. */
class AddressesTest {

    @Test
    void aLiteralCanonicalizesTheSameEveryTime() throws Exception {
        for (int round = 0; round < 2; round++) {
            assertEquals("2001:db8::1", Addresses.canonical("2001:DB8:0::1"));
            assertEquals("2001:db8::1", Addresses.canonical(" 2001:db8:0:0:0:0:0:1 "));
            assertEquals("192.0.2.7", Addresses.canonical("192.0.2.7"));
            assertEquals(InetAddress.getByName("fd00::3"), Addresses.parse("fd00:0::3"));
        }
    }

    @Test
    void aHostNameOrGarbageIsRefusedEveryTime() {
        for (int round = 0; round < 2; round++) {
            assertThrows(IllegalArgumentException.class, () -> Addresses.parse("localhost"));
            assertThrows(IllegalArgumentException.class, () -> Addresses.canonical("999.1.2.3.4"));
            assertThrows(IllegalArgumentException.class, () -> Addresses.canonical("192.0.2.256"));
        }
    }
}
