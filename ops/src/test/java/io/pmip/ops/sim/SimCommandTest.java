package io.pmip.ops.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pmip.ops.Pmip;
import io.pmip.protocol.transport.TransportKind;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** {@code pmip sim}'s options: what parses into which scenario, and which values are usage errors. */
class SimCommandTest {

    private static SimScenario parse(String... args) {
        SimCommand command = new SimCommand();
        CommandLine cl = new CommandLine(command);
        cl.parseArgs(args);
        return command.scenario();
    }

    @Test
    void theIssuesOptionsMakeAScenario() throws Exception {
        SimScenario s = parse("--lmaa", "127.0.0.1:15436", "--transport", "udp", "--mags", "4", "--mns", "25",
                "--duration", "2.5", "--rate", "80", "--handoff-rate", "10", "--detach-rate", "5", "--bulk",
                "--lifetime", "40");
        assertEquals(TransportKind.UDP_IPV4, s.transport());
        assertEquals(InetAddress.getByName("127.0.0.1"), s.lma());
        assertEquals(15436, s.lmaPort());
        assertEquals(100, s.mobileNodes());
        assertEquals(200, s.operations());
        assertEquals(Duration.ofMillis(2500), s.duration());
        assertTrue(s.bulk());
        assertEquals(InetAddress.getByName("127.0.1.4"), s.proxyCareOfAddress(3));
        assertEquals("sim-3-24@sim.pmip.example", s.mobileNodeIdentifier(3, 24));
    }

    @Test
    void udpDefaultsToPort5436AndMhTakesBareOrBracketedIpv6() throws Exception {
        assertEquals(5436, parse("--lmaa", "192.0.2.1").lmaPort());
        SimScenario mh = parse("--lmaa", "[2001:db8::1]", "--transport", "mh", "--count", "7");
        assertEquals(InetAddress.getByName("2001:db8::1"), mh.lma());
        assertEquals(InetAddress.getByName("::1"), mh.proxyCareOfAddress(5));
        assertEquals(7, mh.operations());
        assertEquals(InetAddress.getByName("::1"), parse("--lmaa", "::1", "--transport", "MH").lma());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--lmaa 127.0.0.1 --transport sctp                     | --transport must be udp or mh",
        "--lmaa ::1                                            | must be IPv4 for --transport udp",
        "--lmaa 127.0.0.1 --transport mh                       | must be IPv6 for --transport mh",
        "--lmaa 127.0.0.1:70000                                | bad port '70000'",
        "--lmaa lma.example.com                                | not an IP address literal",
        "--lmaa 127.0.0.1 --rate 10 --handoff-rate 8 --detach-rate 5 | --handoff-rate + --detach-rate <= --rate",
        "--lmaa 127.0.0.1 --rate 0                             | need --rate > 0",
        "--lmaa 127.0.0.1 --mags 1 --handoff-rate 1            | a handoff needs at least 2 MAGs",
        "--lmaa 127.0.0.1 --mags 300                           | --mags must be 1..250",
        "--lmaa 127.0.0.1 --mns 0                              | --mns must be positive",
        "--lmaa 127.0.0.1 --lifetime 2                         | --lifetime must be 4..262140 s",
        "--lmaa 127.0.0.1 --duration 0                         | --duration must be in (0, 86400]",
        "--lmaa 127.0.0.1 --count 0                            | --count must be positive",
        "--lmaa 127.0.0.1 --tag Big_Tag                        | --tag must be",
        "--transport udp                                       | --lmaa is required",
        "--stub-lma --lmaa 127.0.0.1                           | --stub-lma replaces --lmaa",
        "--stub-lma --transport mh                             | --stub-lma speaks udp only",
    })
    void badValuesAreUsageErrorsNamingTheOption(String args, String message) {
        StringWriter err = new StringWriter();
        CommandLine cl = Pmip.commandLine();
        cl.setErr(new PrintWriter(err, true));
        cl.setOut(new PrintWriter(new StringWriter(), true));
        String[] argv = ("sim " + args.trim()).split("\\s+");
        assertEquals(2, cl.execute(argv), err::toString);
        assertTrue(err.toString().contains(message.trim()), err::toString);
    }
}
