package dev.quiver.core;

import dev.quiver.core.env.AbstractEnv;
import dev.quiver.core.env.EnvSpec;
import dev.quiver.core.env.Reset;
import dev.quiver.core.env.Step;
import dev.quiver.core.space.Box;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * A test env: the observation is {@code [position, noise]} where position starts at a random
 * integer in [0, 10) and moves by the (continuous) action; terminates when position exceeds 20.
 */
public final class CountingEnv extends AbstractEnv<float[], float[]> {
    private static final EnvSpec SPEC = EnvSpec.of("Counting-v0", Box.float32(-100, 100, 2), Box.float32(-2, 2, 1), 0,
            Double.NaN);
    private float position;

    @Override
    public EnvSpec spec() {
        return SPEC;
    }

    @Override
    protected Reset<float[]> doReset(UniformRandomProvider rng) {
        position = rng.nextInt(10);
        return new Reset<>(new float[] {position, (float) rng.nextDouble()});
    }

    @Override
    protected Step<float[]> doStep(float[] action) {
        position += action[0];
        return new Step<>(new float[] {position, (float) rng().nextDouble()}, action[0], position > 20, false);
    }
}
