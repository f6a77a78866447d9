package dev.quiver.core.vector;

import dev.quiver.core.env.EnvSpec;
import dev.quiver.core.space.Box;
import dev.quiver.core.space.Discrete;
import java.util.Set;

/** A test provider (registered in the test resources) offering a stub flat vector env for {@code Stub-v0}. */
public final class TestFlatVectorEnvProvider implements FlatVectorEnvProvider {
    static final String ID = "Stub-v0";
    static final EnvSpec SPEC = EnvSpec.of(ID, Box.float32(-1, 1, 3), new Discrete(2), 10, Double.NaN);

    @Override
    public Set<String> ids() {
        return Set.of(ID);
    }

    @Override
    public FlatVectorEnv make(String id, int numEnvs) {
        return new Stub(numEnvs);
    }

    /** Holds zero observations and never ends; enough to check the lookup. */
    static final class Stub implements FlatVectorEnv {
        private final int n;
        private final float[] obs;

        Stub(int n) {
            this.n = n;
            this.obs = new float[n * 3];
        }

        @Override
        public int numEnvs() {
            return n;
        }

        @Override
        public EnvSpec spec() {
            return SPEC;
        }

        @Override
        public int observationSize() {
            return 3;
        }

        @Override
        public void reset(long seed) {
        }

        @Override
        public void step(int[] actions) {
        }

        @Override
        public void step(float[] actions) {
            throw new UnsupportedOperationException();
        }

        @Override
        public float[] observations() {
            return obs;
        }

        @Override
        public double[] rewards() {
            return new double[n];
        }

        @Override
        public boolean[] terminations() {
            return new boolean[n];
        }

        @Override
        public boolean[] truncations() {
            return new boolean[n];
        }
    }
}
