package dev.quiver.data.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quiver.core.env.EnvSpec;
import dev.quiver.core.seed.Seeds;
import dev.quiver.core.space.Box;
import dev.quiver.core.space.Space;
import dev.quiver.data.dataset.EpisodeDataset;
import org.apache.commons.rng.UniformRandomProvider;

/** Seeded random datasets for the writer tests, and an exact comparison of two datasets. */
final class Datasets {
    private Datasets() {
    }

    /**
     * {@code episodes} random episodes of 1..maxLen steps for the given spaces; the last step of episode i is
     * terminated (i % 3 == 0), truncated (1) or neither (2: cut). With {@code float32Rewards} every reward is a
     * float32 value (so that D4RL's float32 rewards hold it exactly).
     */
    static EpisodeDataset random(long seed, Space<?> obs, Space<?> act, int episodes, int maxLen,
            boolean float32Rewards) {
        UniformRandomProvider rng = Seeds.rng(seed);
        EpisodeDataset.Builder b = EpisodeDataset.builder(EnvSpec.of("test", obs, act, 0, Double.NaN));
        int d = ((Box<?>) obs).size();
        for (int i = 0; i < episodes; i++) {
            int t = 1 + rng.nextInt(maxLen);
            b.startEpisode(vector(rng, d));
            for (int s = 0; s < t; s++) {
                double r = rng.nextDouble() * 10 - 5;
                r = float32Rewards ? (float) r : r;
                boolean last = s == t - 1;
                boolean term = last && i % 3 == 0;
                boolean trunc = last && i % 3 == 1;
                Object a = act.sample(rng);
                if (a instanceof Integer k) {
                    b.addStep(k, r, vector(rng, d), term, trunc);
                } else if (a instanceof double[] x) {
                    float[] f = new float[x.length];
                    for (int j = 0; j < x.length; j++) {
                        f[j] = (float) x[j];
                    }
                    b.addStep(f, r, vector(rng, d), term, trunc);
                } else {
                    b.addStep((float[]) a, r, vector(rng, d), term, trunc);
                }
            }
        }
        return b.build();
    }

    private static float[] vector(UniformRandomProvider rng, int d) {
        float[] v = new float[d];
        for (int j = 0; j < d; j++) {
            v[j] = (float) (rng.nextDouble() * 4 - 2);
        }
        return v;
    }

    /** Asserts that the two datasets hold exactly the same episodes, bit for bit. */
    static void assertSame(EpisodeDataset want, EpisodeDataset got) {
        assertEquals(want.numEpisodes(), got.numEpisodes(), "episodes");
        assertEquals(want.numSteps(), got.numSteps(), "steps");
        assertEquals(want.obsDim(), got.obsDim(), "obsDim");
        assertEquals(want.discrete(), got.discrete(), "discrete");
        assertEquals(want.actDim(), got.actDim(), "actDim");
        for (int i = 0; i < want.numEpisodes(); i++) {
            EpisodeDataset.Episode a = want.episode(i);
            EpisodeDataset.Episode b = got.episode(i);
            assertArrayEquals(a.observations(), b.observations(), "observations of episode " + i);
            assertArrayEquals(a.discreteActions(), b.discreteActions(), "discrete actions of episode " + i);
            assertArrayEquals(a.continuousActions(), b.continuousActions(), "continuous actions of episode " + i);
            assertArrayEquals(a.rewards(), b.rewards(), "rewards of episode " + i);
            assertArrayEquals(a.terminations(), b.terminations(), "terminations of episode " + i);
            assertArrayEquals(a.truncations(), b.truncations(), "truncations of episode " + i);
        }
    }
}
