package dev.quiver.bench;

import dev.quiver.core.seed.Seeds;
import dev.quiver.envs.classic.CartPoleVectorEnv;
import java.util.concurrent.TimeUnit;
import org.apache.commons.rng.UniformRandomProvider;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Env-steps per second of the struct-of-arrays {@link CartPoleVectorEnv} on one thread (next-step
 * autoreset and the 500-step limit included), with fresh uniformly random actions before every vector
 * step. One invocation runs {@value #ENV_STEPS_PER_INVOCATION} env-steps ({@code
 * ENV_STEPS_PER_INVOCATION / numEnvs} vector steps), declared through {@link OperationsPerInvocation},
 * so the score is env-steps (one copy advancing one step) per second. The reference is Gymnasium's
 * numpy {@code CartPoleVectorEnv} at about 16 M steps/s with 1024 copies; the target is at least twice
 * that (32 M steps/s).
 *
 * <p>{@code actions}: {@code bits} draws one {@code nextLong()} per 64 copies and uses its bits (the
 * cheapest fair equivalent of numpy's batched {@code np_random.integers(0, 2, size=n)}); {@code
 * nextInt} draws {@code rng.nextInt(2)} per copy.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class CartPoleVectorStepBenchmark {
    /** Env-steps per benchmark invocation; every {@code numEnvs} must divide it. */
    public static final int ENV_STEPS_PER_INVOCATION = 65_536;

    /** Number of copies. */
    @Param({"64", "1024"})
    public int numEnvs;

    /** How random actions are drawn: {@code bits} (one long per 64 copies) or {@code nextInt} (one per copy). */
    @Param({"bits", "nextInt"})
    public String actions;

    private CartPoleVectorEnv env;
    private UniformRandomProvider rng;
    private int[] batch;
    private int vectorSteps;
    private boolean bits;

    /** Makes and resets the vector env. */
    @Setup(Level.Trial)
    public void setUp() {
        if (numEnvs < 1 || ENV_STEPS_PER_INVOCATION % numEnvs != 0) {
            throw new IllegalArgumentException("numEnvs must divide " + ENV_STEPS_PER_INVOCATION + ", got " + numEnvs);
        }
        bits = switch (actions) {
            case "bits" -> true;
            case "nextInt" -> false;
            default -> throw new IllegalArgumentException("actions must be bits or nextInt, got " + actions);
        };
        env = new CartPoleVectorEnv(numEnvs);
        env.reset(CartPoleStepBenchmark.ENV_SEED);
        rng = Seeds.rng(CartPoleStepBenchmark.ACTION_SEED);
        batch = new int[numEnvs];
        vectorSteps = ENV_STEPS_PER_INVOCATION / numEnvs;
    }

    /** {@code ENV_STEPS_PER_INVOCATION / numEnvs} vector steps, each with fresh random actions. */
    @Benchmark
    @OperationsPerInvocation(ENV_STEPS_PER_INVOCATION)
    public float[] step() {
        for (int t = 0; t < vectorSteps; t++) {
            if (bits) {
                RandomActions.fillBits(rng, batch);
            } else {
                RandomActions.fillNextInt(rng, batch, 2);
            }
            env.step(batch);
        }
        return env.observations();
    }
}
