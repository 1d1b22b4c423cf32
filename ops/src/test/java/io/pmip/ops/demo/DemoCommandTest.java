package io.pmip.ops.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pmip.ops.Pmip;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** `pmip demo --journal inmem`: a real LMA process and real MAG actors, end to end. */
class DemoCommandTest {

    @Test
    void attachesHandsOffAndDetaches(@TempDir Path home) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine pmip = Pmip.commandLine();
        pmip.setOut(new PrintWriter(out, true));
        pmip.setErr(new PrintWriter(err, true));

        int exit = pmip.execute("demo", "--journal", "inmem", "--home", home.toString());

        assertEquals(0, exit, out + "\n" + err);
        List<String> lines = Arrays.asList(out.toString().split("\\R"));
        String alice = row(lines, "alice@demo.example");
        assertTrue(alice.contains("mag-b") && alice.contains("handed off, same prefix (0 ACCEPTED)"), alice);
        assertTrue(alice.matches(".*2001:db8:[0-9a-f:]+/64.*"), alice);
        assertTrue(row(lines, "bob@demo.example").contains("detached (0 ACCEPTED)"), out.toString());
        assertTrue(row(lines, "carol@demo.example").contains("registered (0 ACCEPTED)"), out.toString());
        assertTrue(row(lines, "dave@demo.example").contains("registered (0 ACCEPTED)"), out.toString());
        assertTrue(out.toString().contains("LMA stopped"), out.toString());
    }

    private static String row(List<String> lines, String mobileNode) {
        return lines.stream().filter(l -> l.startsWith(mobileNode)).findFirst()
                .orElseThrow(() -> new AssertionError("no summary row for " + mobileNode + " in\n" + String.join("\n", lines)));
    }
}
