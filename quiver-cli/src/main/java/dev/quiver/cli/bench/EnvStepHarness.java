package dev.quiver.cli.bench;

import dev.quiver.core.env.Env;
import dev.quiver.core.env.Step;
import dev.quiver.core.registry.Envs;
import dev.quiver.core.seed.Seeds;
import dev.quiver.core.space.Box;
import dev.quiver.core.space.Discrete;
import dev.quiver.core.space.Space;
import dev.quiver.core.vector.FlatVectorEnv;
import dev.quiver.envs.classic.ClassicControl;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * A plain-Java step-rate harness (no JMH): each configuration runs in chunks of steps until its time
 * is up, and its rate is the steps done over the time taken. All configurations are warmed up first;
 * then the measurements of all configurations are interleaved, repeat by repeat. Every step's reward
 * and first observation go into a checksum, so the JIT cannot drop the work.
 */
final class EnvStepHarness {
    /** Env-steps per chunk of a vector env (between clock reads). */
    static final int VECTOR_CHUNK_ENV_STEPS = 65_536;
    /** Steps per chunk of a single env. */
    static final int SINGLE_CHUNK_STEPS = 4_096;

    private final long seed;
    private final List<Runner> runners = new ArrayList<>();

    /** A harness whose envs are seeded with {@code seed} and whose actions come from {@code seed + 1}. */
    EnvStepHarness(long seed) {
        this.seed = seed;
    }

    /**
     * One configuration.
     *
     * @param envId the env id
     * @param copies the number of vector-env copies, or 0 for the single env through the {@code Env} API
     */
    record Config(String envId, int copies) {
        static Config single(String envId) {
            return new Config(envId, 0);
        }

        static Config vector(String envId, int copies) {
            return new Config(envId, copies);
        }

        /** A short name for tables. */
        String label() {
            return copies == 0 ? "single env (Env API)" : "vector env x" + copies;
        }

        /** How this configuration draws its random actions. */
        String describeActions() {
            Space<?> space;
            try (Env<?, ?> e = Envs.make(envId)) {
                space = e.actionSpace();
            }
            if (copies == 0) {
                return "actionSpace().sample(rng) per step (" + space + (space instanceof Discrete ? ": rng.nextInt(n))"
                        : ")") + ", reset() when an episode ends";
            }
            if (space instanceof Discrete d && d.n() == 2) {
                return "one rng.nextLong() per 64 copies, one bit per copy, every vector step";
            }
            if (space instanceof Discrete) {
                return "rng.nextInt(n) per copy, every vector step";
            }
            return "low + (high - low) * rng.nextFloat() per copy and dimension, every vector step";
        }
    }

    /**
     * The measurements of one configuration.
     *
     * @param config what was measured
     * @param samples steps per second, one per repeat, in the order measured
     */
    record Result(Config config, double[] samples) {
        /** The median of the samples (the mean of the middle two for an even count). */
        double median() {
            double[] s = samples.clone();
            Arrays.sort(s);
            int m = s.length / 2;
            return s.length % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2;
        }

        double min() {
            return Arrays.stream(samples).min().orElse(Double.NaN);
        }

        double max() {
            return Arrays.stream(samples).max().orElse(Double.NaN);
        }
    }

    /** Warms every configuration up for {@code warmupSeconds}, then measures each {@code repeats} times. */
    List<Result> run(List<Config> configs, double warmupSeconds, double seconds, int repeats) {
        List<Runner> rs = new ArrayList<>();
        for (Config c : configs) {
            Runner r = c.copies() == 0 ? new SingleRunner(c.envId(), seed) : new VectorRunner(c.envId(), c.copies(), seed);
            runners.add(r);
            rs.add(r);
        }
        for (Runner r : rs) {
            r.stepsPerSecond(warmupSeconds);
        }
        double[][] samples = new double[rs.size()][repeats];
        for (int k = 0; k < repeats; k++) {
            for (int i = 0; i < rs.size(); i++) {
                samples[i][k] = rs.get(i).stepsPerSecond(seconds);
            }
        }
        List<Result> results = new ArrayList<>();
        for (int i = 0; i < rs.size(); i++) {
            results.add(new Result(configs.get(i), samples[i]));
        }
        return results;
    }

    /** The sum of every runner's checksum. */
    double checksum() {
        double s = 0;
        for (Runner r : runners) {
            s += r.sink;
        }
        return s;
    }

    /** Steps one configuration in chunks. */
    private abstract static class Runner {
        /** Rewards and observations accumulated so the JIT keeps the work. */
        double sink;

        /** Runs whole chunks for at least {@code seconds} (at least one chunk) and returns steps per second. */
        final double stepsPerSecond(double seconds) {
            long budget = (long) (seconds * 1e9);
            long start = System.nanoTime();
            long deadline = start + budget;
            long steps = 0;
            long now;
            do {
                steps += chunk();
                now = System.nanoTime();
            } while (now - deadline < 0);
            return steps * 1e9 / Math.max(1, now - start);
        }

        /** Runs one chunk and returns the number of env-steps taken. */
        abstract long chunk();
    }

    /** One env made by {@code Envs.make}, stepped through the public API. */
    private static final class SingleRunner extends Runner {
        private final Env<Object, Object> env;
        private final Space<Object> space;
        private final UniformRandomProvider rng;

        SingleRunner(String id, long seed) {
            env = Envs.make(id);
            space = env.actionSpace();
            rng = Seeds.rng(seed + 1);
            env.reset(seed);
        }

        @Override
        long chunk() {
            double s = 0;
            for (int k = 0; k < SINGLE_CHUNK_STEPS; k++) {
                Step<Object> st = env.step(space.sample(rng));
                s += st.reward();
                if (st.observation() instanceof float[] f) {
                    s += f[0];
                }
                if (st.done()) {
                    env.reset();
                }
            }
            sink += s;
            return SINGLE_CHUNK_STEPS;
        }
    }

    /** A struct-of-arrays vector env with fresh random actions every vector step. */
    private static final class VectorRunner extends Runner {
        private final FlatVectorEnv env;
        private final UniformRandomProvider rng;
        private final int n;
        private final int vectorSteps;
        private final int[] discrete;
        private final int numActions;
        private final float[] continuous;
        private final float[] low;
        private final float[] high;

        VectorRunner(String id, int copies, long seed) {
            env = ClassicControl.vector(id, copies);
            n = copies;
            rng = Seeds.rng(seed + 1);
            vectorSteps = Math.max(1, VECTOR_CHUNK_ENV_STEPS / copies);
            Space<?> space = env.spec().actionSpace();
            if (space instanceof Discrete d) {
                numActions = d.n();
                discrete = new int[copies];
                continuous = null;
                low = null;
                high = null;
            } else if (space instanceof Box<?> b && b.isBounded()) {
                numActions = 0;
                discrete = null;
                int dims = b.size();
                continuous = new float[copies * dims];
                low = new float[dims];
                high = new float[dims];
                for (int d = 0; d < dims; d++) {
                    low[d] = (float) b.low(d);
                    high[d] = (float) b.high(d);
                }
            } else {
                throw new IllegalStateException(id + ": no random actions for action space " + space);
            }
            env.reset(seed);
        }

        @Override
        long chunk() {
            for (int t = 0; t < vectorSteps; t++) {
                if (discrete != null) {
                    fillDiscrete();
                    env.step(discrete);
                } else {
                    fillContinuous();
                    env.step(continuous);
                }
            }
            sink += env.rewards()[0] + env.observations()[0];
            return (long) vectorSteps * n;
        }

        private void fillDiscrete() {
            if (numActions == 2) {
                for (int i = 0; i < n; i += 64) {
                    long word = rng.nextLong();
                    int end = Math.min(n, i + 64);
                    for (int j = i; j < end; j++) {
                        discrete[j] = (int) word & 1;
                        word >>>= 1;
                    }
                }
            } else {
                for (int i = 0; i < n; i++) {
                    discrete[i] = rng.nextInt(numActions);
                }
            }
        }

        private void fillContinuous() {
            int dims = low.length;
            for (int i = 0; i < continuous.length; i++) {
                int d = i % dims;
                float a = low[d] + (high[d] - low[d]) * rng.nextFloat();
                continuous[i] = Math.min(a, high[d]); // rounding could overshoot high by an ulp
            }
        }
    }
}
