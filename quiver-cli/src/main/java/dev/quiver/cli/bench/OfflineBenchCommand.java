package dev.quiver.cli.bench;

import dev.quiver.cli.Json;
import dev.quiver.cli.Table;
import dev.quiver.core.env.EnvSpec;
import dev.quiver.core.error.QuiverUserException;
import dev.quiver.core.seed.Seeds;
import dev.quiver.core.space.Box;
import dev.quiver.data.dataset.EpisodeDataset;
import dev.quiver.rl.offline.OfflineLearner;
import dev.quiver.rl.offline.OfflineLearnerConfig;
import dev.quiver.rl.offline.OfflineTraining;
import dev.quiver.rl.offline.cql.CqlConfig;
import dev.quiver.rl.offline.iql.IqlConfig;
import dev.quiver.rl.offline.td3bc.Td3BcConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code quiver bench offline}: gradient steps per second of the offline learners (IQL, CQL for continuous
 * actions, TD3+BC) on a synthetic dataset with 17-dim observations and 6-dim actions (the shape of D4RL's
 * HalfCheetah/Walker2d), with every network the given MLP (default 256-256) and batches of 256. Each
 * algorithm trains for warm-up + measured steps in one run; the rate is the median over windows of
 * {@link OfflineTraining#METRICS_WINDOW} measured steps (the time between the learner's metrics callbacks),
 * so network creation and JIT warm-up are left out.
 */
@Command(name = "offline", mixinStandardHelpOptions = true,
        description = {"Measure gradient steps per second of the offline learners (iql, cql, td3bc) on a synthetic"
                + " 17-dim observation / 6-dim action dataset with 256-256 MLPs and batches of 256 (one intra-op"
                + " thread); prints the median and min - max over windows of 100 steps after the warm-up."})
public final class OfflineBenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--algorithms", paramLabel = "LIST", split = ",", defaultValue = "iql,cql,td3bc",
            description = "Algorithms to measure (default: ${DEFAULT-VALUE}).")
    List<String> algorithms;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "500",
            description = "Measured gradient steps per algorithm, a multiple of 100 (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "200",
            description = "Warm-up gradient steps, a multiple of 100 (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--hidden", paramLabel = "LIST", split = ",", defaultValue = "256,256",
            description = "Hidden widths of every network (default: ${DEFAULT-VALUE}).")
    List<Integer> hidden;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "256", description = "Batch size (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--json", paramLabel = "OUT", description = "Also write the results as JSON to OUT.")
    Path json;

    /** The synthetic task: 17 unbounded observation values, 6 actions in [−1, 1]. */
    static final EnvSpec SPEC = EnvSpec.of("synthetic-17x6", Box.float32(Double.NEGATIVE_INFINITY,
            Double.POSITIVE_INFINITY, 17), Box.float32(-1, 1, 6), 0, Double.NaN);

    /** 20 episodes of 1,000 steps: standard normal observations and rewards, uniform actions. */
    static EpisodeDataset dataset(long seed) {
        return dataset(seed, 20);
    }

    /** {@code episodes} episodes of 1,000 steps: standard normal observations and rewards, uniform actions. */
    static EpisodeDataset dataset(long seed, int episodes) {
        UniformRandomProvider rng = Seeds.of(seed).child("synthetic").rng();
        ZigguratSampler.NormalizedGaussian normal = ZigguratSampler.NormalizedGaussian.of(rng);
        EpisodeDataset.Builder b = EpisodeDataset.continuousBuilder(17, 6);
        int len = 1000;
        for (int e = 0; e < episodes; e++) {
            float[] obs = new float[(len + 1) * 17];
            float[] act = new float[len * 6];
            double[] rew = new double[len];
            for (int i = 0; i < obs.length; i++) {
                obs[i] = (float) normal.sample();
            }
            for (int i = 0; i < act.length; i++) {
                act[i] = (float) (2 * rng.nextDouble() - 1);
            }
            for (int i = 0; i < len; i++) {
                rew[i] = normal.sample();
            }
            boolean[] term = new boolean[len];
            boolean[] trunc = new boolean[len];
            trunc[len - 1] = true;
            b.addEpisode(obs, act, rew, term, trunc);
        }
        return b.build();
    }

    /** The algorithm's defaults with every network {@code hidden} wide and batches of {@code batch}. */
    static OfflineLearnerConfig config(String algorithm, List<Integer> hidden, int batch) {
        Integer[] h = hidden.toArray(new Integer[0]);
        return switch (algorithm.trim().toLowerCase(Locale.ROOT)) {
            case "iql" -> IqlConfig.defaults().withHidden(h).withBatchSize(batch);
            case "cql" -> CqlConfig.defaults().withActorHidden(h).withCriticHidden(h).withBatchSize(batch);
            case "td3bc" -> Td3BcConfig.defaults().withHidden(h).withBatchSize(batch);
            default -> throw new QuiverUserException("--algorithms: '" + algorithm + "' is not measured here; choose"
                    + " from iql, cql, td3bc");
        };
    }

    /** Steps per second of each measured window. */
    static double[] measure(OfflineLearnerConfig config, EpisodeDataset data, int warmup, int steps, long seed) {
        int window = OfflineTraining.METRICS_WINDOW;
        long[] times = new long[(warmup + steps) / window + 1];
        int[] n = {0};
        OfflineLearner<float[]> learner = config.build(SPEC);
        times[n[0]++] = System.nanoTime();
        learner.fit(data, warmup + steps, seed, (step, m) -> times[n[0]++] = System.nanoTime()).close();
        int first = warmup / window;
        double[] rates = new double[steps / window];
        for (int i = 0; i < rates.length; i++) {
            rates[i] = window / ((times[first + i + 1] - times[first + i]) / 1e9);
        }
        return rates;
    }

    @Override
    public Integer call() {
        int window = OfflineTraining.METRICS_WINDOW;
        if (steps < window || steps % window != 0 || warmup < 0 || warmup % window != 0) {
            throw new QuiverUserException("--steps must be a positive multiple of " + window + " and --warmup a"
                    + " multiple of " + window + ", got " + steps + " and " + warmup);
        }
        if (batch < 1 || hidden.isEmpty() || hidden.stream().anyMatch(h -> h < 1)) {
            throw new QuiverUserException("--batch and every --hidden width must be at least 1");
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "quiver bench offline: synthetic 17-dim observations, 6-dim actions, MLPs %s, batch %d,"
                + " %d warm-up + %d measured gradient steps, one intra-op thread%n", hidden, batch, warmup, steps);
        out.flush();
        EpisodeDataset data = dataset(seed);
        Table t = new Table("algorithm", ">median steps/s", ">min - max", ">ms/step");
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("command", "bench offline");
        doc.put("hidden", hidden);
        doc.put("batch", batch);
        doc.put("warmup", warmup);
        doc.put("steps", steps);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String a : algorithms) {
            double[] rates = measure(config(a, hidden, batch), data, warmup, steps, seed);
            double[] sorted = rates.clone();
            Arrays.sort(sorted);
            double median = sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                    : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
            t.row(a, String.format(Locale.ROOT, "%.1f", median), String.format(Locale.ROOT, "%.1f - %.1f", sorted[0],
                    sorted[sorted.length - 1]), String.format(Locale.ROOT, "%.2f", 1000 / median));
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("algorithm", a);
            r.put("median_steps_per_second", median);
            r.put("window_steps_per_second", rates);
            rows.add(r);
        }
        t.print(out);
        out.println("load average " + String.format(Locale.ROOT, "%.2f",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        out.flush();
        if (json != null) {
            doc.put("results", rows);
            Json.writeFile(json, doc);
        }
        return 0;
    }
}
