package dev.quiver.eval.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quiver.core.estimate.Estimate;
import dev.quiver.eval.aggregate.InterquartileMean;
import dev.quiver.eval.aggregate.Mean;
import dev.quiver.eval.aggregate.Median;
import dev.quiver.eval.aggregate.Metric;
import dev.quiver.eval.aggregate.OptimalityGap;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The real Atari 100k scores of {@code shared/data/rliable-atari100k} (skipped when absent), human
 * normalised, against numbers computed with numpy 2.4 / scipy 1.17 following rliable's conventions
 * (all runs; mean and median of per-game means, {@code scipy.stats.trim_mean(x, 0.25)} and {@code 1 -
 * mean(min(x, 1))} over all runs and games), and against the paper-adjacent IRIS figures quoted in the
 * data's README (mean HNS 1.046, superhuman on 10 of 26 games).
 */
class AtariReferenceTest {

    /** The data directory from the module or the repository root, or null. */
    static Path dataDir() {
        for (String c : List.of("../../shared/data/rliable-atari100k", "../shared/data/rliable-atari100k")) {
            Path p = Path.of(c);
            if (Files.isRegularFile(p.resolve("atari100k_scores.csv"))) {
                return p;
            }
        }
        return null;
    }

    /** Human-normalised matrices [game][run] by algorithm, games in alphabetical order. */
    static Map<String, double[][]> load(Path dir, String file) throws IOException {
        Map<String, double[]> refs = new TreeMap<>();
        for (String line : Files.readAllLines(dir.resolve("atari100k_reference_scores.csv")).subList(1, 27)) {
            String[] f = line.split(",");
            refs.put(f[0], new double[] {Double.parseDouble(f[1]), Double.parseDouble(f[2])});
        }
        List<String> games = List.copyOf(refs.keySet());
        Map<String, Map<String, TreeMap<Integer, Double>>> raw = new TreeMap<>();
        List<String> lines = Files.readAllLines(dir.resolve(file));
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split(",");
            raw.computeIfAbsent(f[0], k -> new TreeMap<>()).computeIfAbsent(f[1], k -> new TreeMap<>())
                    .put(Integer.parseInt(f[2]), Double.parseDouble(f[3]));
        }
        Map<String, double[][]> out = new TreeMap<>();
        for (var e : raw.entrySet()) {
            double[][] m = new double[games.size()][];
            for (int g = 0; g < games.size(); g++) {
                double[] ref = refs.get(games.get(g));
                TreeMap<Integer, Double> runs = e.getValue().get(games.get(g));
                m[g] = new double[runs.size()];
                for (var r : runs.entrySet()) {
                    m[g][r.getKey()] = (r.getValue() - ref[0]) / (ref[1] - ref[0]);
                }
            }
            out.put(e.getKey(), m);
        }
        return out;
    }

    @Test
    void pointEstimatesMatchNumpyAndTheIrisPaper() throws IOException {
        Path dir = dataDir();
        Assumptions.assumeTrue(dir != null, "shared/data/rliable-atari100k not found: skipped");
        Map<String, double[][]> m = load(dir, "atari100k_scores.csv");
        // algorithm: mean, median, IQM, optimality gap (numpy/scipy, see the class comment)
        Map<String, double[]> expected = Map.of(
                "DER", new double[] {0.35030497562763896, 0.189360863950209, 0.18315194969318593, 0.6975022842787035},
                "OTR", new double[] {0.21705284786438742, 0.12959095869061166, 0.11671133999442326, 0.8187226951595344},
                "DrQ", new double[] {0.36912351496348683, 0.21197693941542933, 0.22359457462098214, 0.6917323067614005},
                "DrQ(eps)", new double[] {0.4647412513971657, 0.312901399063074, 0.27964692908526456, 0.6305341162701135},
                "SPR", new double[] {0.6157957428691673, 0.39562938291779215, 0.33664931949376936, 0.5773017532342755},
                "SimPLe", new double[] {0.3319978533732483, 0.13405558483729887, 0.12958780305057785, 0.7289309097768772},
                "CURL", new double[] {0.2614885612143846, 0.09234861529, 0.11279172743615386, 0.7679804383678845});
        assertEquals(expected.keySet(), m.keySet());
        for (var e : expected.entrySet()) {
            double[][] s = m.get(e.getKey());
            double[] x = e.getValue();
            // different summation orders: agreement to a few ulps of values of order 1
            assertEquals(x[0], Mean.of(s), 1e-13, e.getKey());
            assertEquals(x[1], Median.of(s), 1e-13, e.getKey());
            assertEquals(x[2], InterquartileMean.of(s), 1e-13, e.getKey());
            assertEquals(x[3], OptimalityGap.of(s), 1e-13, e.getKey());
        }
        Path iris = dir.resolve("atari100k_scores_iris.csv");
        if (Files.isRegularFile(iris)) {
            double[][] s = load(dir, "atari100k_scores_iris.csv").get("IRIS");
            assertEquals(1.046, Mean.of(s), 0.0005);
            int superhuman = 0;
            for (double[] game : s) {
                superhuman += Mean.of(new double[][] {game}) >= 1 ? 1 : 0;
            }
            assertEquals(10, superhuman);
        }
    }

    /**
     * 95% percentile intervals against a numpy stratified bootstrap of the same data (200,000 reps,
     * another generator). Both are Monte Carlo estimates of the same quantiles: the 2.5% quantile of
     * B replicates has sd about sqrt(0.025 * 0.975 / B) / phi(1.96) = 0.012 bootstrap sds at B =
     * 50,000 (0.006 at 200,000), so the ends differ by about 0.0035 interval widths (3.92 sds) per
     * sd; we allow 0.03 widths (about 9 sd), 0.06 for the median, whose resampling distribution is
     * lumpy with SimPLe's 5 runs.
     */
    @Test
    void percentileIntervalsMatchNumpy() throws IOException {
        Path dir = dataDir();
        Assumptions.assumeTrue(dir != null, "shared/data/rliable-atari100k not found: skipped");
        Map<String, double[][]> m = load(dir, "atari100k_scores.csv");
        Map<String, Map<String, double[]>> expected = Map.of(
                "DER", Map.of("iqm", new double[] {0.17772704060536093, 0.18876187939775552},
                        "mean", new double[] {0.34329441693958396, 0.35728951662770503},
                        "median", new double[] {0.17795510137472703, 0.20576547626755134},
                        "og", new double[] {0.692584084958669, 0.7024894574069309}),
                "SimPLe", Map.of("iqm", new double[] {0.09924240324366125, 0.16760115573385143},
                        "mean", new double[] {0.284039002876055, 0.3807654046761452},
                        "median", new double[] {0.08299187197185161, 0.16388299782776652},
                        "og", new double[] {0.6926194930730832, 0.7661077595230613}));
        for (var e : expected.entrySet()) {
            BootstrapResult r = StratifiedBootstrap.run(m.get(e.getKey()), Metric.standard(), BootstrapConfig.seeded(1));
            for (var metric : e.getValue().entrySet()) {
                Estimate est = r.estimate(metric.getKey());
                double[] ci = metric.getValue();
                double width = ci[1] - ci[0];
                double tol = (metric.getKey().equals("median") ? 0.06 : 0.03) * width;
                String what = e.getKey() + " " + metric.getKey() + ": " + est;
                assertEquals(ci[0], est.low(), tol, what);
                assertEquals(ci[1], est.high(), tol, what);
            }
        }
    }
}
