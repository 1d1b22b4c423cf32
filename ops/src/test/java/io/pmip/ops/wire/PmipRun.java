package io.pmip.ops.wire;

import io.pmip.ops.Pmip;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;

/** Test helper: runs {@code pmip ...} in-process with captured stdout/stderr (and optional stdin). */
record PmipRun(int exit, String out, String err) {

    static PmipRun of(String... args) {
        return withStdin(null, args);
    }

    static synchronized PmipRun withStdin(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Pmip.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        InputStream savedIn = System.in;
        try {
            if (stdin != null) {
                System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            }
            int exit = cl.execute(args);
            return new PmipRun(exit, out.toString(), err.toString());
        } finally {
            System.setIn(savedIn);
        }
    }

    List<String> lines() {
        return Arrays.stream(out.split("\n")).filter(l -> !l.isBlank()).toList();
    }

    @Override
    public String toString() {
        return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
}
