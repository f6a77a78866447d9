package dev.quiver.bandits.sim;

import dev.quiver.bandits.algo.AlgorithmConfig;
import dev.quiver.bandits.algo.BanditAlgorithm;
import dev.quiver.bandits.env.BanditEnvironment;
import dev.quiver.bandits.env.SimulatorConfig;
import dev.quiver.core.seed.Seeds;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Runs several algorithms on one simulator family over several seeds: for seed {@code s}, the simulator is
 * {@code env.build(s)} (the same instance, contexts and noise draws for every algorithm) and the algorithm's
 * streams derive from {@code Seeds.of(s).child("algorithm:" + name)}. Runs are spread over {@code threads}
 * worker threads; each run writes only its own slot, so results do not depend on the thread count.
 *
 * @param env the simulator family
 * @param algorithms the algorithms (distinct names)
 * @param rounds rounds per run, at least 1
 * @param seeds the run seeds, at least one
 * @param threads worker threads, at least 1
 */
public record RegretExperiment(SimulatorConfig env, List<AlgorithmConfig> algorithms, int rounds, long[] seeds,
        int threads) {

    /** Validates and copies the fields. */
    public RegretExperiment {
        Objects.requireNonNull(env, "env");
        algorithms = List.copyOf(algorithms);
        seeds = seeds.clone();
        if (algorithms.isEmpty()) {
            throw new IllegalArgumentException("no algorithms to run");
        }
        Set<String> names = new HashSet<>();
        for (AlgorithmConfig a : algorithms) {
            if (!names.add(a.name())) {
                throw new IllegalArgumentException("algorithm '" + a.name() + "' is given twice");
            }
        }
        if (rounds < 1) {
            throw new IllegalArgumentException("rounds must be at least 1, got " + rounds);
        }
        if (seeds.length == 0) {
            throw new IllegalArgumentException("no seeds given");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
    }

    @Override
    public long[] seeds() {
        return seeds.clone();
    }

    /** Runs everything; see {@link #run(IntConsumer)}. */
    public Map<String, double[][]> run() {
        return run(done -> { });
    }

    /**
     * Runs every (algorithm, seed) pair.
     *
     * @param progress called with the number of finished runs after each run (from worker threads)
     * @return per algorithm name (in the given order), the cumulative regret {@code [seed index][round - 1]}
     */
    public Map<String, double[][]> run(IntConsumer progress) {
        int na = algorithms.size();
        double[][][] out = new double[na][seeds.length][];
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread th = new Thread(r, "bandit-regret");
            th.setDaemon(true);
            return th;
        });
        AtomicInteger done = new AtomicInteger();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < na; i++) {
                for (int j = 0; j < seeds.length; j++) {
                    int ai = i;
                    int sj = j;
                    futures.add(pool.submit(() -> {
                        out[ai][sj] = runOne(algorithms.get(ai), seeds[sj]);
                        progress.accept(done.incrementAndGet());
                    }));
                }
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(c);
        } finally {
            pool.shutdownNow();
        }
        Map<String, double[][]> result = new LinkedHashMap<>();
        for (int i = 0; i < na; i++) {
            result.put(algorithms.get(i).name(), out[i]);
        }
        return result;
    }

    /** The number of (algorithm, seed) runs. */
    public int runs() {
        return algorithms.size() * seeds.length;
    }

    /** One run: the cumulative regret of {@code algorithm} on the simulator of {@code seed}. */
    public double[] runOne(AlgorithmConfig algorithm, long seed) {
        BanditEnvironment e = env.build(seed);
        BanditAlgorithm a = algorithm.build(e.spec(), Seeds.of(seed).child("algorithm:" + algorithm.name()));
        return RegretRun.cumulativeRegret(e, a, rounds);
    }
}
