package dev.quiver.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/**
 * One execution of a command line in a test: its exit code and everything it wrote to standard output and
 * standard error. Its {@code toString} is all three, so an assertion message shows what the command said.
 *
 * @param code the exit code
 * @param out what the command wrote to standard output
 * @param err what the command wrote to standard error
 */
public record CliRun(int code, String out, String err) {
    /** Runs {@code quiver ARGS} through a fresh {@link QuiverCommand#newCommandLine() command line}. */
    public static CliRun run(String... args) {
        return run(QuiverCommand.newCommandLine(), args);
    }

    /** Runs {@code args} through {@code commandLine}, capturing its output and error streams. */
    public static CliRun run(CommandLine commandLine, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int code = commandLine.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /**
     * Runs {@code quiver ARGS} (a {@code --help} request) and asserts that it exits 0, prints a usage message and
     * makes picocli report nothing on {@code System.err} (it warns there about an unescaped '%' in a description).
     */
    public static CliRun assertCleanHelp(String... args) {
        PrintStream stderr = System.err;
        ByteArrayOutputStream tracer = new ByteArrayOutputStream();
        CliRun r;
        try {
            System.setErr(new PrintStream(tracer, true, StandardCharsets.UTF_8));
            r = run(args);
        } finally {
            System.setErr(stderr);
        }
        String what = String.join(" ", args);
        assertEquals(0, r.code(), what + ": " + r);
        assertTrue(r.out().contains("Usage:"), what + ": " + r);
        assertFalse(tracer.toString(StandardCharsets.UTF_8).contains("picocli WARN"), what + ": " + tracer);
        return r;
    }

    @Override
    public String toString() {
        return "exit " + code + "\n--- out:\n" + out + "\n--- err:\n" + err;
    }
}
