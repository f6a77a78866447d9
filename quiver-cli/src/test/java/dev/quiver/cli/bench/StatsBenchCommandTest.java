package dev.quiver.cli.bench;

import static dev.quiver.cli.CliRun.run;
import dev.quiver.cli.CliRun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.cli.QuiverCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Runs {@code bench stats} in-process with few replicates on the Atari 100k data (skipped when {@code
 * shared/data/rliable-atari100k} is absent) and checks the exit code and the output's shape, never timings.
 */
class StatsBenchCommandTest {
    private static final Pattern SECONDS = Pattern.compile("\\d+(\\.\\d+)? s");
    private static final List<String> AGENTS = List.of("DER", "OTR", "DrQ", "DrQ(eps)", "SPR", "SimPLe", "CURL");

    /** {@code shared/data/rliable-atari100k} from the module or the repository root, or null. */
    static Path dataDir() {
        for (String c : List.of("../../shared/data/rliable-atari100k", "../shared/data/rliable-atari100k")) {
            Path p = Path.of(c);
            if (Files.isRegularFile(p.resolve(StatsBenchCommand.SCORES_FILE))
                    && Files.isRegularFile(p.resolve(StatsBenchCommand.REFERENCE_FILE))) {
                return p;
            }
        }
        return null;
    }

    @Test
    void timesTheWholeTableAndPrintsThePoints(@TempDir Path tmp) {
        Path data = dataDir();
        Assumptions.assumeTrue(data != null, "shared/data/rliable-atari100k not found: skipped");
        Path json = tmp.resolve("stats.json");
        CliRun r = run(new CommandLine(new BenchCommand()), "stats", "--data", data.toString(), "--reps", "500",
                "--repeats", "1", "--threads", "1", "--json", json.toString());
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.get(0).startsWith("quiver bench stats: the Atari 100k table from "), r.out());
        assertTrue(r.out().contains("7 agents x 26 games (6 with 100 runs, 1 with 5 runs; 15,730 scores)"), r.out());
        assertTrue(r.out().contains("500 reps, 95% percentile intervals"), r.out());
        assertTrue(r.out().contains("warm-up (cold JVM): load "), r.out());
        String header = row(lines, "threads");
        assertTrue(header.contains("bootstrap (median)") && header.contains("load + bootstrap (median)"), header);
        String one = row(lines, "1 ");
        assertTrue(SECONDS.matcher(one).find(), one);
        assertTrue(one.endsWith("< 3 s: met") || one.endsWith("< 3 s: missed"), one);
        assertTrue(r.out().contains("point estimates (Quiver):"), r.out());
        for (String agent : AGENTS) {
            String p = row(lines, agent + " ");
            assertEquals(6, p.trim().split("\\s+").length, p); // agent, runs, four metrics
        }
        assertTrue(row(lines, "DER ").contains("0.183152"), "DER's IQM point: " + row(lines, "DER "));
        assertTrue(r.out().contains("machine: "), r.out());

        String doc = assertDoesNotThrowRead(json);
        assertTrue(doc.contains("\"command\": \"bench stats\""), doc);
        assertTrue(doc.contains("\"reps\": 500"), doc);
        assertTrue(doc.contains("\"bootstrap_median\": "), doc);
        assertTrue(doc.contains("\"load_and_bootstrap_median\": "), doc);
        assertTrue(doc.contains("\"estimates\": "), doc);
    }

    @Test
    void comparesWithNumpyWhenPython3AndNumpyArePresent() throws Exception {
        Path data = dataDir();
        Assumptions.assumeTrue(data != null, "shared/data/rliable-atari100k not found: skipped");
        Assumptions.assumeTrue(StatsBenchCommand.repoRoot() != null, "bench/python not found: skipped");
        Assumptions.assumeTrue(numpyAvailable(), "python3 with numpy not available: skipped");
        CliRun r = run(new CommandLine(new BenchCommand()), "stats", "--data", data.toString(), "--reps", "200",
                "--repeats", "1", "--threads", "1", "--python");
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertTrue(r.out().contains("numpy baselines: python3 bench/python/rliable_bootstrap.py "), r.out());
        assertTrue(row(lines, "  vectorised numpy: median ").contains("3 runs"), r.out());
        assertTrue(row(lines, "  rliable's per-rep loop: ").contains("scaled linearly to 200 reps"), r.out());
        String ratio = lines.stream().filter(l -> l.startsWith("1 ") && l.contains("x")).findFirst()
                .orElseThrow(() -> new AssertionError("no ratio row in\n" + r.out()));
        assertTrue(ratio.endsWith(">= 10x: met") || ratio.endsWith(">= 10x: missed"), ratio);
        assertTrue(r.out().contains("point estimates, Quiver and numpy:"), r.out());
        assertTrue(r.out().contains("over 28 values (agree to 1e-12)"), r.out());
        assertTrue(r.out().contains("intervals: largest |Quiver - numpy| endpoint difference"), r.out());
    }

    @Test
    void badValuesAreUserErrors(@TempDir Path empty) {
        CliRun repeats = run(QuiverCommand.newCommandLine(), "bench", "stats", "--repeats", "0");
        assertEquals(QuiverCommand.EXIT_USER_ERROR, repeats.code());
        assertTrue(repeats.err().contains("--repeats must be at least 1"), repeats.err());

        CliRun threads = run(QuiverCommand.newCommandLine(), "bench", "stats", "--threads", "0");
        assertEquals(QuiverCommand.EXIT_USER_ERROR, threads.code());
        assertTrue(threads.err().contains("--threads"), threads.err());

        CliRun reps = run(QuiverCommand.newCommandLine(), "bench", "stats", "--reps", "0");
        assertEquals(QuiverCommand.EXIT_USER_ERROR, reps.code());
        assertTrue(reps.err().contains("--reps must be at least 1"), reps.err());

        CliRun noData = run(QuiverCommand.newCommandLine(), "bench", "stats", "--data", empty.toString());
        assertEquals(QuiverCommand.EXIT_USER_ERROR, noData.code());
        assertTrue(noData.err().contains("atari100k_scores.csv") && noData.err().contains("--data DIR"), noData.err());
    }

    @Test
    void readsTheScriptsJsonLines() {
        Object v = StatsBenchCommand.MiniJsonReader.parse(
                "{\"mode\": \"vectorised\", \"seconds\": 1.5e-1, \"points\": {\"DrQ(eps)\": {\"iqm\": 0.25}},"
                        + " \"intervals\": {\"A\": {\"og\": [-1, 2.5]}}, \"ok\": true, \"none\": null, \"s\": \"a\\\"b\"}");
        assertEquals("{mode=vectorised, seconds=0.15, points={DrQ(eps)={iqm=0.25}}, intervals={A={og=[-1.0, 2.5]}},"
                + " ok=true, none=null, s=a\"b}", String.valueOf(v));
    }

    private static String assertDoesNotThrowRead(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            throw new AssertionError("cannot read " + p, e);
        }
    }

    private static boolean numpyAvailable() {
        try {
            Process p = new ProcessBuilder("python3", "-c", "import numpy").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    private static String row(List<String> lines, String prefix) {
        return lines.stream().filter(l -> l.startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no line starting '" + prefix + "' in\n" + String.join("\n", lines)));
    }
}
