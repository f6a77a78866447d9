package dev.quiver.data.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.core.error.QuiverUserException;
import dev.quiver.core.seed.Seeds;
import dev.quiver.data.dataset.EpisodeDataset;
import dev.quiver.data.dataset.TransitionBatch;
import dev.quiver.data.dataset.TransitionSampler;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class WeightedTransitionSamplerTest {
    private static final int[] LENGTHS = {3, 1, 4, 2, 5, 2, 6, 3};
    private static final double[] RETURNS = {10, -2, 4, 7.5, 0, 3, 8, 9.5};
    private static final float[][] S0 = SamplingData.column(0.5, -1, 2, 0.25, 1.5, -0.5, 1, -2);

    private static EpisodeDataset data() {
        return SamplingData.episodes(LENGTHS, RETURNS, S0);
    }

    @Test
    void empiricalFrequenciesMatchTheProbabilities() {
        EpisodeDataset data = data();
        for (SamplingScheme scheme : SamplingScheme.values()) {
            BatchSampler s = SamplingConfig.of(scheme).withTemperature(0.25).newSampler(data, Seeds.rng(99));
            assertEquals(scheme, s.scheme());
            TransitionBatch batch = s.newBatch(500);
            int m = 0;
            int[] counts = new int[data.numSteps()];
            for (int it = 0; it < 800; it++) {
                s.sample(batch);
                for (int b = 0; b < batch.size(); b++) {
                    counts[data.episodeStart(batch.episode()[b]) + batch.step()[b]]++;
                    m++;
                }
            }
            for (int step = 0; step < counts.length; step++) {
                double p = s.transitionProbability(step);
                // 5 standard deviations of Binomial(m, p), m = 400,000 rows
                double tol = 5 * Math.sqrt(m * p * (1 - p));
                assertTrue(Math.abs(counts[step] - m * p) <= tol, scheme + " step " + step + ": " + counts[step]
                        + " vs " + m * p + " +- " + tol);
            }
        }
    }

    @Test
    void rowsHoldTheDrawnTransition() {
        EpisodeDataset data = data();
        BatchSampler s = SamplingScheme.ADVANTAGE_WEIGHTED.newSampler(data, Seeds.rng(3));
        TransitionBatch batch = s.newBatch(64);
        s.sampleNStep(batch, 2, 0.5);
        float[] obs = new float[1];
        float[] next = new float[1];
        float[] act = new float[1];
        for (int b = 0; b < batch.size(); b++) {
            int e = batch.episode()[b];
            int t = batch.step()[b];
            int m = Math.min(2, data.episodeLength(e) - t);
            data.observation(e, t, obs);
            data.observation(e, t + m, next);
            data.action(e, t, act);
            assertEquals(obs[0], batch.observations()[b]);
            assertEquals(next[0], batch.nextObservations()[b]);
            assertEquals(act[0], batch.actions()[b]);
            double r = data.reward(e, t) + (m == 2 ? 0.5 * data.reward(e, t + 1) : 0.0);
            assertEquals(r, batch.rewards()[b], 1e-12);
            assertEquals(m, batch.nSteps()[b]);
            assertEquals(!data.terminated(e, t + m - 1), batch.bootstrap()[b]);
        }
    }

    @Test
    void sameSeedSameRowsAndUniformDrawsAsTransitionSampler() {
        EpisodeDataset data = data();
        BatchSampler a = SamplingScheme.RETURN_WEIGHTED.newSampler(data, Seeds.rng(5));
        BatchSampler b = SamplingScheme.RETURN_WEIGHTED.newSampler(data, Seeds.rng(5));
        BatchSampler c = SamplingScheme.RETURN_WEIGHTED.newSampler(data, Seeds.rng(6));
        TransitionBatch ba = a.newBatch(100);
        TransitionBatch bb = b.newBatch(100);
        TransitionBatch bc = c.newBatch(100);
        a.sample(ba);
        b.sample(bb);
        c.sample(bc);
        assertArrayEquals(ba.episode(), bb.episode());
        assertArrayEquals(ba.step(), bb.step());
        assertFalse(Arrays.equals(ba.episode(), bc.episode()) && Arrays.equals(ba.step(), bc.step()));

        BatchSampler u = SamplingConfig.DEFAULT.newSampler(data, Seeds.rng(7));
        TransitionSampler plain = new TransitionSampler(data, Seeds.rng(7));
        TransitionBatch bu = u.newBatch(100);
        TransitionBatch bp = plain.newBatch(100);
        u.sample(bu);
        plain.sample(bp);
        assertArrayEquals(bp.episode(), bu.episode());
        assertArrayEquals(bp.step(), bu.step());
        assertEquals(1.0 / data.numSteps(), u.transitionProbability(3), 0.0);
    }

    @Test
    void weightedSamplerExposesItsWeightsAndChecksArguments() {
        EpisodeDataset data = data();
        WeightedTransitionSampler s = assertInstanceOf(WeightedTransitionSampler.class,
                SamplingScheme.RETURN_WEIGHTED.newSampler(data, Seeds.rng(1)));
        assertEquals(SamplingConfig.DEFAULT_TEMPERATURE, s.weights().temperature());
        TransitionBatch batch = s.newBatch(4);
        assertThrows(QuiverUserException.class, () -> s.sampleNStep(batch, 0, 0.9));
        assertThrows(QuiverUserException.class, () -> s.sampleNStep(batch, 1, 1.5));
        EpisodeDataset other = EpisodeDataset.continuousBuilder(2, 1)
                .addEpisode(new float[4], new float[1], new double[1], new boolean[1], new boolean[1]).build();
        assertThrows(IllegalArgumentException.class, () -> s.sample(new TransitionBatch(other, 4)));
    }

    @Test
    void schemeNamesAndConfigValidation() {
        assertEquals(SamplingScheme.UNIFORM, SamplingScheme.parse("Uniform"));
        assertEquals(SamplingScheme.RETURN_WEIGHTED, SamplingScheme.parse("rw"));
        assertEquals(SamplingScheme.RETURN_WEIGHTED, SamplingScheme.parse("return_weighted"));
        assertEquals(SamplingScheme.ADVANTAGE_WEIGHTED, SamplingScheme.parse("advantage-weighted"));
        assertEquals(SamplingScheme.ADVANTAGE_WEIGHTED, SamplingScheme.parse(" AW "));
        QuiverUserException e = assertThrows(QuiverUserException.class, () -> SamplingScheme.parse("prioritized"));
        assertTrue(e.getMessage().contains("allowed: uniform, rw"), e.getMessage());
        assertThrows(QuiverUserException.class, () -> SamplingConfig.DEFAULT.withTemperature(0));
        assertThrows(QuiverUserException.class, () -> SamplingConfig.DEFAULT.withTemperature(Double.NaN));
        assertThrows(QuiverUserException.class, () -> SamplingConfig.DEFAULT.withScheme(null));
        assertEquals(new SamplingConfig(SamplingScheme.ADVANTAGE_WEIGHTED, 0.1),
                SamplingConfig.of(SamplingScheme.ADVANTAGE_WEIGHTED));
    }
}
