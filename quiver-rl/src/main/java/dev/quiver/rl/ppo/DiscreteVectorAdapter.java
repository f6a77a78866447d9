package dev.quiver.rl.ppo;

import dev.quiver.core.env.EnvSpec;
import dev.quiver.core.vector.FlatVectorEnv;
import dev.quiver.core.vector.VectorEnv;
import dev.quiver.core.vector.VectorStep;
import java.util.ArrayList;
import java.util.List;

/**
 * Shows a {@link VectorEnv} with float[] observations and Integer actions through the {@link FlatVectorEnv}
 * interface (copying each step's observations into one buffer), so PPO has one rollout loop for both. The
 * semantics (next-step autoreset, seeding) are the wrapped env's, which {@link VectorEnv} fixes to
 * Gymnasium's.
 */
final class DiscreteVectorAdapter implements FlatVectorEnv {
    private final VectorEnv<float[], Integer> inner;
    private final boolean owns;
    private final int n;
    private final int obsSize;
    private final float[] obs;
    private final double[] rewards;
    private final boolean[] terminations;
    private final boolean[] truncations;
    private final List<Integer> actions;

    /**
     * Adapts {@code inner}, whose observations have {@code obsSize} floats.
     *
     * @param owns whether {@link #close()} closes {@code inner}
     */
    DiscreteVectorAdapter(VectorEnv<float[], Integer> inner, int obsSize, boolean owns) {
        this.inner = inner;
        this.owns = owns;
        this.n = inner.numEnvs();
        this.obsSize = obsSize;
        this.obs = new float[n * obsSize];
        this.rewards = new double[n];
        this.terminations = new boolean[n];
        this.truncations = new boolean[n];
        this.actions = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            actions.add(0);
        }
    }

    @Override
    public int numEnvs() {
        return n;
    }

    @Override
    public EnvSpec spec() {
        return inner.spec();
    }

    @Override
    public int observationSize() {
        return obsSize;
    }

    @Override
    public void reset(long seed) {
        copyObservations(inner.reset(seed));
        java.util.Arrays.fill(rewards, 0);
        java.util.Arrays.fill(terminations, false);
        java.util.Arrays.fill(truncations, false);
    }

    @Override
    public void step(int[] a) {
        if (a.length != n) {
            throw new IllegalArgumentException("expected " + n + " actions, got " + a.length);
        }
        for (int i = 0; i < n; i++) {
            actions.set(i, a[i]);
        }
        VectorStep<float[]> s = inner.step(actions);
        copyObservations(s.observations());
        System.arraycopy(s.rewards(), 0, rewards, 0, n);
        System.arraycopy(s.terminations(), 0, terminations, 0, n);
        System.arraycopy(s.truncations(), 0, truncations, 0, n);
    }

    @Override
    public void step(float[] a) {
        throw new UnsupportedOperationException(spec().id() + ": this adapter takes discrete actions");
    }

    private void copyObservations(List<float[]> o) {
        for (int i = 0; i < n; i++) {
            float[] x = o.get(i);
            if (x.length != obsSize) {
                throw new IllegalStateException(spec().id() + ": copy " + i + " gave an observation of " + x.length
                        + " floats, expected " + obsSize);
            }
            System.arraycopy(x, 0, obs, i * obsSize, obsSize);
        }
    }

    @Override
    public float[] observations() {
        return obs;
    }

    @Override
    public double[] rewards() {
        return rewards;
    }

    @Override
    public boolean[] terminations() {
        return terminations;
    }

    @Override
    public boolean[] truncations() {
        return truncations;
    }

    @Override
    public void close() {
        if (owns) {
            inner.close();
        }
    }
}
