package dev.quiver.data.corrupt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.core.env.EnvSpec;
import dev.quiver.core.error.QuiverUserException;
import dev.quiver.core.space.Box;
import dev.quiver.core.space.Discrete;
import dev.quiver.data.corrupt.CorruptionData.Flat;
import dev.quiver.data.dataset.DatasetStatistics;
import dev.quiver.data.dataset.EpisodeDataset;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DataCorruptionTest {
    private static final EpisodeDataset DATA = CorruptionData.continuous(7, 400, 3, 2, 30);

    private static CorruptionConfig config(CorruptionKind kind, CorruptionMode mode) {
        return CorruptionConfig.of(kind, mode).withSeed(42);
    }

    /** Rows of the chosen steps, and an all-false mask elsewhere. */
    private static boolean[] mask(CorruptedDataset c) {
        boolean[] m = new boolean[c.dataset().numSteps()];
        for (int s : c.corruptedSteps()) {
            m[s] = true;
        }
        return m;
    }

    private static void assertRowsEqual(float[] a, float[] b, int dim, int s, String what) {
        assertArrayEquals(Arrays.copyOfRange(a, s * dim, s * dim + dim), Arrays.copyOfRange(b, s * dim, s * dim + dim),
                what + " of step " + s);
    }

    @Test
    void chosenTransitionsFollowTheRateWithinBinomialBounds() {
        int n = DATA.numSteps();
        for (double c : new double[] {0.1, 0.3, 0.7}) {
            CorruptedDataset r = DataCorruption.corrupt(DATA, config(CorruptionKind.REWARD, CorruptionMode.RANDOM)
                    .withRate(c));
            // 5 standard deviations of Binomial(n, c)
            assertEquals(n * c, r.numCorrupted(), 5 * Math.sqrt(n * c * (1 - c)), "rate " + c);
            assertEquals((double) r.numCorrupted() / n, r.corruptedFraction(), 0.0);
            int[] steps = r.corruptedSteps();
            for (int i = 1; i < steps.length; i++) {
                assertTrue(steps[i] > steps[i - 1]);
            }
        }
        assertEquals(0, DataCorruption.corrupt(DATA, config(CorruptionKind.OBSERVATION, CorruptionMode.RANDOM)
                .withRate(0)).numCorrupted());
        assertEquals(n, DataCorruption.corrupt(DATA, config(CorruptionKind.REWARD, CorruptionMode.RANDOM)
                .withRate(1)).numCorrupted());
    }

    @Test
    void sameSeedSameCorruptionAndTheSeedChoosesTheSameStepsForEveryKind() {
        CorruptionConfig cfg = config(CorruptionKind.OBSERVATION, CorruptionMode.RANDOM);
        Flat a = Flat.of(DataCorruption.corrupt(DATA, cfg).dataset());
        Flat b = Flat.of(DataCorruption.corrupt(DATA, cfg).dataset());
        assertArrayEquals(a.obs(), b.obs());
        assertArrayEquals(a.next(), b.next());
        Flat c = Flat.of(DataCorruption.corrupt(DATA, cfg.withSeed(43)).dataset());
        assertFalse(Arrays.equals(a.obs(), c.obs()));
        int[] steps = DataCorruption.corrupt(DATA, cfg).corruptedSteps();
        for (CorruptionKind k : new CorruptionKind[] {CorruptionKind.ACTION, CorruptionKind.REWARD,
            CorruptionKind.DYNAMICS}) {
            assertArrayEquals(steps, DataCorruption.corrupt(DATA, config(k, CorruptionMode.RANDOM)).corruptedSteps());
        }
        assertFalse(Arrays.equals(steps, DataCorruption.corrupt(DATA, cfg.withSeed(43)).corruptedSteps()));
    }

    @Test
    void randomObservationNoiseIsUniformInEpsilonStandardDeviationsAndLeavesNeighboursAlone() {
        double eps = 0.5;
        CorruptedDataset c = DataCorruption.corrupt(DATA, config(CorruptionKind.OBSERVATION, CorruptionMode.RANDOM)
                .withScale(eps));
        // σ is the population std of the transition-start observations: DatasetStatistics' obsStd
        assertArrayEquals(DatasetStatistics.of(DATA).obsStd(), c.noiseScale(), 1e-9);
        double[] sigma = c.noiseScale();
        Flat src = Flat.of(DATA);
        Flat out = Flat.of(c.dataset());
        boolean[] m = mask(c);
        int d = 3;
        double sum = 0;
        double sumSq = 0;
        int k = 0;
        for (int s = 0; s < DATA.numSteps(); s++) {
            // everything but the chosen observations is untouched, next observations included
            assertRowsEqual(src.next(), out.next(), d, s, "next observation");
            assertArrayEquals(Arrays.copyOfRange(src.act(), 2 * s, 2 * s + 2), Arrays.copyOfRange(out.act(), 2 * s,
                    2 * s + 2));
            assertEquals(src.rew()[s], out.rew()[s]);
            assertEquals(src.term()[s], out.term()[s]);
            assertEquals(src.trunc()[s], out.trunc()[s]);
            if (!m[s]) {
                assertRowsEqual(src.obs(), out.obs(), d, s, "observation");
                continue;
            }
            for (int j = 0; j < d; j++) {
                double lambda = (out.obs()[s * d + j] - src.obs()[s * d + j]) / sigma[j];
                assertTrue(Math.abs(lambda) <= eps * (1 + 1e-5), "λ = " + lambda);
                sum += lambda;
                sumSq += lambda * lambda;
                k++;
            }
        }
        // U[-ε, ε]: mean 0, variance ε²/3 (a Gaussian of that variance would also pass, but not the bound above);
        // 5 standard errors: sd(λ) = ε/√3, sd(λ²) = ε² √(4/45)
        assertEquals(0.0, sum / k, 5 * eps / Math.sqrt(3 * k));
        assertEquals(eps * eps / 3, sumSq / k, 5 * eps * eps * Math.sqrt(4.0 / 45 / k));
        // a chosen observation in the middle of an episode splits it: the step before keeps its clean next obs
        int inside = 0;
        for (int s : c.corruptedSteps()) {
            if (s != DATA.episodeStart(DATA.episodeOfStep(s))) {
                inside++;
            }
        }
        assertEquals(inside, c.numSplits());
        assertEquals(c.dataset().numEpisodes(), c.numSourceEpisodes() + c.numSplits());
        assertEquals(DATA.numSteps(), c.dataset().numSteps());
    }

    @Test
    void randomDynamicsChangesOnlyNextObservations() {
        CorruptedDataset c = DataCorruption.corrupt(DATA, config(CorruptionKind.DYNAMICS, CorruptionMode.RANDOM));
        Flat src = Flat.of(DATA);
        Flat out = Flat.of(c.dataset());
        boolean[] m = mask(c);
        double[] sigma = c.noiseScale();
        // σ of next observations: rows 1..T of each episode
        float[] next = src.next();
        double[] expected = new double[3];
        for (int j = 0; j < 3; j++) {
            double mean = 0;
            for (int s = 0; s < DATA.numSteps(); s++) {
                mean += next[s * 3 + j];
            }
            mean /= DATA.numSteps();
            double var = 0;
            for (int s = 0; s < DATA.numSteps(); s++) {
                var += (next[s * 3 + j] - mean) * (next[s * 3 + j] - mean);
            }
            expected[j] = Math.sqrt(var / DATA.numSteps());
        }
        assertArrayEquals(expected, sigma, 1e-9);
        int inside = 0;
        for (int s = 0; s < DATA.numSteps(); s++) {
            assertRowsEqual(src.obs(), out.obs(), 3, s, "observation");
            if (m[s]) {
                for (int j = 0; j < 3; j++) {
                    assertTrue(Math.abs(out.next()[s * 3 + j] - next[s * 3 + j]) <= sigma[j] * (1 + 1e-5));
                }
                int e = DATA.episodeOfStep(s);
                if (s < DATA.episodeStart(e) + DATA.episodeLength(e) - 1) {
                    inside++;
                }
            } else {
                assertRowsEqual(next, out.next(), 3, s, "next observation");
            }
        }
        assertEquals(inside, c.numSplits());
    }

    @Test
    void splitEpisodesMapBackToTheirSource() {
        CorruptedDataset c = DataCorruption.corrupt(DATA, config(CorruptionKind.OBSERVATION, CorruptionMode.RANDOM));
        EpisodeDataset out = c.dataset();
        int[] src = c.sourceEpisodes();
        assertEquals(out.numEpisodes(), src.length);
        float[] a = new float[2];
        float[] b = new float[2];
        for (int e = 0; e < out.numEpisodes(); e++) {
            int se = c.sourceEpisode(e);
            int st = c.sourceStart(e);
            assertEquals(src[e], se);
            if (e > 0) {
                assertTrue(se == src[e - 1] && st > c.sourceStart(e - 1) || se == src[e - 1] + 1 && st == 0);
            }
            for (int t = 0; t < out.episodeLength(e); t++) {
                assertEquals(DATA.reward(se, st + t), out.reward(e, t));
                out.action(e, t, a);
                DATA.action(se, st + t, b);
                assertArrayEquals(b, a);
                assertEquals(DATA.episodeStart(se) + st + t, out.episodeStart(e) + t, "global step order kept");
                assertEquals(c.isCorrupted(out.episodeStart(e) + t), c.isCorrupted(e, t));
            }
            // a segment that ends before its source episode does is neither terminated nor truncated
            int last = out.episodeLength(e) - 1;
            if (st + last < DATA.episodeLength(se) - 1) {
                assertFalse(out.terminated(e, last) || out.truncated(e, last));
            }
        }
        // a segment starts at a corrupted observation (or at its episode's start)
        for (int e = 0; e < out.numEpisodes(); e++) {
            assertTrue(c.sourceStart(e) == 0 || c.isCorrupted(e, 0));
        }
    }

    @Test
    void rewardCorruption() {
        double eps = 0.5;
        CorruptedDataset rnd = DataCorruption.corrupt(DATA, config(CorruptionKind.REWARD, CorruptionMode.RANDOM)
                .withScale(eps).withRate(0.6));
        CorruptedDataset adv = DataCorruption.corrupt(DATA, config(CorruptionKind.REWARD, CorruptionMode.ADVERSARIAL)
                .withScale(eps).withRate(0.6));
        assertEquals(0, rnd.numSplits());
        assertEquals(0, rnd.noiseScale().length);
        assertTrue(Double.isNaN(adv.attackValueBefore()));
        double sum = 0;
        double sumSq = 0;
        double half = DataCorruption.RANDOM_REWARD_RANGE * eps;
        for (int e = 0; e < DATA.numEpisodes(); e++) {
            for (int t = 0; t < DATA.episodeLength(e); t++) {
                double r = DATA.reward(e, t);
                if (rnd.isCorrupted(e, t)) {
                    double x = rnd.dataset().reward(e, t);
                    assertTrue(Math.abs(x) <= half);
                    sum += x;
                    sumSq += x * x;
                    assertEquals(-eps * r, adv.dataset().reward(e, t), 0.0);
                } else {
                    assertEquals(r, rnd.dataset().reward(e, t), 0.0);
                    assertEquals(r, adv.dataset().reward(e, t), 0.0);
                }
            }
        }
        int k = rnd.numCorrupted();
        // U[-15, 15]: mean 0 (sd 15/√3), E x² = 75 (sd of x² = 225 √(4/45))
        assertEquals(0.0, sum / k, 5 * half / Math.sqrt(3 * k));
        assertEquals(half * half / 3, sumSq / k, 5 * half * half * Math.sqrt(4.0 / 45 / k));
    }

    @Test
    void randomActionNoiseStaysInTheBoxAndIsNotClippedWithoutBounds() {
        CorruptedDataset c = DataCorruption.corrupt(DATA, config(CorruptionKind.ACTION, CorruptionMode.RANDOM)
                .withScale(3));
        assertEquals(0, c.numSplits());
        double[] sigma = c.noiseScale();
        assertEquals(2, sigma.length);
        assertTrue(sigma[0] > 3 * sigma[1], "dimension 1 has a quarter the spread of dimension 0");
        Flat src = Flat.of(DATA);
        Flat out = Flat.of(c.dataset());
        boolean outside = false;
        for (int s = 0; s < DATA.numSteps(); s++) {
            assertRowsEqual(src.obs(), out.obs(), 3, s, "observation");
            for (int j = 0; j < 2; j++) {
                double diff = out.act()[2 * s + j] - src.act()[2 * s + j];
                if (c.isCorrupted(s)) {
                    assertTrue(Math.abs(diff) <= 3 * sigma[j] * (1 + 1e-5));
                } else {
                    assertEquals(0.0, diff);
                }
                outside |= Math.abs(out.act()[2 * s + j]) > 1;
            }
        }
        assertTrue(outside, "ε = 3 pushes some actions out of [-1, 1]; they are kept as they are");
    }

    @Test
    void givenTheActionBoundsCorruptedActionsAreClippedToThemAndTheRestIsUnchanged() {
        CorruptionConfig config = config(CorruptionKind.ACTION, CorruptionMode.RANDOM).withScale(3);
        CorruptedDataset free = DataCorruption.corrupt(DATA, config);
        CorruptedDataset clipped = DataCorruption.corrupt(DATA, config, null, PgdConfig.DEFAULT,
                new double[] {-1, -1}, new double[] {1, 1});
        float[] a = Flat.of(free.dataset()).act();
        float[] b = Flat.of(clipped.dataset()).act();
        int clippedCount = 0;
        for (int i = 0; i < a.length; i++) {
            assertEquals(Math.min(Math.max(a[i], -1f), 1f), b[i], "the same noise, then clipped");
            clippedCount += a[i] != b[i] ? 1 : 0;
        }
        assertTrue(clippedCount > 0, "ε = 3 pushes some actions out of [-1, 1]");
        assertThrows(IllegalArgumentException.class, () -> DataCorruption.corrupt(DATA, config, null,
                PgdConfig.DEFAULT, new double[] {-1}, new double[] {1}));
    }

    @Test
    void discreteDatasetsTakeObservationRewardAndDynamicsCorruptionButNotActions() {
        EpisodeDataset.Builder b = EpisodeDataset.builder(EnvSpec.of("test", Box.float32(-10, 10, 2),
                new Discrete(3, -1), 0, Double.NaN));
        for (int e = 0; e < 30; e++) {
            int t = 2 + e % 5;
            float[] obs = new float[(t + 1) * 2];
            int[] act = new int[t];
            for (int i = 0; i < obs.length; i++) {
                obs[i] = (i * 7 + e) % 5 - 2f;
            }
            for (int i = 0; i < t; i++) {
                act[i] = (i + e) % 3 - 1;
            }
            boolean[] term = new boolean[t];
            term[t - 1] = true;
            b.addEpisode(obs, act, new double[t], term, new boolean[t]);
        }
        EpisodeDataset data = b.build();
        for (CorruptionKind k : new CorruptionKind[] {CorruptionKind.OBSERVATION, CorruptionKind.DYNAMICS,
            CorruptionKind.REWARD}) {
            CorruptedDataset c = DataCorruption.corrupt(data, config(k, CorruptionMode.RANDOM).withRate(0.5));
            assertTrue(c.numCorrupted() > 0);
            assertArrayEquals(Flat.of(data).dact(), Flat.of(c.dataset()).dact(), k + ": actions kept, -1 included");
        }
        QuiverUserException e = assertThrows(QuiverUserException.class, () -> DataCorruption.corrupt(data,
                config(CorruptionKind.ACTION, CorruptionMode.RANDOM)));
        assertTrue(e.getMessage().contains("needs continuous actions"), e.getMessage());
        e = assertThrows(QuiverUserException.class, () -> DataCorruption.corrupt(data,
                config(CorruptionKind.OBSERVATION, CorruptionMode.ADVERSARIAL), PgdAttackTest.linear(2, 1), PgdConfig.DEFAULT));
        assertTrue(e.getMessage().contains("discrete actions"), e.getMessage());
    }

    @Test
    void corruptionsChain() {
        CorruptedDataset first = DataCorruption.corrupt(DATA, config(CorruptionKind.OBSERVATION,
                CorruptionMode.RANDOM));
        CorruptedDataset second = DataCorruption.corrupt(first.dataset(), config(CorruptionKind.DYNAMICS,
                CorruptionMode.RANDOM).withSeed(5));
        Flat a = Flat.of(first.dataset());
        Flat b = Flat.of(second.dataset());
        assertArrayEquals(a.obs(), b.obs(), "the second corruption keeps the first's observations");
        for (int s = 0; s < DATA.numSteps(); s++) {
            if (!second.isCorrupted(s)) {
                assertRowsEqual(a.next(), b.next(), 3, s, "next observation");
            }
        }
    }

    @Test
    void configValidationAndNames() {
        assertThrows(QuiverUserException.class, () -> CorruptionConfig.of(CorruptionKind.REWARD,
                CorruptionMode.RANDOM).withRate(1.5));
        assertThrows(QuiverUserException.class, () -> CorruptionConfig.of(CorruptionKind.REWARD,
                CorruptionMode.RANDOM).withRate(Double.NaN));
        assertThrows(QuiverUserException.class, () -> CorruptionConfig.of(CorruptionKind.REWARD,
                CorruptionMode.RANDOM).withScale(-1));
        assertThrows(QuiverUserException.class, () -> CorruptionConfig.of(CorruptionKind.REWARD,
                CorruptionMode.RANDOM).withScale(Double.POSITIVE_INFINITY));
        assertThrows(QuiverUserException.class, () -> CorruptionConfig.of(null, CorruptionMode.RANDOM));
        assertThrows(QuiverUserException.class, () -> CorruptionConfig.of(CorruptionKind.REWARD, null));
        CorruptionConfig d = CorruptionConfig.of(CorruptionKind.OBSERVATION, CorruptionMode.RANDOM);
        assertEquals(0.3, d.rate());
        assertEquals(1.0, d.scale());
        assertEquals(0L, d.seed());
        assertFalse(d.needsAttackModel());
        assertFalse(CorruptionConfig.of(CorruptionKind.REWARD, CorruptionMode.ADVERSARIAL).needsAttackModel());
        assertTrue(CorruptionConfig.of(CorruptionKind.DYNAMICS, CorruptionMode.ADVERSARIAL).needsAttackModel());
        assertEquals("random obs corruption, rate 0.3, scale 1.0, seed 0", d.describe());
        assertEquals(CorruptionKind.OBSERVATION, CorruptionKind.parse("Observations"));
        assertEquals(CorruptionKind.ACTION, CorruptionKind.parse("act"));
        assertEquals(CorruptionKind.REWARD, CorruptionKind.parse("rew"));
        assertEquals(CorruptionKind.DYNAMICS, CorruptionKind.parse("next_obs"));
        assertThrows(QuiverUserException.class, () -> CorruptionKind.parse("state"));
        assertEquals(CorruptionMode.ADVERSARIAL, CorruptionMode.parse("Adversarial"));
        assertThrows(QuiverUserException.class, () -> CorruptionMode.parse("gaussian"));
        QuiverUserException e = assertThrows(QuiverUserException.class, () -> DataCorruption.corrupt(DATA,
                CorruptionConfig.of(CorruptionKind.ACTION, CorruptionMode.ADVERSARIAL)));
        assertTrue(e.getMessage().contains("attacks a pre-trained critic"), e.getMessage());
    }
}
