package io.pmip.ops;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command surface without a node: wiring, help, exit codes, bad input. */
class CassandraAndSchemaCommandsTest {
    @TempDir
    Path data;

    @Test
    void statusOfANodeThatIsNotThereExitsThree() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        int exit = Pmip.commandLine().execute("cassandra", "status", "--data", data.toString(), "--port", Integer.toString(port));
        assertEquals(CassandraCommand.EXIT_NOT_RUNNING, exit);
    }

    @Test
    void everySubcommandHasHelp() {
        for (String[] args : new String[][] {
                {"cassandra", "--help"}, {"cassandra", "start", "--help"}, {"cassandra", "stop", "--help"},
                {"cassandra", "status", "--help"}, {"schema", "--help"}, {"schema", "apply", "--help"}}) {
            StringWriter out = new StringWriter();
            CommandLine cli = Pmip.commandLine();
            cli.setOut(new PrintWriter(out));
            assertEquals(0, cli.execute(args), String.join(" ", args));
            assertTrue(out.toString().startsWith("Usage: pmip " + args[0]), out.toString());
        }
    }

    @Test
    void aDryRunPrintsTheSchemaWithTheChosenKeyspace() {
        java.io.PrintStream original = System.out;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        System.setOut(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
        int exit;
        try {
            exit = Pmip.commandLine().execute("schema", "apply", "--dry-run", "--keyspace", "lab_journal");
        } finally {
            System.setOut(original);
        }
        String cql = captured.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, exit);
        assertTrue(cql.contains("CREATE TABLE IF NOT EXISTS lab_journal.messages"), cql);
        assertTrue(cql.contains("CREATE TABLE IF NOT EXISTS pmip_projection.offset_store"), cql);
    }

    @Test
    void anInvalidKeyspaceIsRefusedBeforeConnecting() {
        assertEquals(2, Pmip.commandLine().execute("schema", "apply", "--keyspace", "x;DROP", "--contact-point", "127.0.0.1:1"));
    }

    @Test
    void anOutOfRangePortIsRefused() {
        for (String command : new String[] {"start", "stop", "status"}) {
            assertEquals(CassandraCommand.EXIT_USAGE,
                    Pmip.commandLine().execute("cassandra", command, "--data", data.toString(), "--port", "70000"), command);
        }
    }
}
