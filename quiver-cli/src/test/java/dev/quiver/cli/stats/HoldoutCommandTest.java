package dev.quiver.cli.stats;

import dev.quiver.cli.CliRun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@code quiver stats holdout} in-process at a reduced size. */
class HoldoutCommandTest {
    @TempDir
    Path dir;

    /** {@code quiver stats holdout ARGS}. */
    private static CliRun run(String... args) {
        String[] full = new String[args.length + 2];
        full[0] = "stats";
        full[1] = "holdout";
        System.arraycopy(args, 0, full, 2, args.length);
        return CliRun.run(full);
    }

    @Test
    void aReducedRunPrintsTheTableAndWritesJsonAndCsv() throws Exception {
        Path json = dir.resolve("out/holdout.json");
        Path csv = dir.resolve("out/holdout.csv");
        CliRun r = run("--n", "500", "--d", "400", "--ks", "0,10,50,200", "--reps", "3", "--seed", "7", "--json",
                json.toString(), "--csv", csv.toString());
        assertEquals(0, r.code(), r.toString());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.get(0).startsWith("quiver stats holdout: n = 500 per set, d = 400, 3 repetitions, seed 7,"
                + " no signal"), r.toString());
        String header = lines.stream().filter(l -> l.startsWith("k ")).findFirst().orElseThrow();
        for (String col : List.of("standard: train", "holdout", "fresh", "Thresholdout: train")) {
            assertTrue(header.contains(col), header);
        }
        assertTrue(lines.stream().anyMatch(l -> l.matches("200\\s+0\\.\\d{3} \\+- 0\\.\\d{3}.*")), r.toString());
        assertTrue(r.out().contains("attributes kept:"), r.out());
        assertTrue(r.err().contains("repetition 3/3"), "progress: " + r.err());

        String doc = Files.readString(json);
        assertTrue(doc.contains("\"command\": \"stats holdout\""), doc);
        assertTrue(doc.contains("\"thresholdout_holdout\""), doc);
        assertTrue(doc.contains("\"thresholdout_noise\": \"GAUSSIAN\""), doc);
        List<String> rows = Files.readAllLines(csv);
        assertEquals(5, rows.size());
        assertTrue(rows.get(0).startsWith("k,standard_train_mean,standard_train_sd,standard_train_low,"), rows.get(0));
        assertTrue(rows.get(4).startsWith("200,"), rows.get(4));
        try (var files = Files.list(json.getParent())) {
            assertEquals(2, files.count(), "no temp file is left behind");
        }
    }

    @Test
    void signalLaplaceAndNoProgress() {
        CliRun r = run("--n", "400", "--d", "100", "--reps", "1", "--signal", "--noise", "laplace", "--no-progress");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("signal: 20 attributes shifted by 0.3000 y"), r.out());
        assertTrue(r.out().contains("laplace noise"), r.out());
        // default grid without the ks above d = 100
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("100 ")), r.out());
        assertTrue(r.out().lines().noneMatch(l -> l.startsWith("150 ")), r.out());
        assertEquals("", r.err());
    }

    @Test
    void badFlagsExitWith2() {
        for (String[] args : List.of(new String[] {"--n", "abc"}, new String[] {"--bogus"},
                new String[] {"--n", "0"}, new String[] {"--d", "-3"}, new String[] {"--reps", "0"},
                new String[] {"--d", "10", "--ks", "0,20"}, new String[] {"--d", "10", "--ks", "5,2"},
                new String[] {"--noise", "uniform"}, new String[] {"--ks", "1,x"})) {
            CliRun r = run(args);
            assertEquals(2, r.code(), String.join(" ", args) + ": " + r);
            assertTrue(r.err().startsWith("quiver: error: "), r.toString());
        }
        CliRun r = run("--d", "10", "--ks", "0,20");
        assertTrue(r.err().contains("--ks 20"), r.err());
    }

    @Test
    void helpSaysHowLongThePaperSizeTakes() {
        CliRun r = run("--help");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("1-2") && r.out().contains("100 repetitions"), r.out());
        assertTrue(r.out().contains("50%"), r.out());
    }
}
