package io.pmip.lma.signaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pmip.lma.Pbus;
import io.pmip.protocol.Ipv6Prefix;
import io.pmip.protocol.mh.HandoffIndicator;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdmissionTest {
    private static final Ipv6Prefix PREFIX = Ipv6Prefix.parse("2001:db8:1:2::/64");

    @Test
    void attachmentsAndPrefixRequestsAreNewRegistrationsAndTheRestNameAnExistingBinding() {
        Pbus attach = Pbus.initial("mn@example");
        assertTrue(Admission.isNewRegistration(attach.request()));
        assertTrue(Admission.isNewRegistration(attach.prefixes(List.of(PREFIX)).request()),
                "HI 1 creates a session even when it names a prefix");
        assertTrue(Admission.isNewRegistration(attach.hi(HandoffIndicator.HANDOFF_STATE_UNKNOWN).request()),
                "HI 4 without a prefix may create one");
        assertFalse(Admission.isNewRegistration(attach.hi(HandoffIndicator.HANDOFF_STATE_UNKNOWN)
                .prefixes(List.of(PREFIX)).request()));
        assertFalse(Admission.isNewRegistration(attach.hi(HandoffIndicator.HANDOFF_STATE_NOT_CHANGED)
                .prefixes(List.of(PREFIX)).request()), "a refresh (RFC 5213 5.3.3)");
        assertFalse(Admission.isNewRegistration(attach.hi(HandoffIndicator.HANDOFF_BETWEEN_MAGS_SAME_INTERFACE)
                .request()), "a handoff (RFC 5213 5.3.2)");
        assertFalse(Admission.isNewRegistration(attach.lifetime(0).request()), "a de-registration (RFC 5213 5.3.5)");
    }

    @Test
    void newRegistrationsOverTheirLimitAreRefusedWhileExistingBindingsStillGetIn() {
        Admission admission = new Admission(4, 2);
        assertEquals(Admission.Verdict.ADMITTED, admission.tryAdmit(true));
        assertEquals(Admission.Verdict.ADMITTED, admission.tryAdmit(true));
        assertEquals(Admission.Verdict.REFUSED_NEW_REGISTRATION, admission.tryAdmit(true));
        assertEquals(Admission.Verdict.ADMITTED, admission.tryAdmit(false));
        assertEquals(Admission.Verdict.ADMITTED, admission.tryAdmit(false));
        assertEquals(4, admission.inFlight());
        assertEquals(Admission.Verdict.DROPPED, admission.tryAdmit(false), "over the total: unanswered");

        admission.release(true);
        assertEquals(1, admission.newRegistrationsInFlight());
        assertEquals(Admission.Verdict.ADMITTED, admission.tryAdmit(true), "room again once one is answered");
        assertEquals(2, admission.newRegistrationsInFlight());
    }

    @Test
    void aNewRegistrationOverTheTotalIsRefusedAndHoldsNoSlot() {
        Admission admission = new Admission(2, 2);
        admission.tryAdmit(false);
        admission.tryAdmit(false);
        assertEquals(Admission.Verdict.REFUSED_NEW_REGISTRATION, admission.tryAdmit(true));
        assertEquals(0, admission.newRegistrationsInFlight());
        assertEquals(2, admission.inFlight());
    }
}
