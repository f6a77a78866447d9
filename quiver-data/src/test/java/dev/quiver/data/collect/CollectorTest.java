package dev.quiver.data.collect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.core.env.Env;
import dev.quiver.core.error.QuiverUserException;
import dev.quiver.core.policy.Policy;
import dev.quiver.core.wrapper.TimeLimit;
import dev.quiver.data.dataset.EpisodeDataset;
import java.util.Arrays;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class CollectorTest {
    static Env<float[], Integer> walk() {
        return new TimeLimit<>(new WalkEnv(), 50);
    }

    /** Always pushes left: episodes end by falling off at x <= -3. */
    static final Policy<float[], Integer> LEFT = obs -> 0;

    static void assertSameData(EpisodeDataset a, EpisodeDataset b) {
        assertEquals(a.numEpisodes(), b.numEpisodes());
        for (int i = 0; i < a.numEpisodes(); i++) {
            assertArrayEquals(a.episode(i).observations(), b.episode(i).observations());
            assertArrayEquals(a.episode(i).discreteActions(), b.episode(i).discreteActions());
            assertArrayEquals(a.episode(i).rewards(), b.episode(i).rewards());
        }
    }

    @Test
    void sameSeedSameDataset() {
        CollectConfig c = CollectConfig.defaults().withEpisodes(30).withSeed(9).withEpsilon(0.2);
        CollectedData a = Collector.collect(walk(), LEFT, c);
        CollectedData b = Collector.collect(walk(), LEFT, c);
        assertSameData(a.recorded().episodes(), b.recorded().episodes());
        assertEquals(a.recorded().seeds(), b.recorded().seeds());
        assertEquals(30, a.recorded().episodes().numEpisodes());
        for (int i = 0; i < 30; i++) {
            assertEquals(OptionalLong.of(Collector.episodeSeed(9, i)), a.recorded().seeds().get(i));
            assertTrue(Collector.episodeSeed(9, i) >= 0);
        }
        CollectedData other = Collector.collect(walk(), LEFT, c.withSeed(10));
        assertFalse(Arrays.equals(a.recorded().episodes().episode(0).observations(),
                other.recorded().episodes().episode(0).observations()));
        assertEquals(0, a.expertEpisodes().length);
    }

    @Test
    void epsilonReplacesActionsWithUniformOnesAtTheRightRate() {
        // with epsilon e and a policy always choosing 0, P(action 1) = e / 2; check within 5 standard errors
        for (double e : new double[] {0.0, 0.3, 1.0}) {
            CollectedData d = Collector.collect(new TimeLimit<>(new WalkEnv(), 20), LEFT,
                    CollectConfig.defaults().withEpisodes(400).withSeed(3).withEpsilon(e));
            EpisodeDataset ds = d.recorded().episodes();
            long ones = 0;
            for (int i = 0; i < ds.numEpisodes(); i++) {
                for (int t = 0; t < ds.episodeLength(i); t++) {
                    ones += ds.discreteAction(i, t);
                }
            }
            int n = ds.numSteps();
            double p = e / 2;
            double se = Math.sqrt(p * (1 - p) / n);
            assertEquals(p, (double) ones / n, 5 * se + 1e-12, "epsilon " + e + " over " + n + " steps");
        }
    }

    @Test
    void mixturesHaveExactlyTheExpertShare() {
        Policy<float[], Integer> right = obs -> 1;
        for (double f : new double[] {0.01, 0.05, 0.1}) {
            CollectedData d = Collector.collectMix(walk(), right, f, CollectConfig.defaults().withEpisodes(200)
                    .withSeed(4));
            int[] expert = d.expertEpisodes();
            assertEquals(Math.round(200 * f), expert.length, "fraction " + f);
            assertArrayEquals(Collector.expertEpisodes(200, f, 4), expert);
            EpisodeDataset ds = d.recorded().episodes();
            boolean[] isExpert = new boolean[200];
            for (int i : expert) {
                isExpert[i] = true;
            }
            for (int i = 0; i < 200; i++) {
                int[] acts = ds.episode(i).discreteActions();
                boolean allRight = Arrays.stream(acts).allMatch(a -> a == 1);
                if (isExpert[i]) {
                    assertTrue(allRight, "expert episode " + i);
                } else if (acts.length >= 12) {
                    // a random episode of 12+ steps is all-right with probability 2^-12
                    assertFalse(allRight, "random episode " + i);
                }
            }
            // the same seed picks the same episodes; another seed other ones
            assertArrayEquals(expert, Collector.collectMix(walk(), right, f, CollectConfig.defaults().withEpisodes(200)
                    .withSeed(4)).expertEpisodes());
        }
        assertFalse(Arrays.equals(Collector.expertEpisodes(200, 0.1, 4), Collector.expertEpisodes(200, 0.1, 5)));
        assertEquals(0, Collector.expertEpisodes(10, 0.0, 1).length);
        assertEquals(10, Collector.expertEpisodes(10, 1.0, 1).length);
        QuiverUserException e = assertThrows(QuiverUserException.class, () -> Collector.expertCount(40, 0.01));
        assertTrue(e.getMessage().contains("at least 50 episodes"), e.getMessage());
        assertThrows(QuiverUserException.class, () -> Collector.expertCount(40, 1.5));
    }

    @Test
    void expertPositionsAreUniform() {
        // each position is chosen with probability k / n = 0.1; over 2000 seeds the count of a position is
        // Binomial(2000, 0.1): mean 200, sd 13.4; allow 5 sd for each of the 50 positions
        int[] counts = new int[50];
        for (long s = 0; s < 2000; s++) {
            for (int i : Collector.expertEpisodes(50, 0.1, s)) {
                counts[i]++;
            }
        }
        double sd = Math.sqrt(2000 * 0.1 * 0.9);
        for (int i = 0; i < 50; i++) {
            assertEquals(200, counts[i], 5 * sd, "position " + i);
        }
    }

    @Test
    void endlessEpisodesAreAnError() {
        // no time limit, and a policy that keeps the walker near 0
        Policy<float[], Integer> balance = obs -> obs[0] > 0 ? 0 : 1;
        QuiverUserException e = assertThrows(QuiverUserException.class, () -> Collector.collect(new WalkEnv(), balance,
                CollectConfig.defaults().withEpisodes(1).withMaxEpisodeSteps(500)));
        assertTrue(e.getMessage().contains("Walk-v0") && e.getMessage().contains("500"), e.getMessage());
        assertThrows(QuiverUserException.class, () -> CollectConfig.defaults().withEpsilon(-0.1));
        assertThrows(QuiverUserException.class, () -> CollectConfig.defaults().withEpisodes(0));
    }
}
