package dev.quiver.core.wrapper;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.core.CountingEnv;
import dev.quiver.core.env.Env;
import dev.quiver.core.env.Step;
import dev.quiver.core.error.QuiverUserException;
import dev.quiver.core.space.Box;
import org.junit.jupiter.api.Test;

class WrappersTest {

    @Test
    void timeLimitTruncatesAtTheLimitAndThenRefusesToStep() {
        TimeLimit<float[], float[]> env = new TimeLimit<>(new CountingEnv(), 3);
        assertEquals(3, env.spec().maxEpisodeSteps().getAsInt());
        assertThrows(IllegalStateException.class, () -> env.step(new float[] {0f}));
        env.reset(0);
        assertFalse(env.step(new float[] {0f}).done());
        assertFalse(env.step(new float[] {0f}).done());
        Step<float[]> last = env.step(new float[] {0f});
        assertTrue(last.truncated());
        assertFalse(last.terminated());
        assertThrows(IllegalStateException.class, () -> env.step(new float[] {0f}));
        env.reset();
        assertEquals(0, env.elapsedSteps());
        assertFalse(env.step(new float[] {0f}).done());
    }

    @Test
    void timeLimitKeepsTerminationWhenBothHappen() {
        TimeLimit<float[], float[]> env = new TimeLimit<>(new CountingEnv(), 100);
        env.reset(1);
        Step<float[]> s;
        do {
            s = env.step(new float[] {2f});
        } while (!s.done());
        assertTrue(s.terminated());
        assertFalse(s.truncated());
    }

    @Test
    void recordEpisodeStatisticsReportsReturnAndLength() {
        RecordEpisodeStatistics<float[], float[]> env = new RecordEpisodeStatistics<>(new CountingEnv(), 2);
        for (int ep = 0; ep < 3; ep++) {
            env.reset(ep);
            double ret = 0;
            int len = 0;
            Step<float[]> s;
            do {
                s = env.step(new float[] {1.5f});
                ret += s.reward();
                len++;
                if (!s.done()) {
                    assertFalse(s.info().containsKey("episode"));
                }
            } while (!s.done());
            EpisodeStatistics stats = assertInstanceOf(EpisodeStatistics.class, s.info().get("episode"));
            assertEquals(ret, stats.episodeReturn(), 1e-12);
            assertEquals(len, stats.length());
        }
        assertEquals(2, env.recentEpisodes().size());
    }

    @Test
    void clipActionClipsIntoTheInnerBounds() {
        RecordingEnv inner = new RecordingEnv();
        ClipAction<float[]> env = new ClipAction<>(inner);
        assertTrue(((Box<?>) env.actionSpace()).high(0) == Double.POSITIVE_INFINITY);
        env.reset(0);
        env.step(new float[] {7f});
        assertEquals(2f, inner.lastAction[0]);
        env.step(new float[] {-0.5f});
        assertEquals(-0.5f, inner.lastAction[0]);
        assertThrows(QuiverUserException.class, () -> env.step(new float[] {1f, 2f}));
    }

    @Test
    void rescaleActionMapsTheUnitIntervalOntoTheBounds() {
        RecordingEnv inner = new RecordingEnv();
        RescaleAction<float[]> env = new RescaleAction<>(inner, 0, 1);
        env.reset(0);
        env.step(new float[] {0f});
        assertEquals(-2f, inner.lastAction[0]);
        env.step(new float[] {1f});
        assertEquals(2f, inner.lastAction[0]);
        env.step(new float[] {0.75f});
        assertEquals(1f, inner.lastAction[0], 1e-6);
        QuiverUserException e = assertThrows(QuiverUserException.class, () -> env.step(new float[] {1.5f}));
        assertTrue(e.getMessage().contains("outside"), e.getMessage());
    }

    @Test
    void normalizeObservationConvergesToStandardizedValues() {
        NormalizeObservation<float[]> env = new NormalizeObservation<>(new CountingEnv());
        env.reset(0);
        double sum = 0;
        double sumSq = 0;
        int n = 0;
        for (int ep = 0; ep < 200; ep++) {
            env.reset(ep);
            for (int t = 0; t < 10; t++) {
                float[] o = env.step(new float[] {0.1f}).observation();
                if (ep >= 100) {
                    sum += o[1];
                    sumSq += o[1] * o[1];
                    n++;
                }
            }
        }
        // element 1 is U(0,1) noise: once the statistics settle it is ~ (u - 0.5) / sqrt(1/12)
        double mean = sum / n;
        double var = sumSq / n - mean * mean;
        assertEquals(0.0, mean, 0.1);
        assertEquals(1.0, var, 0.1);
        env.setUpdating(false);
        double before = env.statistics().count();
        env.reset(1);
        env.step(new float[] {0f});
        assertEquals(before, env.statistics().count());
    }

    @Test
    void frameStackKeepsTheLastKFramesOldestFirst() {
        Env<float[], float[]> base = new CountingEnv();
        FrameStack<float[]> env = new FrameStack<>(base, 3);
        assertArrayEquals(new int[] {3, 2}, ((Box<?>) env.observationSpace()).shape());
        float[] r = env.reset(4).observation();
        assertEquals(6, r.length);
        assertEquals(r[0], r[2]);
        assertEquals(r[2], r[4]);
        float start = r[4];
        float[] s1 = env.step(new float[] {1f}).observation();
        assertEquals(start, s1[2]);
        assertEquals(start + 1, s1[4]);
        float[] s2 = env.step(new float[] {1f}).observation();
        assertEquals(start, s2[0]);
        assertEquals(start + 1, s2[2]);
        assertEquals(start + 2, s2[4]);
        FrameStack<float[]> zero = new FrameStack<>(new CountingEnv(), 2, FrameStack.Padding.ZERO);
        float[] z = zero.reset(4).observation();
        assertEquals(0f, z[0]);
        assertEquals(0f, z[1]);
    }

    /** An env that remembers the last action it received. */
    static final class RecordingEnv extends dev.quiver.core.env.AbstractEnv<float[], float[]> {
        float[] lastAction;

        @Override
        public dev.quiver.core.env.EnvSpec spec() {
            return dev.quiver.core.env.EnvSpec.of("Recording-v0", Box.float32(-1, 1, 1), Box.float32(-2, 2, 1), 0,
                    Double.NaN);
        }

        @Override
        protected dev.quiver.core.env.Reset<float[]> doReset(org.apache.commons.rng.UniformRandomProvider rng) {
            return new dev.quiver.core.env.Reset<>(new float[] {0f});
        }

        @Override
        protected Step<float[]> doStep(float[] action) {
            lastAction = action.clone();
            return new Step<>(new float[] {0f}, 0, false, false);
        }
    }
}
