package dev.quiver.bench;

import dev.quiver.core.seed.Seeds;
import dev.quiver.core.space.Box;
import dev.quiver.core.space.Discrete;
import dev.quiver.core.space.Space;
import dev.quiver.core.vector.FlatVectorEnv;
import dev.quiver.envs.classic.ClassicControl;
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
 * Env-steps per second of every classic-control struct-of-arrays vector env ({@link
 * ClassicControl#vector}) on one thread, with fresh uniformly random actions before every vector step:
 * {@code rng.nextInt(n)} per copy for discrete action spaces, {@code low + (high - low) *
 * rng.nextFloat()} per copy for one-dimensional boxes. One invocation is {@value
 * CartPoleVectorStepBenchmark#ENV_STEPS_PER_INVOCATION} env-steps, so the score is env-steps per second.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class ClassicVectorStepBenchmark {
    /** The env id (any id with {@link ClassicControl#hasVector}). */
    @Param({"CartPole-v1", "MountainCar-v0", "MountainCarContinuous-v0", "Acrobot-v1", "Pendulum-v1"})
    public String envId;

    /** Number of copies; must divide {@link CartPoleVectorStepBenchmark#ENV_STEPS_PER_INVOCATION}. */
    @Param({"1024"})
    public int numEnvs;

    private FlatVectorEnv env;
    private UniformRandomProvider rng;
    private int vectorSteps;
    private int numActions;
    private int[] discrete;
    private float[] continuous;
    private float low;
    private float high;

    /** Makes and resets the vector env and sizes the action batch for its action space. */
    @Setup(Level.Trial)
    public void setUp() {
        int total = CartPoleVectorStepBenchmark.ENV_STEPS_PER_INVOCATION;
        if (numEnvs < 1 || total % numEnvs != 0) {
            throw new IllegalArgumentException("numEnvs must divide " + total + ", got " + numEnvs);
        }
        env = ClassicControl.vector(envId, numEnvs);
        env.reset(CartPoleStepBenchmark.ENV_SEED);
        rng = Seeds.rng(CartPoleStepBenchmark.ACTION_SEED);
        vectorSteps = total / numEnvs;
        Space<?> space = env.spec().actionSpace();
        if (space instanceof Discrete d) {
            numActions = d.n();
            discrete = new int[numEnvs];
        } else if (space instanceof Box<?> b && b.size() == 1) {
            low = (float) b.low(0);
            high = (float) b.high(0);
            continuous = new float[numEnvs];
        } else {
            throw new IllegalArgumentException(envId + ": unsupported action space " + space);
        }
    }

    /** {@code ENV_STEPS_PER_INVOCATION / numEnvs} vector steps, each with fresh random actions. */
    @Benchmark
    @OperationsPerInvocation(CartPoleVectorStepBenchmark.ENV_STEPS_PER_INVOCATION)
    public float[] step() {
        if (discrete != null) {
            for (int t = 0; t < vectorSteps; t++) {
                RandomActions.fillNextInt(rng, discrete, numActions);
                env.step(discrete);
            }
        } else {
            for (int t = 0; t < vectorSteps; t++) {
                RandomActions.fillUniform(rng, continuous, low, high);
                env.step(continuous);
            }
        }
        return env.observations();
    }
}
