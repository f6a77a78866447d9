package dev.quiver.envs.classic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.core.env.Env;
import dev.quiver.core.env.Step;
import dev.quiver.core.error.QuiverUserException;
import dev.quiver.core.registry.Envs;
import dev.quiver.core.seed.Seeds;
import dev.quiver.core.space.Discrete;
import dev.quiver.core.vector.FlatVectorEnv;
import dev.quiver.core.vector.SyncVectorEnv;
import dev.quiver.core.vector.VectorStep;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The struct-of-arrays vector envs must behave exactly as Gymnasium's SyncVectorEnv over the single
 * envs (next-step autoreset, time-limit truncation, copy i seeded with seed + i), for many steps
 * spanning several episodes.
 */
class VectorEnvEquivalenceTest {

    @ParameterizedTest
    @ValueSource(strings = {"CartPole-v1", "MountainCar-v0", "MountainCarContinuous-v0", "Acrobot-v1", "Pendulum-v1"})
    void flatVectorEnvEqualsSyncVectorEnvOverSingleEnvs(String id) {
        int n = 5;
        long seed = 42;
        FlatVectorEnv flat = ClassicControl.vector(id, n);
        SyncVectorEnv<float[], Object> sync = new SyncVectorEnv<>(() -> Envs.<float[], Object>make(id), n);
        flat.reset(seed);
        List<float[]> first = sync.reset(seed);
        for (int i = 0; i < n; i++) {
            assertArrayEquals(first.get(i), slice(flat.observations(), i, flat.observationSize()), id + " reset copy " + i);
        }
        boolean discrete = flat.spec().actionSpace() instanceof Discrete;
        UniformRandomProvider rng = Seeds.rng(7);
        int steps = id.equals("MountainCarContinuous-v0") ? 2100 : 1100;
        int episodesEnded = 0;
        for (int t = 0; t < steps; t++) {
            int[] da = new int[n];
            float[] ca = new float[n];
            List<Object> actions = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (discrete) {
                    da[i] = ((Discrete) flat.spec().actionSpace()).sampleInt(rng);
                    actions.add(da[i]);
                } else {
                    float hi = id.startsWith("Pendulum") ? 2f : 1f;
                    ca[i] = (float) (-hi + 2 * hi * rng.nextDouble());
                    actions.add(new float[] {ca[i]});
                }
            }
            if (discrete) {
                flat.step(da);
            } else {
                flat.step(ca);
            }
            VectorStep<float[]> s = sync.step(actions);
            for (int i = 0; i < n; i++) {
                String where = id + " t " + t + " copy " + i;
                assertArrayEquals(s.observations().get(i), slice(flat.observations(), i, flat.observationSize()), where);
                assertEquals(s.rewards()[i], flat.rewards()[i], 0.0, where);
                assertEquals(s.terminations()[i], flat.terminations()[i], where);
                assertEquals(s.truncations()[i], flat.truncations()[i], where);
                episodesEnded += flat.terminations()[i] || flat.truncations()[i] ? 1 : 0;
            }
        }
        assertTrue(episodesEnded >= n, id + ": the test must span autoresets, saw " + episodesEnded + " episode ends");
    }

    @ParameterizedTest
    @ValueSource(strings = {"CartPole-v1", "Acrobot-v1"})
    void copyIPlaysTheEpisodeOfASingleEnvSeededWithSeedPlusI(String id) {
        FlatVectorEnv flat = ClassicControl.vector(id, 3);
        flat.reset(100);
        Env<float[], Integer> single = Envs.make(id);
        float[] obs = single.reset(102).observation();
        assertArrayEquals(obs, slice(flat.observations(), 2, flat.observationSize()));
        int[] actions = new int[3];
        for (int t = 0; t < 30; t++) {
            Step<float[]> s = single.step(1);
            actions[2] = 1;
            flat.step(actions);
            assertArrayEquals(s.observation(), slice(flat.observations(), 2, flat.observationSize()));
            if (s.done()) {
                break;
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"CartPole-v1", "Pendulum-v1"})
    void sameSeedSameNumbers(String id) {
        FlatVectorEnv a = ClassicControl.vector(id, 4);
        FlatVectorEnv b = ClassicControl.vector(id, 4);
        a.reset(9);
        b.reset(9);
        assertArrayEquals(a.observations(), b.observations());
        FlatVectorEnv c = ClassicControl.vector(id, 4);
        c.reset(10);
        assertFalse(java.util.Arrays.equals(a.observations(), c.observations()));
    }

    @org.junit.jupiter.api.Test
    void badBatchesAreRejectedWithClearMessages() {
        FlatVectorEnv v = ClassicControl.vector("CartPole-v1", 2);
        assertThrows(IllegalStateException.class, () -> v.step(new int[] {0, 1}));
        v.reset(0);
        QuiverUserException wrongCount = assertThrows(QuiverUserException.class, () -> v.step(new int[] {0}));
        assertTrue(wrongCount.getMessage().contains("expected 2 actions"), wrongCount.getMessage());
        QuiverUserException outOfRange = assertThrows(QuiverUserException.class, () -> v.step(new int[] {0, 2}));
        assertTrue(outOfRange.getMessage().contains("copy 1"), outOfRange.getMessage());
        QuiverUserException kind = assertThrows(QuiverUserException.class, () -> v.step(new float[] {0f, 1f}));
        assertTrue(kind.getMessage().contains("discrete"), kind.getMessage());
        FlatVectorEnv p = ClassicControl.vector("Pendulum-v1", 1);
        p.reset(0);
        QuiverUserException tooBig = assertThrows(QuiverUserException.class, () -> p.step(new float[] {2.5f}));
        assertTrue(tooBig.getMessage().contains("[-2.0, 2.0]"), tooBig.getMessage());
    }

    private static float[] slice(float[] flat, int i, int size) {
        float[] out = new float[size];
        System.arraycopy(flat, i * size, out, 0, size);
        return out;
    }
}
