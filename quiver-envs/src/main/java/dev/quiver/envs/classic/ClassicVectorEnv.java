package dev.quiver.envs.classic;

import dev.quiver.core.env.EnvSpec;
import dev.quiver.core.error.QuiverUserException;
import dev.quiver.core.seed.Seeds;
import dev.quiver.core.state.NamedArrays;
import dev.quiver.core.vector.FlatVectorEnv;
import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The bookkeeping shared by the classic-control {@link FlatVectorEnv}s: output buffers, per-copy
 * generators, time limits and next-step autoreset. Subclasses hold a struct-of-arrays kernel and
 * write the step loop (kept in the subclass so the concrete kernel's step inlines).
 *
 * <p>Every classic-control vector env {@link #savesState() saves its state}: the kernel's state variables
 * (named as in Gymnasium's source, e.g. {@code x, x_dot, theta, theta_dot}), each copy's generator state
 * ({@code rng}, the copies' {@link Seeds#saveState} bytes one after another), the elapsed steps
 * ({@code elapsed}), the pending autoresets ({@code autoreset}) and the output buffers ({@code observations,
 * rewards, terminations, truncations}). Options fixed at construction (CartPole's reward, Pendulum's g) are
 * not part of the state.
 *
 * @param <K> the kernel type
 */
abstract class ClassicVectorEnv<K extends ClassicKernel> implements FlatVectorEnv {
    /** The length of one copy's saved generator state. */
    private static final int RNG_STATE_BYTES = Seeds.saveState(Seeds.rng(0)).length;
    /** The kernel holding all copies. */
    protected final K k;
    /** Number of copies. */
    protected final int n;
    /** Floats per observation. */
    protected final int obsSize;
    /** Observation buffer, copy-major. */
    protected final float[] obs;
    /** Reward buffer. */
    protected final double[] rewards;
    /** Termination buffer. */
    protected final boolean[] terminations;
    /** Truncation buffer. */
    protected final boolean[] truncations;
    /** Per-copy generators: copy i is seeded with seed + i and continues across its autoresets. */
    protected final UniformRandomProvider[] rngs;
    private final EnvSpec spec;
    private final int maxSteps;
    private final int[] elapsed;
    private final boolean[] autoreset;
    private boolean started;

    ClassicVectorEnv(EnvSpec spec, K kernel, int numEnvs, int obsSize) {
        if (numEnvs < 1) {
            throw new IllegalArgumentException("numEnvs must be >= 1, got " + numEnvs);
        }
        this.spec = spec;
        this.k = kernel;
        this.n = numEnvs;
        this.obsSize = obsSize;
        this.maxSteps = spec.maxEpisodeSteps().orElse(Integer.MAX_VALUE);
        this.obs = new float[numEnvs * obsSize];
        this.rewards = new double[numEnvs];
        this.terminations = new boolean[numEnvs];
        this.truncations = new boolean[numEnvs];
        this.rngs = new UniformRandomProvider[numEnvs];
        this.elapsed = new int[numEnvs];
        this.autoreset = new boolean[numEnvs];
    }

    @Override
    public final int numEnvs() {
        return n;
    }

    @Override
    public final EnvSpec spec() {
        return spec;
    }

    @Override
    public final int observationSize() {
        return obsSize;
    }

    @Override
    public final float[] observations() {
        return obs;
    }

    @Override
    public final double[] rewards() {
        return rewards;
    }

    @Override
    public final boolean[] terminations() {
        return terminations;
    }

    @Override
    public final boolean[] truncations() {
        return truncations;
    }

    @Override
    public final void reset(long seed) {
        for (int i = 0; i < n; i++) {
            rngs[i] = Seeds.rng(seed + i);
            resetCopy(i);
            rewards[i] = 0;
            terminations[i] = false;
            truncations[i] = false;
            elapsed[i] = 0;
            autoreset[i] = false;
        }
        started = true;
    }

    @Override
    public final boolean savesState() {
        return true;
    }

    @Override
    public final NamedArrays saveState() {
        if (!started) {
            throw new IllegalStateException(spec.id() + ": saveState() called before reset(seed)");
        }
        NamedArrays s = new NamedArrays(spec.id() + " vector env state");
        k.save(s);
        s.put("observations", obs).put("rewards", rewards).put("terminations", terminations)
                .put("truncations", truncations).put("elapsed", elapsed).put("autoreset", autoreset);
        int len = RNG_STATE_BYTES;
        byte[] rng = new byte[n * len];
        for (int i = 0; i < n; i++) {
            byte[] one = Seeds.saveState(rngs[i]);
            if (one.length != len) {
                throw new IllegalStateException("generator state of " + one.length + " bytes, expected " + len);
            }
            System.arraycopy(one, 0, rng, i * len, len);
        }
        return s.put("rng", rng);
    }

    @Override
    public final void restoreState(NamedArrays s) {
        // read (and so check) everything before changing anything
        float[] o = s.floats("observations", n * obsSize);
        double[] r = s.doubles("rewards", n);
        boolean[] te = s.booleans("terminations", n);
        boolean[] tr = s.booleans("truncations", n);
        int[] el = s.ints("elapsed", n);
        boolean[] ar = s.booleans("autoreset", n);
        int len = RNG_STATE_BYTES;
        byte[] rng = s.bytes("rng", n * len);
        k.restore(s);
        System.arraycopy(o, 0, obs, 0, n * obsSize);
        System.arraycopy(r, 0, rewards, 0, n);
        System.arraycopy(te, 0, terminations, 0, n);
        System.arraycopy(tr, 0, truncations, 0, n);
        System.arraycopy(el, 0, elapsed, 0, n);
        System.arraycopy(ar, 0, autoreset, 0, n);
        for (int i = 0; i < n; i++) {
            UniformRandomProvider g = Seeds.rng(0);
            Seeds.restoreState(g, Arrays.copyOfRange(rng, i * len, (i + 1) * len));
            rngs[i] = g;
        }
        started = true;
    }

    /** Samples copy {@code i}'s initial state from {@code rngs[i]} and writes its observation. */
    private void resetCopy(int i) {
        k.reset(i, rngs[i]);
        k.observe(i, obs, i * obsSize);
    }

    /** Validates a batch of discrete actions. */
    protected final void checkDiscrete(int[] actions, int numActions) {
        checkStarted();
        if (actions.length != n) {
            throw new QuiverUserException(spec.id() + ": expected " + n + " actions (one per copy), got " + actions.length);
        }
        for (int i = 0; i < n; i++) {
            if (actions[i] < 0 || actions[i] >= numActions) {
                throw new QuiverUserException(spec.id() + ": invalid action for copy " + i + ": expected an int in [0, "
                        + numActions + "), got " + actions[i]);
            }
        }
    }

    /** Validates a batch of one-dimensional continuous actions. */
    protected final void checkContinuous(float[] actions, float low, float high) {
        checkStarted();
        if (actions.length != n) {
            throw new QuiverUserException(spec.id() + ": expected " + n + " actions (one float per copy), got "
                    + actions.length);
        }
        for (int i = 0; i < n; i++) {
            if (!(actions[i] >= low && actions[i] <= high)) {
                throw new QuiverUserException(spec.id() + ": invalid action for copy " + i + ": expected a float in ["
                        + low + ", " + high + "], got " + actions[i]);
            }
        }
    }

    private void checkStarted() {
        if (!started) {
            throw new IllegalStateException(spec.id() + ": vector step() called before reset(seed)");
        }
    }

    /** Error for the action kind this env does not take. */
    protected final QuiverUserException wrongActionKind(String expected) {
        return new QuiverUserException(spec.id() + " takes " + expected + " actions: call step(" + (expected.equals(
                "discrete") ? "int[]" : "float[]") + ")");
    }

    /**
     * Resets copy {@code i} if its previous step ended its episode (next-step autoreset) and returns
     * true; the caller then skips stepping it.
     */
    protected final boolean autoresetIfDue(int i) {
        if (!autoreset[i]) {
            return false;
        }
        resetCopy(i);
        rewards[i] = 0;
        terminations[i] = false;
        truncations[i] = false;
        elapsed[i] = 0;
        autoreset[i] = false;
        return true;
    }

    /** Records the outcome of stepping copy {@code i}, applying the time limit. */
    protected final void finish(int i, double reward, boolean terminated) {
        rewards[i] = reward;
        terminations[i] = terminated;
        boolean truncated = ++elapsed[i] >= maxSteps;
        truncations[i] = truncated;
        autoreset[i] = terminated | truncated;
    }
}
