package dev.quiver.eval.bootstrap;

import dev.quiver.core.seed.Seeds;
import dev.quiver.eval.aggregate.Metric;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * A quick wall-clock check (not a test, not a benchmark): the Atari 100k table shape, 7 algorithms x
 * 26 tasks x 100 runs (one with 5), four metrics, 50,000 reps, percentile intervals. Run with {@code
 * java -cp ... dev.quiver.eval.bootstrap.AtariSizedTiming [threads...]}.
 */
public final class AtariSizedTiming {
    private AtariSizedTiming() {
    }

    /** Builds random data of the Atari shape (lognormal-ish normalised scores). */
    static Map<String, double[][]> atariShaped(long seed) {
        UniformRandomProvider rng = Seeds.rng(seed);
        Map<String, double[][]> m = new LinkedHashMap<>();
        String[] algos = {"DER", "OTR", "DrQ", "DrQ(eps)", "SPR", "SimPLe", "CURL"};
        for (String a : algos) {
            int runs = a.equals("SimPLe") ? 5 : 100;
            double[][] s = new double[26][runs];
            for (int t = 0; t < 26; t++) {
                double mu = rng.nextDouble() * 1.5 - 1.5;
                for (int r = 0; r < runs; r++) {
                    s[t][r] = Math.exp(mu + 0.8 * dev.quiver.core.space.Spaces.standardNormal(rng)) - 0.1;
                }
            }
            m.put(a, s);
        }
        return m;
    }

    public static void main(String[] args) {
        Map<String, double[][]> data = atariShaped(1);
        List<Metric> metrics = List.of(Metric.iqm(), Metric.mean(), Metric.median(), Metric.optimalityGap());
        int[] threads = args.length == 0 ? new int[] {1, 2} : new int[args.length];
        for (int i = 0; i < args.length; i++) {
            threads[i] = Integer.parseInt(args[i]);
        }
        for (int round = 0; round < 4; round++) {
            for (int th : threads) {
                BootstrapConfig c = BootstrapConfig.seeded(7).withThreads(th);
                long t0 = System.nanoTime();
                Map<String, BootstrapResult> r = StratifiedBootstrap.runAll(data, metrics, c);
                double sink = 0;
                for (BootstrapResult br : r.values()) {
                    for (String n : br.names()) {
                        sink += br.estimate(n).low();
                    }
                }
                long t1 = System.nanoTime();
                System.out.printf("round %d threads %d: %.3f s (sink %.4f)%n", round, th, (t1 - t0) / 1e9, sink);
            }
        }
    }
}
