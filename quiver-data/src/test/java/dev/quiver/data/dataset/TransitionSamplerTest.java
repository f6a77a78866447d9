package dev.quiver.data.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.core.error.QuiverUserException;
import dev.quiver.core.seed.Seeds;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TransitionSamplerTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void transitionFrequenciesAreUniformWithinFiveSigma(long seed) {
        // 10 transitions in episodes of uneven length: 1 + 4 + 2 + 3
        EpisodeDataset d = TestData.labelled(1, 4, 2, 3);
        TransitionSampler sampler = new TransitionSampler(d, Seeds.of(seed).child("replay").rng());
        TransitionBatch batch = sampler.newBatch(1000);
        int[] counts = new int[10];
        for (int rep = 0; rep < 100; rep++) {
            sampler.sample(batch);
            for (int b = 0; b < batch.size(); b++) {
                int e = batch.episode()[b];
                int t = batch.step()[b];
                counts[d.episodeStart(e) + t]++;
                // the row is consistent with its source
                assertEquals(1000f * e + t, batch.observations()[b]);
                assertEquals(1000f * e + t + 1, batch.nextObservations()[b]);
                assertEquals(t % 2, batch.discreteActions()[b]);
                assertEquals(1, batch.nSteps()[b]);
                assertEquals(d.terminated(e, t), batch.terminated()[b]);
                assertEquals(!batch.terminated()[b], batch.bootstrap()[b]);
            }
        }
        double n = 100_000;
        double p = 0.1;
        double sigma = Math.sqrt(n * p * (1 - p));
        for (int c : counts) {
            assertTrue(Math.abs(c - n * p) <= 5 * sigma, Arrays.toString(counts));
        }
    }

    @Test
    void samplingIsDeterministicForASeed() {
        EpisodeDataset d = TestData.build(TestData.episodes(11, 30, 3, 2, 0, 20), 3, 2, 0);
        TransitionBatch a = new TransitionBatch(d, 64);
        TransitionBatch b = new TransitionBatch(d, 64);
        new TransitionSampler(d, Seeds.of(5).rng()).sampleNStep(a, 3, 0.9);
        new TransitionSampler(d, Seeds.of(5).rng()).sampleNStep(b, 3, 0.9);
        assertArrayEquals(a.observations(), b.observations());
        assertArrayEquals(a.actions(), b.actions());
        assertArrayEquals(a.rewards(), b.rewards());
        assertArrayEquals(a.episode(), b.episode());
        assertArrayEquals(a.step(), b.step());
    }

    /** Episode 0 terminates after 4 steps, episode 1 is truncated after 3, episode 2 is cut after 2. */
    private static EpisodeDataset handBuilt() {
        return EpisodeDataset.discreteBuilder(1, 3)
                .addEpisode(new float[] {0, 1, 2, 3, 4}, new int[] {0, 1, 2, 0}, new double[] {1, 2, 4, 8},
                        new boolean[] {false, false, false, true}, new boolean[4])
                .addEpisode(new float[] {10, 11, 12, 13}, new int[] {1, 1, 1}, new double[] {1, 10, 100},
                        new boolean[3], new boolean[] {false, false, true})
                .addEpisode(new float[] {20, 21, 22}, new int[] {2, 2}, new double[] {3, 5}, new boolean[2],
                        new boolean[2])
                .build();
    }

    @ParameterizedTest(name = "episode {0} step {1} n {2}")
    @CsvSource({
        // episode, step, n, reward (gamma 0.5), m, next obs, terminated, truncated, bootstrap
        "0, 0, 1, 1.0,    1, 1,  false, false, true",
        "0, 0, 3, 3.0,    3, 3,  false, false, true", // 1 + 0.5*2 + 0.25*4
        "0, 1, 3, 6.0,    3, 4,  true,  false, false", // 2 + 0.5*4 + 0.25*8, reaches termination
        "0, 2, 5, 8.0,    2, 4,  true,  false, false", // 4 + 0.5*8, stops at termination
        "0, 3, 2, 8.0,    1, 4,  true,  false, false",
        "1, 0, 2, 6.0,    2, 12, false, false, true", // 1 + 0.5*10
        "1, 0, 3, 31.0,   3, 13, false, true,  true", // 1 + 5 + 25, truncated: bootstraps
        "1, 1, 10, 60.0,  2, 13, false, true,  true", // 10 + 50, stops at truncation
        "2, 0, 4, 5.5,    2, 22, false, false, true", // 3 + 0.5*5, cut episode: bootstraps
        "2, 1, 1, 5.0,    1, 22, false, false, true"})
    void nStepTargetsOnAHandBuiltDataset(int e, int t, int n, double reward, int m, float next, boolean term,
            boolean trunc, boolean bootstrap) {
        EpisodeDataset d = handBuilt();
        TransitionSampler sampler = new TransitionSampler(d, Seeds.of(1).rng());
        TransitionBatch batch = sampler.newBatch(1);
        sampler.fillNStep(batch, 0, e, t, n, 0.5);
        assertEquals(reward, batch.rewards()[0], 1e-12);
        assertEquals(m, batch.nSteps()[0]);
        assertEquals(next, batch.nextObservations()[0]);
        assertEquals(10f * e + t, batch.observations()[0]);
        assertEquals(d.discreteAction(e, t), batch.discreteActions()[0]);
        assertEquals(term, batch.terminated()[0]);
        assertEquals(trunc, batch.truncated()[0]);
        assertEquals(bootstrap, batch.bootstrap()[0]);
    }

    @ParameterizedTest
    @ValueSource(longs = {21, 22})
    void sampledNStepRowsMatchDirectComputation(long seed) {
        EpisodeDataset d = TestData.build(TestData.episodes(seed, 25, 2, 0, 3, 12), 2, 0, 3);
        TransitionSampler sampler = new TransitionSampler(d, Seeds.of(seed).rng());
        TransitionBatch batch = sampler.newBatch(500);
        int n = 4;
        double gamma = 0.9;
        sampler.sampleNStep(batch, n, gamma);
        float[] buf = new float[2];
        for (int b = 0; b < batch.size(); b++) {
            int e = batch.episode()[b];
            int t = batch.step()[b];
            int len = d.episodeLength(e);
            int m = Math.min(n, len - t);
            double g = 0;
            for (int k = 0; k < m; k++) {
                g += Math.pow(gamma, k) * d.reward(e, t + k);
            }
            assertEquals(m, batch.nSteps()[b]);
            assertEquals(g, batch.rewards()[b], 1e-9);
            d.observation(e, t + m, buf);
            assertArrayEquals(buf, Arrays.copyOfRange(batch.nextObservations(), 2 * b, 2 * b + 2));
            assertEquals(!d.terminated(e, t + m - 1), batch.bootstrap()[b]);
        }
    }

    @ParameterizedTest
    @CsvSource({"1, 1", "2, 3", "3, 5", "4, 8"})
    void sequencesNeverCrossEpisodes(long seed, int k) {
        EpisodeDataset d = TestData.labelled(1, 7, 3, 9, 5, 2, 8);
        TransitionSampler sampler = new TransitionSampler(d, Seeds.of(seed).rng());
        SequenceBatch batch = sampler.newSequenceBatch(200, k);
        for (int rep = 0; rep < 20; rep++) {
            sampler.sampleSequences(batch);
            for (int b = 0; b < batch.size(); b++) {
                int e = batch.episode()[b];
                int s = batch.start()[b];
                assertTrue(s >= 0 && s + k <= d.episodeLength(e));
                for (int j = 0; j <= k; j++) {
                    // labelled observation: 1000 * episode + step, so a crossing would show
                    assertEquals(1000f * e + s + j, batch.observations()[b * (k + 1) + j]);
                }
                for (int j = 0; j < k; j++) {
                    assertEquals((s + j) % 2, batch.discreteActions()[b * k + j]);
                    assertEquals(d.terminated(e, s + j), batch.terminated()[b * k + j]);
                    if (j < k - 1) {
                        assertFalse(batch.terminated()[b * k + j]);
                    }
                }
            }
        }
    }

    @Test
    void sequenceStartsAreUniformAmongValidOnes() {
        // length 3: episode lengths 1, 4, 2, 3 give 0 + 2 + 0 + 1 = 3 valid starts
        EpisodeDataset d = TestData.labelled(1, 4, 2, 3);
        TransitionSampler sampler = new TransitionSampler(d, Seeds.of(9).rng());
        assertEquals(3, sampler.numSequenceStarts(3));
        SequenceBatch batch = sampler.newSequenceBatch(30_000, 3);
        sampler.sampleSequences(batch);
        int[] counts = new int[3];
        for (int b = 0; b < batch.size(); b++) {
            int e = batch.episode()[b];
            int s = batch.start()[b];
            counts[e == 1 ? s : 2]++;
            assertTrue(e == 1 && s <= 1 || e == 3 && s == 0);
        }
        double sigma = Math.sqrt(30_000 * (1.0 / 3) * (2.0 / 3));
        for (int c : counts) {
            assertTrue(Math.abs(c - 10_000) <= 5 * sigma, Arrays.toString(counts));
        }
        assertThrows(QuiverUserException.class, () -> sampler.sampleSequences(sampler.newSequenceBatch(1, 5)));
    }

    @Test
    void continuousSequencesCopyActions() {
        TestData.Raw[] eps = TestData.episodes(4, 5, 2, 3, 0, 10);
        EpisodeDataset d = TestData.build(eps, 2, 3, 0);
        TransitionSampler sampler = new TransitionSampler(d, Seeds.of(4).rng());
        SequenceBatch batch = sampler.newSequenceBatch(50, 1);
        sampler.sampleSequences(batch);
        for (int b = 0; b < batch.size(); b++) {
            int e = batch.episode()[b];
            int s = batch.start()[b];
            assertArrayEquals(Arrays.copyOfRange(eps[e].cActs(), s * 3, s * 3 + 3),
                    Arrays.copyOfRange(batch.actions(), b * 3, b * 3 + 3));
            assertEquals(eps[e].rewards()[s], batch.rewards()[b]);
        }
    }
}
