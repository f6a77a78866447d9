package dev.quiver.data.collect;

import dev.quiver.core.env.AbstractEnv;
import dev.quiver.core.env.EnvSpec;
import dev.quiver.core.env.Reset;
import dev.quiver.core.env.Step;
import dev.quiver.core.space.Box;
import dev.quiver.core.space.Discrete;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * A small seeded test env: a position on a line starting uniformly in [-1, 1], pushed left (action 0) or right
 * (1) by 0.5 plus uniform noise in [-0.25, 0.25]; the episode terminates when |x| >= 3; reward -|x|. The
 * observation is (x, steps taken).
 */
final class WalkEnv extends AbstractEnv<float[], Integer> {
    static final EnvSpec SPEC = EnvSpec.of("Walk-v0", Box.float32(new double[] {-10, 0}, new double[] {10, 1e6}), new Discrete(2), 0, Double.NaN);
    private UniformRandomProvider rng;
    private double x;
    private int t;

    @Override
    public EnvSpec spec() {
        return SPEC;
    }

    @Override
    protected Reset<float[]> doReset(UniformRandomProvider rng) {
        this.rng = rng;
        x = rng.nextDouble() * 2 - 1;
        t = 0;
        return new Reset<>(obs());
    }

    @Override
    protected Step<float[]> doStep(Integer action) {
        x += (action == 1 ? 0.5 : -0.5) + (rng.nextDouble() * 0.5 - 0.25);
        t++;
        return new Step<>(obs(), -Math.abs(x), Math.abs(x) >= 3, false);
    }

    private float[] obs() {
        return new float[] {(float) x, t};
    }
}
