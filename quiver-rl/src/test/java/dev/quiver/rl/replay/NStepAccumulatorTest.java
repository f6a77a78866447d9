package dev.quiver.rl.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NStepAccumulatorTest {

    /** One emitted transition, with 1-float observations. */
    record Out(float obs, int action, double ret, float next, boolean terminated, boolean truncated, int steps) {
    }

    static final class Recorder implements TransitionSink {
        final List<Out> out = new ArrayList<>();

        @Override
        public void add(float[] obs, int obsOffset, int action, float[] actionVector, int actionOffset, double reward,
                float[] nextObs, int nextObsOffset, boolean terminated, boolean truncated, int steps) {
            out.add(new Out(obs[obsOffset], action, reward, nextObs[nextObsOffset], terminated, truncated, steps));
        }
    }

    private static void step(NStepAccumulator acc, float s, int a, double r, boolean term, boolean trunc) {
        acc.add(new float[] {s}, 0, a, r, new float[] {s + 1}, 0, term, trunc);
    }

    @Test
    void terminationInsideTheWindowFlushesWithoutBootstrap() {
        Recorder rec = new Recorder();
        NStepAccumulator acc = NStepAccumulator.discrete(3, 0.5, 1, rec);
        double[] r = {1, 2, 3, 4, 5};
        for (int t = 0; t < 5; t++) {
            step(acc, t, t % 2, r[t], t == 4, false);
            if (t < 2) {
                assertEquals(0, rec.out.size());
            }
        }
        assertEquals(List.of(
                new Out(0, 0, 1 + 0.5 * 2 + 0.25 * 3, 3, false, false, 3),
                new Out(1, 1, 2 + 0.5 * 3 + 0.25 * 4, 4, false, false, 3),
                new Out(2, 0, 3 + 0.5 * 4 + 0.25 * 5, 5, true, false, 3),
                new Out(3, 1, 4 + 0.5 * 5, 5, true, false, 2),
                new Out(4, 0, 5, 5, true, false, 1)), rec.out);
        assertEquals(0, acc.pending());
    }

    @Test
    void truncationBootstrapsFromTheLastObservationAndNothingCrossesEpisodes() {
        Recorder rec = new Recorder();
        NStepAccumulator acc = NStepAccumulator.discrete(3, 0.9, 1, rec);
        step(acc, 0, 1, 1, false, false);
        step(acc, 1, 0, 2, false, true); // time limit after two steps
        assertEquals(List.of(
                new Out(0, 1, 1 + 0.9 * 2, 2, false, true, 2),
                new Out(1, 0, 2, 2, false, true, 1)), rec.out);
        // the next episode starts afresh
        step(acc, 10, 1, 1, false, false);
        step(acc, 11, 1, 1, false, false);
        step(acc, 12, 1, 1, false, false);
        assertEquals(new Out(10, 1, 1 + 0.9 + 0.81, 13, false, false, 3), rec.out.get(2));
        assertEquals(3, rec.out.size());
        assertEquals(0.729, acc.discount(3), 1e-12);
    }

    @Test
    void episodeShorterThanNTerminates() {
        Recorder rec = new Recorder();
        NStepAccumulator acc = NStepAccumulator.discrete(5, 0.5, 1, rec);
        step(acc, 0, 0, 4, false, false);
        step(acc, 1, 0, 8, true, false);
        assertEquals(List.of(new Out(0, 0, 8, 2, true, false, 2), new Out(1, 0, 8, 2, true, false, 1)), rec.out);
    }

    @Test
    void nOfOnePassesThrough() {
        Recorder rec = new Recorder();
        NStepAccumulator acc = NStepAccumulator.discrete(1, 0.99, 1, rec);
        step(acc, 0, 1, 3, false, false);
        step(acc, 1, 0, -1, true, false);
        assertEquals(List.of(new Out(0, 1, 3, 1, false, false, 1), new Out(1, 0, -1, 2, true, false, 1)), rec.out);
    }

    @Test
    void feedsAReplayBufferWithStepsAndContinuousActions() {
        ReplayBuffer b = ReplayBuffer.continuous(10, 2, 1);
        NStepAccumulator acc = NStepAccumulator.continuous(2, 0.5, 2, 1, b);
        float[] obs = {0, 0, 1, 1, 2, 2, 3, 3};
        float[] act = {0.1f, 0.2f, 0.3f};
        acc.add(obs, 0, act, 0, 1, obs, 2, false, false);
        acc.add(obs, 2, act, 1, 1, obs, 4, false, false);
        acc.add(obs, 4, act, 2, 1, obs, 6, false, true);
        assertEquals(3, b.size());
        assertEquals(1.5, b.reward(0));
        assertEquals(2, b.steps(0));
        assertFalse(b.done(0));
        assertEquals(1.5, b.reward(1));
        assertTrue(b.done(1));
        assertFalse(b.terminated(1));
        assertEquals(1.0, b.reward(2));
        assertEquals(1, b.steps(2));
        Batch out = b.newBatch(3);
        b.gather(new int[] {0, 1, 2}, 3, out);
        assertEquals(0.1f, out.continuousActions()[0]);
        assertEquals(0.2f, out.continuousActions()[1]);
        assertEquals(0.3f, out.continuousActions()[2]);
        assertEquals(2f, out.nextObservations()[0]);
        assertEquals(3f, out.nextObservations()[2]);
        assertEquals(3f, out.nextObservations()[4]);
    }
}
