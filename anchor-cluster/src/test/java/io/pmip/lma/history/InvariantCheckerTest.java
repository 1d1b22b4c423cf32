package io.pmip.lma.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pmip.lma.BindingEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InvariantCheckerTest {
    private static final String MAG1 = "2001:db8:1::1";
    private static final String MAG2 = "2001:db8:2::1";

    private static InvariantReport check(List<JournalRecord> records) {
        InvariantChecker checker = new InvariantChecker();
        records.forEach(checker::accept);
        return checker.report();
    }

    @Test
    void aCleanLifeCycleAndAPrefixReusedAfterReleaseBreakNothing() {
        Events alice = new Events("alice", "if-0", "2001:db8:100::/64", Optional.of("0a01"));
        Events bob = new Events("bob", "if-0", "2001:db8:100::/64", Optional.of("0a02"));
        List<JournalRecord> all = new ArrayList<>(alice.journal(alice.registered(0, MAG1), alice.refreshed(20, MAG1),
                alice.handedOff(30, MAG1, MAG2), alice.deregistered(40, MAG2), alice.refreshed(45, MAG2),
                alice.deregistered(46, MAG2), alice.deleted(56, MAG2)));
        all.addAll(bob.journal(bob.registered(56, MAG1)));
        InvariantReport report = check(all);
        assertTrue(report.ok(), report.toString());
        assertEquals(2, report.persistenceIds());
        assertEquals(8, report.events());
    }

    @Test
    void overlappingHoldersOfOnePrefixAreNamedWithTheirEvents() {
        Events alice = new Events("alice", "if-0", "2001:db8:100::/64", Optional.empty());
        Events bob = new Events("bob", "if-0", "2001:db8:100::/64", Optional.empty());
        List<JournalRecord> all = new ArrayList<>(bob.journal(bob.registered(10, MAG2)));
        all.addAll(alice.journal(alice.registered(0, MAG1), alice.deregistered(20, MAG1), alice.deleted(30, MAG1)));
        InvariantReport report = check(all);
        assertEquals(1, report.violations().size(), report.toString());
        Violation v = report.violations().get(0);
        assertEquals(Invariant.PREFIX_HELD_BY_TWO_MOBILE_NODES, v.invariant());
        assertEquals(List.of("Binding|alice", "Binding|bob"), v.persistenceIds());
        assertTrue(v.summary().contains("2001:db8:100::/64"), v.summary());
        assertEquals(List.of("Binding|alice#1", "Binding|bob#1", "Binding|alice#3"),
                v.events().stream().map(JournalRecord::coordinates).toList());
    }

    @Test
    void aRefreshOfADeletedSessionIsReportedWithTheDeletion() {
        Events alice = new Events("alice", "if-0", "2001:db8:100::/64", Optional.empty());
        InvariantReport report = check(alice.journal(alice.registered(0, MAG1), alice.deregistered(10, MAG1),
                alice.deleted(20, MAG1), alice.refreshed(25, MAG1)));
        assertEquals(1, report.violations().size(), report.toString());
        Violation v = report.violations().get(0);
        assertEquals(Invariant.REFRESH_AFTER_DEREGISTRATION, v.invariant());
        assertEquals(List.of(BindingEvent.SessionDeleted.class, BindingEvent.Refreshed.class),
                v.events().stream().map(r -> r.event().getClass()).toList());
    }

    @Test
    void twoSessionsOnOneInterfaceAreReported() {
        Events first = new Events("alice", "if-0", "2001:db8:100::/64", Optional.of("0a01"));
        Events second = new Events("alice", "if-1", "2001:db8:101::/64", Optional.of("0a01"));
        List<JournalRecord> records = List.of(
                first.journal(first.registered(0, MAG1)).get(0),
                new JournalRecord("Binding|alice", 2, Events.at(5), second.registered(5, MAG2)));
        InvariantReport report = check(records);
        assertEquals(1, report.violations().size(), report.toString());
        assertEquals(Invariant.TWO_SESSIONS_ON_ONE_INTERFACE, report.violations().get(0).invariant());
        assertEquals(List.of(1L, 2L), report.violations().get(0).events().stream().map(JournalRecord::sequenceNr).toList());
    }

    @Test
    void replayRebuildsTheStateAtAnInstantWithTheEntitysEventHandler() {
        Events alice = new Events("alice", "if-0", "2001:db8:100::/64", Optional.empty());
        List<JournalRecord> records = alice.journal(alice.registered(0, MAG1), alice.handedOff(30, MAG1, MAG2),
                alice.deregistered(40, MAG2), alice.deleted(50, MAG2));
        assertTrue(Replay.stateAt(records, Events.at(-1)).sessions().isEmpty());
        assertEquals(MAG1, Replay.stateAt(records, Events.at(29)).session("if-0").orElseThrow().servingMag());
        assertEquals(MAG2, Replay.stateAt(records, Events.at(30)).session("if-0").orElseThrow().servingMag());
        assertTrue(Replay.stateAt(records, Events.at(45)).session("if-0").orElseThrow().isDeregistered());
        assertTrue(Replay.stateAt(records, Events.at(50)).sessions().isEmpty());
    }
}
