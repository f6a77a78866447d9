package dev.quiver.bench;

import dev.quiver.core.env.Env;
import dev.quiver.core.env.Step;
import dev.quiver.core.registry.Envs;
import dev.quiver.core.seed.Seeds;
import java.util.concurrent.TimeUnit;
import org.apache.commons.rng.UniformRandomProvider;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Steps per second of one {@code CartPole-v1} through the public API, on one thread: {@code
 * Envs.make("CartPole-v1")} (the env inside its 500-step {@code TimeLimit}), a uniformly random action
 * from {@code rng.nextInt(2)} each step, and {@code reset()} whenever an episode ends (the resets count
 * inside the measured time, not as steps). One benchmark operation is one {@code step}, so the
 * throughput score is steps per second. The reference is Gymnasium's Python {@code CartPoleEnv} at
 * about 0.2 M steps/s on this kind of machine; the target is at least 50 times that (10 M steps/s).
 *
 * <p>The returned {@link Step} goes to JMH's blackhole, so its allocation (the record and its float[4]
 * observation) is measured as a user of the API would pay it.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class CartPoleStepBenchmark {
    /** Seed of the env's first reset. */
    static final long ENV_SEED = 0;
    /** Seed of the action generator. */
    static final long ACTION_SEED = 1;

    private Env<float[], Integer> env;
    private UniformRandomProvider rng;

    /** Makes and resets the env. */
    @Setup(Level.Trial)
    public void setUp() {
        env = Envs.make("CartPole-v1");
        env.reset(ENV_SEED);
        rng = Seeds.rng(ACTION_SEED);
    }

    /** One step with a random action; resets when the episode is over. */
    @Benchmark
    public Step<float[]> step() {
        Step<float[]> s = env.step(rng.nextInt(2));
        if (s.done()) {
            env.reset();
        }
        return s;
    }
}
