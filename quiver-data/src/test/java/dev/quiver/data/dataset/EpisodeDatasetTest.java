package dev.quiver.data.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.core.env.EnvSpec;
import dev.quiver.core.error.QuiverUserException;
import dev.quiver.core.space.Box;
import dev.quiver.core.space.Discrete;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class EpisodeDatasetTest {

    static Stream<Arguments> shapes() {
        return Stream.of(Arguments.of(1L, 1, 0), Arguments.of(2L, 3, 0), Arguments.of(3L, 4, 2),
                Arguments.of(4L, 2, 1), Arguments.of(5L, 5, 3));
    }

    @ParameterizedTest
    @MethodSource("shapes")
    void wholeEpisodeAndStepByStepBuildsRoundTrip(long seed, int obsDim, int actDim) {
        TestData.Raw[] eps = TestData.episodes(seed, 20, obsDim, actDim, 4, 15);
        EpisodeDataset whole = TestData.build(eps, obsDim, actDim, 4);
        EpisodeDataset.Builder b = actDim == 0 ? EpisodeDataset.discreteBuilder(obsDim, 4)
                : EpisodeDataset.continuousBuilder(obsDim, actDim);
        for (TestData.Raw e : eps) {
            b.startEpisode(Arrays.copyOfRange(e.obs(), 0, obsDim));
            for (int t = 0; t < e.length(); t++) {
                float[] next = Arrays.copyOfRange(e.obs(), (t + 1) * obsDim, (t + 2) * obsDim);
                if (actDim == 0) {
                    b.addStep(e.dActs()[t], e.rewards()[t], next, e.term()[t], e.trunc()[t]);
                } else {
                    b.addStep(Arrays.copyOfRange(e.cActs(), t * actDim, (t + 1) * actDim), e.rewards()[t], next,
                            e.term()[t], e.trunc()[t]);
                }
            }
        }
        EpisodeDataset steps = b.build();
        int total = Arrays.stream(eps).mapToInt(TestData.Raw::length).sum();
        for (EpisodeDataset d : new EpisodeDataset[] {whole, steps}) {
            assertEquals(eps.length, d.numEpisodes());
            assertEquals(total, d.numSteps());
            assertEquals(obsDim, d.obsDim());
            assertEquals(actDim, d.actDim());
            assertEquals(actDim == 0, d.discrete());
            float[] buf = new float[obsDim];
            float[] abuf = new float[Math.max(actDim, 1)];
            int start = 0;
            for (int i = 0; i < eps.length; i++) {
                TestData.Raw e = eps[i];
                EpisodeDataset.Episode ep = d.episode(i);
                assertEquals(e.length(), d.episodeLength(i));
                assertEquals(start, d.episodeStart(i));
                assertArrayEquals(e.obs(), ep.observations());
                assertArrayEquals(e.dActs(), ep.discreteActions());
                assertArrayEquals(e.cActs(), ep.continuousActions());
                assertArrayEquals(e.rewards(), ep.rewards());
                assertArrayEquals(e.term(), ep.terminations());
                assertArrayEquals(e.trunc(), ep.truncations());
                for (int t = 0; t < e.length(); t++) {
                    d.observation(i, t, buf);
                    assertArrayEquals(Arrays.copyOfRange(e.obs(), t * obsDim, (t + 1) * obsDim), buf);
                    d.nextObservation(i, t, buf);
                    assertArrayEquals(Arrays.copyOfRange(e.obs(), (t + 1) * obsDim, (t + 2) * obsDim), buf);
                    assertEquals(e.rewards()[t], d.reward(i, t));
                    assertEquals(e.term()[t], d.terminated(i, t));
                    assertEquals(e.trunc()[t], d.truncated(i, t));
                    assertEquals(i, d.episodeOfStep(start + t));
                    if (actDim == 0) {
                        assertEquals(e.dActs()[t], d.discreteAction(i, t));
                    } else {
                        d.action(i, t, abuf);
                        assertArrayEquals(Arrays.copyOfRange(e.cActs(), t * actDim, (t + 1) * actDim), abuf);
                    }
                }
                start += e.length();
            }
        }
    }

    @Test
    void returnsAndDiscountedReturnsMatchHandComputation() {
        EpisodeDataset d = EpisodeDataset.discreteBuilder(1, 2)
                .addEpisode(new float[] {0, 1, 2, 3}, new int[] {0, 1, 0}, new double[] {1, 2, 3},
                        new boolean[] {false, false, true}, new boolean[3])
                .addEpisode(new float[] {0, 1}, new int[] {1}, new double[] {-4}, new boolean[1],
                        new boolean[] {true})
                .build();
        assertArrayEquals(new double[] {6, -4}, d.returns(), 0.0);
        assertEquals(6.0, d.episodeReturn(0), 0.0);
        // 1 + 0.9 * 2 + 0.81 * 3 = 5.23
        assertEquals(5.23, d.discountedReturn(0, 0.9), 1e-12);
        assertArrayEquals(new double[] {5.23, -4}, d.discountedReturns(0.9), 1e-12);
        assertArrayEquals(new double[] {1, -4}, d.discountedReturns(0.0), 0.0);
        assertArrayEquals(new int[] {3, 1}, d.episodeLengths());
        assertThrows(QuiverUserException.class, () -> d.discountedReturns(1.5));
    }

    @ParameterizedTest
    @ValueSource(longs = {7, 8, 9})
    void discountedReturnIsTheDefiningSum(long seed) {
        TestData.Raw[] eps = TestData.episodes(seed, 10, 2, 0, 3, 30);
        EpisodeDataset d = TestData.build(eps, 2, 0, 3);
        for (int i = 0; i < eps.length; i++) {
            double g = 0;
            double p = 1;
            for (double r : eps[i].rewards()) {
                g += p * r;
                p *= 0.97;
            }
            assertEquals(g, d.discountedReturn(i, 0.97), 1e-9);
        }
    }

    static Stream<Arguments> invalidEpisodes() {
        float[] obs3 = {0, 1, 2, 3};
        return Stream.of(
                Arguments.of("wrong observation count", (Consumer<EpisodeDataset.Builder>) b -> b.addEpisode(
                        new float[] {0, 1, 2}, new int[] {0, 0, 0}, new double[3], new boolean[3], new boolean[3]),
                        "episode 1", null, "observations"),
                Arguments.of("wrong reward count", (Consumer<EpisodeDataset.Builder>) b -> b.addEpisode(obs3,
                        new int[] {0, 0, 0}, new double[2], new boolean[3], new boolean[3]),
                        "episode 1", null, "rewards"),
                Arguments.of("wrong truncation count", (Consumer<EpisodeDataset.Builder>) b -> b.addEpisode(obs3,
                        new int[] {0, 0, 0}, new double[3], new boolean[3], new boolean[4]),
                        "episode 1", null, "truncations"),
                Arguments.of("NaN observation", (Consumer<EpisodeDataset.Builder>) b -> b.addEpisode(
                        new float[] {0, 1, Float.NaN, 3}, new int[] {0, 0, 0}, new double[3], new boolean[3],
                        new boolean[3]), "episode 1", "step 2", "observations"),
                Arguments.of("infinite reward", (Consumer<EpisodeDataset.Builder>) b -> b.addEpisode(obs3,
                        new int[] {0, 0, 0}, new double[] {0, Double.POSITIVE_INFINITY, 0}, new boolean[3],
                        new boolean[3]), "episode 1", "step 1", "rewards"),
                Arguments.of("early termination", (Consumer<EpisodeDataset.Builder>) b -> b.addEpisode(obs3,
                        new int[] {0, 0, 0}, new double[3], new boolean[] {true, false, true}, new boolean[3]),
                        "episode 1", "step 0", "terminations"),
                Arguments.of("early truncation", (Consumer<EpisodeDataset.Builder>) b -> b.addEpisode(obs3,
                        new int[] {0, 0, 0}, new double[3], new boolean[3], new boolean[] {false, true, false}),
                        "episode 1", "step 1", "truncations"),
                Arguments.of("action out of range", (Consumer<EpisodeDataset.Builder>) b -> b.addEpisode(obs3,
                        new int[] {0, 2, 0}, new double[3], new boolean[3], new boolean[3]),
                        "episode 1", "step 1", "actions"),
                Arguments.of("step-by-step NaN reward", (Consumer<EpisodeDataset.Builder>) b -> b
                        .startEpisode(new float[] {0}).addStep(0, 1, new float[] {1}, false, false)
                        .addStep(1, Double.NaN, new float[] {2}, false, false),
                        "episode 1", "step 1", "rewards"),
                Arguments.of("step-by-step infinite next observation", (Consumer<EpisodeDataset.Builder>) b -> b
                        .startEpisode(new float[] {0})
                        .addStep(0, 1, new float[] {Float.NEGATIVE_INFINITY}, false, false),
                        "episode 1", "step 1", "observations"),
                Arguments.of("step after termination", (Consumer<EpisodeDataset.Builder>) b -> b
                        .startEpisode(new float[] {0}).addStep(0, 1, new float[] {1}, false, false)
                        .addStep(0, 1, new float[] {2}, true, false).addStep(0, 1, new float[] {3}, false, false),
                        "episode 1", "step 1", "terminations"),
                Arguments.of("wrong next observation length", (Consumer<EpisodeDataset.Builder>) b -> b
                        .startEpisode(new float[] {0}).addStep(0, 1, new float[] {1, 2}, false, false),
                        "episode 1", "step 1", "observations"),
                Arguments.of("empty started episode", (Consumer<EpisodeDataset.Builder>) b -> b
                        .startEpisode(new float[] {0}).startEpisode(new float[] {0}),
                        "episode 1", "step 0", "steps"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidEpisodes")
    void validationErrorsNameEpisodeStepAndField(String name, Consumer<EpisodeDataset.Builder> bad, String episode,
            String step, String field) {
        EpisodeDataset.Builder b = EpisodeDataset.discreteBuilder(1, 2).addEpisode(new float[] {0, 1},
                new int[] {0}, new double[] {1}, new boolean[] {true}, new boolean[1]);
        QuiverUserException ex = assertThrows(QuiverUserException.class, () -> bad.accept(b));
        String msg = ex.getMessage();
        assertTrue(msg.contains(episode + ","), msg);
        if (step != null) {
            assertTrue(msg.contains(step + ","), msg);
        }
        assertTrue(msg.contains("field " + field), msg);
    }

    @Test
    void failedAddLeavesBuilderUsable() {
        EpisodeDataset.Builder b = EpisodeDataset.discreteBuilder(1, 2);
        assertThrows(QuiverUserException.class, () -> b.addEpisode(new float[] {0, Float.NaN}, new int[] {0},
                new double[1], new boolean[1], new boolean[1]));
        b.addEpisode(new float[] {0, 1}, new int[] {0}, new double[] {2}, new boolean[1], new boolean[1]);
        EpisodeDataset d = b.build();
        assertEquals(1, d.numEpisodes());
        assertFalse(d.terminated(0, 0));
        assertFalse(d.truncated(0, 0)); // a cut episode is kept as given
    }

    @Test
    void emptyDatasetAndMismatchedActionKindAreUserErrors() {
        assertThrows(QuiverUserException.class, () -> EpisodeDataset.discreteBuilder(1, 2).build());
        QuiverUserException ex = assertThrows(QuiverUserException.class, () -> EpisodeDataset.continuousBuilder(1, 2)
                .startEpisode(new float[] {0}).addStep(0, 1, new float[] {1}, true, false));
        assertTrue(ex.getMessage().contains("episode 0"), ex.getMessage());
        ex = assertThrows(QuiverUserException.class, () -> EpisodeDataset.continuousBuilder(1, 2).addEpisode(
                new float[] {0, 1}, new float[] {0, Float.NaN}, new double[1], new boolean[1], new boolean[1]));
        assertTrue(ex.getMessage().contains("step 0, field actions"), ex.getMessage());
    }

    @Test
    void builderFromEnvSpec() {
        EnvSpec spec = EnvSpec.of("Test-v0", Box.float32(-1, 1, 3), new Discrete(2, 5), 10, 1.0);
        EpisodeDataset.Builder b = EpisodeDataset.builder(spec);
        QuiverUserException ex = assertThrows(QuiverUserException.class, () -> b.addEpisode(
                new float[6], new int[] {4}, new double[1], new boolean[1], new boolean[1]));
        assertTrue(ex.getMessage().contains("allowed: [5, 7)"), ex.getMessage());
        EpisodeDataset d = b.addEpisode(new float[6], new int[] {6}, new double[1], new boolean[1], new boolean[1])
                .build();
        assertEquals(3, d.obsDim());
        assertTrue(d.discrete());
        EnvSpec cont = EnvSpec.of("Cont-v0", Box.float32(-1, 1, 2), Box.float32(-1, 1, 4), 10, 1.0);
        assertEquals(4, EpisodeDataset.builder(cont).addEpisode(new float[4], new float[4], new double[1],
                new boolean[1], new boolean[1]).build().actDim());
    }

    @Test
    void subsetKeepsChosenEpisodesInOrder() {
        EpisodeDataset d = TestData.labelled(3, 1, 4, 2);
        EpisodeDataset s = d.subset(new int[] {2, 0});
        assertEquals(2, s.numEpisodes());
        assertArrayEquals(new int[] {4, 3}, s.episodeLengths());
        float[] buf = new float[1];
        s.observation(0, 4, buf);
        assertEquals(2004f, buf[0]);
        s.nextObservation(1, 0, buf);
        assertEquals(1f, buf[0]);
        assertNull(s.episode(0).continuousActions());
    }

    @Test
    void statisticsMatchHandComputation() {
        // episode 0: obs 0,1,2 (+3 final), rewards 1,2,3 -> return 6; episode 1: obs 10 (+11), reward -4
        EpisodeDataset d = EpisodeDataset.discreteBuilder(2, 2)
                .addEpisode(new float[] {0, 5, 1, 5, 2, 5, 3, 5}, new int[] {0, 1, 0}, new double[] {1, 2, 3},
                        new boolean[] {false, false, true}, new boolean[3])
                .addEpisode(new float[] {10, 5, 11, 5}, new int[] {1}, new double[] {-4}, new boolean[1],
                        new boolean[] {true})
                .build();
        DatasetStatistics s = DatasetStatistics.of(d);
        assertEquals(2, s.numEpisodes());
        assertEquals(4, s.totalSteps());
        assertEquals(1.0, s.returnMean(), 1e-12);
        assertEquals(5.0, s.returnStd(), 1e-12);
        assertEquals(-4.0, s.returnMin(), 0.0);
        assertEquals(6.0, s.returnMax(), 0.0);
        assertEquals(2.0, s.lengthMean(), 0.0);
        assertEquals(1, s.lengthMin());
        assertEquals(3, s.lengthMax());
        // first dimension over 0, 1, 2, 10: mean 3.25, population variance (10.5625+5.0625+1.5625+45.5625)/4
        assertArrayEquals(new double[] {3.25, 5.0}, s.obsMean(), 1e-12);
        assertArrayEquals(new double[] {Math.sqrt(62.75 / 4), 0.0}, s.obsStd(), 1e-12);
    }
}
