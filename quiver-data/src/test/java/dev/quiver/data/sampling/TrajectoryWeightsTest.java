package dev.quiver.data.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.data.dataset.EpisodeDataset;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TrajectoryWeightsTest {
    private static final int[] LENGTHS = {3, 1, 4, 2, 5, 2};
    private static final double[] RETURNS = {10, -2, 4, 7.5, 0, 3};
    private static final float[][] S0 = SamplingData.column(0.5, -1, 2, 0.25, 1.5, -0.5);

    /** p(t in k) = exp(Ĝ_k / α) / sum_j T_j exp(Ĝ_j / α), written out directly. */
    private static double[] expected(double[] scores, int[] lengths, double alpha) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double s : scores) {
            min = Math.min(min, s);
            max = Math.max(max, s);
        }
        double z = 0;
        for (int j = 0; j < scores.length; j++) {
            z += lengths[j] * Math.exp((scores[j] - min) / (max - min) / alpha);
        }
        double[] p = new double[scores.length];
        for (int j = 0; j < scores.length; j++) {
            p[j] = Math.exp((scores[j] - min) / (max - min) / alpha) / z;
        }
        return p;
    }

    private static void assertProbabilities(TrajectoryWeights w, EpisodeDataset data, double[] perTrajectory) {
        double total = 0;
        for (int s = 0; s < data.numSteps(); s++) {
            int k = w.trajectoryOfEpisode(data.episodeOfStep(s));
            assertEquals(perTrajectory[k], w.transitionProbability(s), 1e-12 * perTrajectory[k], "step " + s);
            total += w.transitionProbability(s);
        }
        assertEquals(1.0, total, 1e-12);
        for (int k = 0; k < perTrajectory.length; k++) {
            assertEquals(w.trajectoryLength(k) * perTrajectory[k], w.trajectoryProbability(k), 1e-12);
        }
    }

    @Test
    void returnWeightedProbabilitiesFollowTheFormula() {
        EpisodeDataset data = SamplingData.episodes(LENGTHS, RETURNS, S0);
        for (double alpha : new double[] {0.1, 0.5, 2.0}) {
            TrajectoryWeights w = TrajectoryWeights.of(data, SamplingScheme.RETURN_WEIGHTED, alpha);
            assertEquals(6, w.numTrajectories());
            assertArrayEquals(RETURNS, w.returns(), 1e-12);
            assertArrayEquals(new double[] {1.0, 0.0, 6 / 12.0, 9.5 / 12.0, 2 / 12.0, 5 / 12.0}, w.normalizedScores(), 1e-12);
            assertProbabilities(w, data, expected(RETURNS, LENGTHS, alpha));
        }
        // α = 0.1: the best trajectory's transitions are e^10 times as likely as the worst one's
        TrajectoryWeights w = TrajectoryWeights.of(data, SamplingScheme.RETURN_WEIGHTED, 0.1);
        assertEquals(Math.exp(10), w.transitionProbabilityInTrajectory(0) / w.transitionProbabilityInTrajectory(1),
                1e-6);
    }

    @Test
    void advantageWeightedProbabilitiesUseTheLeastSquaresBaseline() {
        EpisodeDataset data = SamplingData.episodes(LENGTHS, RETURNS, S0);
        // simple regression with intercept, in closed form: slope = cov(x, G) / var(x)
        int n = RETURNS.length;
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += S0[i][0];
            my += RETURNS[i];
        }
        mx /= n;
        my /= n;
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < n; i++) {
            sxy += (S0[i][0] - mx) * (RETURNS[i] - my);
            sxx += (S0[i][0] - mx) * (S0[i][0] - mx);
        }
        double slope = sxy / sxx;
        double[] adv = new double[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = my + slope * (S0[i][0] - mx);
            adv[i] = RETURNS[i] - v[i];
        }
        TrajectoryWeights w = TrajectoryWeights.of(data, SamplingScheme.ADVANTAGE_WEIGHTED, 0.1);
        assertArrayEquals(v, w.baselines(), 1e-12);
        assertArrayEquals(adv, w.scores(), 1e-12);
        assertProbabilities(w, data, expected(adv, LENGTHS, 0.1));
    }

    @Test
    void advantageWeightingIsUniformWhenTheInitialStateExplainsTheReturn() {
        // G = 3 + 2 x0 - x1 exactly, with a constant third dimension (dropped from the regression)
        float[][] s0 = {{0.5f, 1, 7}, {-1, 2, 7}, {2, 0.25f, 7}, {0.25f, -3, 7}, {1.5f, 1.5f, 7}, {-0.5f, 0, 7}};
        double[] g = new double[s0.length];
        for (int i = 0; i < g.length; i++) {
            g[i] = 3 + 2.0 * s0[i][0] - s0[i][1];
        }
        EpisodeDataset data = SamplingData.episodes(LENGTHS, g, s0);
        TrajectoryWeights aw = TrajectoryWeights.of(data, SamplingScheme.ADVANTAGE_WEIGHTED, 0.1);
        assertArrayEquals(g, aw.baselines(), 1e-12);
        for (int s = 0; s < data.numSteps(); s++) {
            assertEquals(1.0 / data.numSteps(), aw.transitionProbability(s), 1e-15, "step " + s);
        }
        // while return weighting is far from uniform on the same data
        TrajectoryWeights rw = TrajectoryWeights.of(data, SamplingScheme.RETURN_WEIGHTED, 0.1);
        // (G: 3, -1, 6.75, 6.5, 4.5, 2; the best transitions are e^10 times as likely as the worst)
        assertEquals(Math.exp(10), rw.transitionProbability(data.episodeStart(2))
                / rw.transitionProbability(data.episodeStart(1)), 1e-6);
        // and a return the initial state does not explain gets weight again
        g[2] += 5;
        TrajectoryWeights aw2 = TrajectoryWeights.of(SamplingData.episodes(LENGTHS, g, s0),
                SamplingScheme.ADVANTAGE_WEIGHTED, 0.1);
        assertEquals(1.0, aw2.normalizedScores()[2], 1e-12);
    }

    @Test
    void moreDimensionsThanTrajectoriesInterpolateSoAdvantageWeightingIsUniform() {
        float[][] s0 = {{1, 0, 3, 2}, {0, 1, -1, 5}, {2, 2, 0, 1}};
        EpisodeDataset data = SamplingData.episodes(new int[] {2, 3, 1}, new double[] {5, -4, 9}, s0);
        TrajectoryWeights aw = TrajectoryWeights.of(data, SamplingScheme.ADVANTAGE_WEIGHTED, 0.1);
        assertArrayEquals(new double[] {5, -4, 9}, aw.baselines(), 1e-12);
        assertArrayEquals(new double[] {0, 0, 0}, aw.normalizedScores(), 0.0);
        assertEquals(1.0 / 6, aw.transitionProbability(0), 1e-15);
    }

    @Test
    void equalReturnsAndUniformGiveOneOverN() {
        EpisodeDataset flat = SamplingData.episodes(LENGTHS, new double[] {2, 2, 2, 2, 2, 2}, S0);
        EpisodeDataset data = SamplingData.episodes(LENGTHS, RETURNS, S0);
        for (TrajectoryWeights w : new TrajectoryWeights[] {
            TrajectoryWeights.of(flat, SamplingScheme.RETURN_WEIGHTED, 0.1),
            TrajectoryWeights.of(data, SamplingScheme.UNIFORM, 0.1)}) {
            for (int s = 0; s < data.numSteps(); s++) {
                assertEquals(1.0 / data.numSteps(), w.transitionProbability(s), 1e-15);
            }
        }
    }

    @Test
    void groupedSegmentsWeighLikeTheWholeEpisode() {
        // episodes of 4 and 6 steps, each split in two segments (the return sits on the first step)
        EpisodeDataset whole = SamplingData.episodes(new int[] {4, 6, 5}, new double[] {8, 1, 3},
                SamplingData.column(0.5, 2, -1));
        EpisodeDataset.Builder b = EpisodeDataset.continuousBuilder(1, 1);
        int[][] cuts = {{0, 3, 4}, {0, 4, 6}, {0, 5}};
        for (int e = 0; e < 3; e++) {
            EpisodeDataset.Episode ep = whole.episode(e);
            for (int c = 0; c + 1 < cuts[e].length; c++) {
                int from = cuts[e][c];
                int to = cuts[e][c + 1];
                b.addEpisode(Arrays.copyOfRange(ep.observations(), from, to + 1),
                        Arrays.copyOfRange(ep.continuousActions(), from, to),
                        Arrays.copyOfRange(ep.rewards(), from, to),
                        Arrays.copyOfRange(ep.terminations(), from, to),
                        Arrays.copyOfRange(ep.truncations(), from, to));
            }
        }
        EpisodeDataset split = b.build();
        assertEquals(5, split.numEpisodes());
        int[] groups = {0, 0, 1, 1, 2};
        for (SamplingScheme scheme : SamplingScheme.values()) {
            TrajectoryWeights w = TrajectoryWeights.of(whole, scheme, 0.1);
            TrajectoryWeights g = TrajectoryWeights.of(split, groups, scheme, 0.1);
            assertEquals(3, g.numTrajectories());
            assertArrayEquals(w.returns(), g.returns(), 1e-12);
            for (int s = 0; s < whole.numSteps(); s++) {
                assertEquals(w.transitionProbability(s), g.transitionProbability(s), 1e-15, scheme + " step " + s);
            }
        }
    }

    @Test
    void rejectsBadGroupingAndTemperature() {
        EpisodeDataset data = SamplingData.episodes(LENGTHS, RETURNS, S0);
        assertThrows(IllegalArgumentException.class,
                () -> TrajectoryWeights.of(data, new int[] {0, 0, 1}, SamplingScheme.RETURN_WEIGHTED, 0.1));
        assertThrows(IllegalArgumentException.class,
                () -> TrajectoryWeights.of(data, new int[] {1, 1, 2, 3, 4, 5}, SamplingScheme.RETURN_WEIGHTED, 0.1));
        assertThrows(IllegalArgumentException.class,
                () -> TrajectoryWeights.of(data, new int[] {0, 2, 3, 4, 5, 6}, SamplingScheme.RETURN_WEIGHTED, 0.1));
        assertThrows(IllegalArgumentException.class,
                () -> TrajectoryWeights.of(data, new int[] {0, 1, 0, 1, 2, 3}, SamplingScheme.RETURN_WEIGHTED, 0.1));
        assertThrows(IllegalArgumentException.class, () -> TrajectoryWeights.of(data, SamplingScheme.ADVANTAGE_WEIGHTED, 0.0));
    }
}
