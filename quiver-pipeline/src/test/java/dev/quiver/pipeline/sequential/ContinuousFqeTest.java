package dev.quiver.pipeline.sequential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.core.estimate.Estimate;
import dev.quiver.core.seed.Seeds;
import dev.quiver.data.dataset.EpisodeDataset;
import dev.quiver.ope.sequential.FqeConfig;
import dev.quiver.pipeline.exec.TaskProgress;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

/** Fitted Q evaluation of deterministic continuous-action policies against values known in closed form. */
class ContinuousFqeTest {
    private static final FqeConfig CONFIG = FqeConfig.defaults().withHidden(List.of(16, 16)).withSteps(1500)
            .withTargetUpdateInterval(10).withBatchSize(64).withLearningRate(3e-3);

    /**
     * Episodes of {@code length} steps with random observations and actions; the reward of a step is {@code r(a)};
     * the last step is terminated or only truncated.
     */
    private static EpisodeDataset data(int episodes, int length, boolean terminated, java.util.function.DoubleUnaryOperator r,
            long seed) {
        UniformRandomProvider rng = Seeds.of(seed).rng();
        EpisodeDataset.Builder b = EpisodeDataset.continuousBuilder(2, 1);
        for (int i = 0; i < episodes; i++) {
            float[] obs = new float[(length + 1) * 2];
            float[] act = new float[length];
            double[] rew = new double[length];
            boolean[] term = new boolean[length];
            boolean[] trunc = new boolean[length];
            for (int j = 0; j < obs.length; j++) {
                obs[j] = (float) (2 * rng.nextDouble() - 1);
            }
            for (int t = 0; t < length; t++) {
                act[t] = (float) (2 * rng.nextDouble() - 1);
                rew[t] = r.applyAsDouble(act[t]);
            }
            term[length - 1] = terminated;
            trunc[length - 1] = !terminated;
            b.addEpisode(obs, act, rew, term, trunc);
        }
        return b.build();
    }

    /**
     * One-step terminated episodes with reward {@code 1 - a^2}: {@code Q(s, a) = 1 - a^2} exactly, so the value of
     * the constant policy {@code a = 0.5} is 0.75. The regression target has no noise and the function is smooth, so
     * only the network's approximation and optimisation error remain: 0.05 is a tenth of the reward's range.
     */
    @Test
    void terminalStepsGiveTheExpectedRewardOfThePolicysAction() {
        EpisodeDataset d = data(400, 1, true, a -> 1 - a * a, 1);
        double[] v0 = new ContinuousFqe(CONFIG).initialValues(d, s -> new float[] {0.5f}, new double[] {-1},
                new double[] {1}, 0.9, 0, TaskProgress.NONE);
        double mean = java.util.Arrays.stream(v0).average().orElseThrow();
        assertEquals(0.75, mean, 0.05);
    }

    /**
     * Reward 1 at every step and every episode cut by a time limit (truncated, not terminated): FQE bootstraps through
     * the cut, so its fixed point is the infinite-horizon value {@code 1 / (1 - gamma) = 2} for gamma 0.5; 150 target
     * updates leave a truncation error of {@code 0.5^150}, nothing. The targets are constant, so the tolerance 0.05
     * only covers optimisation noise.
     */
    @Test
    void truncatedEpisodesBootstrapToTheDiscountedFixedPoint() {
        EpisodeDataset d = data(60, 5, false, a -> 1.0, 2);
        Estimate e = new ContinuousFqe(CONFIG).estimate(d, s -> new float[] {0f}, new double[] {-1},
                new double[] {1}, 0.5, 200, 0.95, 0, TaskProgress.NONE);
        assertEquals(2.0, e.point(), 0.05);
        assertTrue(e.method().contains("FQE"), e.method());
    }

    @Test
    void sameSeedSameValues() {
        EpisodeDataset d = data(50, 3, true, a -> a, 3);
        ContinuousFqe f = new ContinuousFqe(CONFIG.withSteps(200));
        double[] a = f.initialValues(d, s -> new float[] {s[0]}, new double[] {-1}, new double[] {1}, 0.9, 4,
                TaskProgress.NONE);
        double[] b = f.initialValues(d, s -> new float[] {s[0]}, new double[] {-1}, new double[] {1}, 0.9, 4,
                TaskProgress.NONE);
        org.junit.jupiter.api.Assertions.assertArrayEquals(a, b);
    }
}
