package dev.quiver.eval.scores;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Reads the Atari 100k scores of the rliable paper from {@code shared/data/rliable-atari100k} (skipped when
 * that folder is absent) and checks them against the numbers their README and the IRIS paper publish.
 */
class Atari100kDataTest {
    private static final List<String> ALGORITHMS = List.of("DER", "OTR", "DrQ", "DrQ(eps)", "SPR", "SimPLe", "CURL");

    /** {@code shared/data/rliable-atari100k} from the module or the repository root; null when absent. */
    private static Path dataDir() {
        for (String c : List.of("../../shared/data/rliable-atari100k", "../shared/data/rliable-atari100k")) {
            Path p = Path.of(c);
            if (Files.isRegularFile(p.resolve("atari100k_scores.csv"))) {
                return p;
            }
        }
        return null;
    }

    private static Path data() {
        Path d = dataDir();
        Assumptions.assumeTrue(d != null, "shared/data/rliable-atari100k not found: skipped");
        return d;
    }

    @Test
    void sevenAlgorithmsOn26GamesWith100RunsExceptSimPLe() {
        ScoreTable t = ScoreTable.readCsv(data().resolve("atari100k_scores.csv"));
        assertEquals(ALGORITHMS, t.algorithms());
        assertEquals(26, t.taskCount());
        assertEquals("Alien", t.tasks().get(0));
        assertEquals("UpNDown", t.tasks().get(25));
        for (String a : ALGORITHMS) {
            int expected = a.equals("SimPLe") ? 5 : 100;
            for (int c : t.runCounts(a)) {
                assertEquals(expected, c, a);
            }
        }
        ScoreTable ten = t.subsetRuns(10);
        assertEquals(10, ten.runCount("DER", "Pong"));
        assertEquals(5, ten.runCount("SimPLe", "Pong"));
        assertEquals(t.scores("DER", "Alien")[0], 536.7999877929688, 0.0);
    }

    @Test
    void curlNormalisedScoresEqualTheSourceHns() throws Exception {
        Path d = data();
        ScoreTable hns = ScoreTable.readCsv(d.resolve("atari100k_scores.csv"))
                .normalized(ReferenceScores.readCsv(d.resolve("atari100k_reference_scores.csv")));
        List<String> lines = Files.readAllLines(d.resolve("atari100k_curl_hns.csv"));
        assertEquals("game,run,hns_final,hns_max_over_10_evals", lines.get(0));
        int checked = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            int task = hns.taskIndex(f[0]);
            int run = Integer.parseInt(f[1]);
            double expected = Double.parseDouble(f[2]);
            double[] runs = hns.matrix("CURL")[task];
            int[] ids = hns.runIds("CURL", f[0]);
            assertEquals(run, ids[run], "run ids are 0..99");
            assertEquals(expected, runs[run], 1e-12, f[0] + " run " + run);
            checked++;
        }
        assertEquals(2600, checked);
    }

    @Test
    void irisMeanHnsIs1046AndSuperhumanOn10Of26Games() {
        Path d = data();
        Path iris = d.resolve("atari100k_scores_iris.csv");
        Assumptions.assumeTrue(Files.isRegularFile(iris), "atari100k_scores_iris.csv not found: skipped");
        ScoreTable hns = ScoreTable.readCsv(iris)
                .normalized(ReferenceScores.readCsv(d.resolve("atari100k_reference_scores.csv")));
        assertEquals(List.of("IRIS"), hns.algorithms());
        assertEquals(26, hns.taskCount());
        double sum = 0;
        int superhuman = 0;
        for (double[] runs : hns.matrix("IRIS")) {
            assertEquals(5, runs.length);
            double m = 0;
            for (double x : runs) {
                m += x;
            }
            m /= runs.length;
            sum += m;
            superhuman += m >= 1 ? 1 : 0;
        }
        double mean = sum / hns.taskCount();
        assertEquals("1.046", String.format(Locale.ROOT, "%.3f", mean), "IRIS paper: mean HNS 1.046");
        assertEquals(10, superhuman, "IRIS paper: superhuman on 10 of 26 games");

        // the IRIS file merges with the seven baselines (same 26 games)
        ScoreTable all = ScoreTable.readCsv(d.resolve("atari100k_scores.csv")).merge(ScoreTable.readCsv(iris));
        assertEquals(8, all.algorithms().size());
        Map<String, Integer> counts = new HashMap<>();
        for (String a : all.algorithms()) {
            counts.put(a, all.runCounts(a)[0]);
        }
        assertEquals(5, counts.get("IRIS"));
        assertTrue(all.toString().contains("IRIS 5"), all.toString());
    }
}
