package dev.quiver.envs.classic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.core.error.QuiverUserException;
import dev.quiver.core.seed.Seeds;
import dev.quiver.core.space.Discrete;
import dev.quiver.core.state.NamedArrays;
import dev.quiver.core.vector.FlatVectorEnv;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A classic-control vector env's saved state, restored into a fresh vector env, continues exactly as the
 * saved env does: mid-episode, and right after an episode end (a pending autoreset), across later autoresets
 * and time-limit truncations, with the same observations, rewards and flags bit for bit.
 */
class VectorEnvStateTest {
    private static final int N = 5;

    /** One step's outputs, copied. */
    private record Outputs(float[] obs, double[] rewards, boolean[] terminations, boolean[] truncations) {
        static Outputs of(FlatVectorEnv e) {
            return new Outputs(e.observations().clone(), e.rewards().clone(), e.terminations().clone(),
                    e.truncations().clone());
        }

        void assertSame(Outputs o, String where) {
            assertArrayEquals(obs, o.obs, where + " observations");
            assertArrayEquals(rewards, o.rewards, 0.0, where + " rewards");
            assertArrayEquals(terminations, o.terminations, where + " terminations");
            assertArrayEquals(truncations, o.truncations, where + " truncations");
        }

        boolean anyEnded() {
            for (int i = 0; i < terminations.length; i++) {
                if (terminations[i] || truncations[i]) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Random actions for every copy, as int[] (Discrete) or float[] (Box) for {@link #step}. */
    private static Object actions(FlatVectorEnv e, UniformRandomProvider rng) {
        if (e.spec().actionSpace() instanceof Discrete d) {
            int[] a = new int[e.numEnvs()];
            for (int i = 0; i < a.length; i++) {
                a[i] = d.sampleInt(rng);
            }
            return a;
        }
        float hi = e.spec().id().startsWith("Pendulum") ? 2f : 1f;
        float[] a = new float[e.numEnvs()];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) (-hi + 2 * hi * rng.nextDouble());
        }
        return a;
    }

    private static void step(FlatVectorEnv e, Object actions) {
        if (actions instanceof int[] a) {
            e.step(a);
        } else {
            e.step((float[]) actions);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"CartPole-v1", "MountainCar-v0", "MountainCarContinuous-v0", "Acrobot-v1", "Pendulum-v1"})
    void restoredEnvContinuesExactly(String id) {
        assertContinuesExactly(id, false);
        assertContinuesExactly(id, true);
    }

    /**
     * Steps a vector env (random actions) to a save point — 37 steps in (mid-episode, each copy's state float32
     * after its first step in MountainCarContinuous), or the first step that ends some copy's episode — saves
     * it, steps it 1,100 more (past every time limit), then restores the state into a fresh env, steps that with the same actions and
     * compares every step's outputs.
     */
    private static void assertContinuesExactly(String id, boolean atEpisodeEnd) {
        String where = id + (atEpisodeEnd ? " saved at an episode end" : " saved mid-episode");
        UniformRandomProvider rng = Seeds.rng(3);
        NamedArrays saved;
        Outputs atSave;
        List<Object> actions = new ArrayList<>();
        List<Outputs> expected = new ArrayList<>();
        int ends = 0;
        try (FlatVectorEnv env = ClassicControl.vector(id, N)) {
            env.reset(42);
            for (int t = 0; atEpisodeEnd ? !Outputs.of(env).anyEnded() : t < 37; t++) {
                step(env, actions(env, rng));
                assertTrue(t < 2_000, where + ": no episode end");
            }
            saved = env.saveState();
            atSave = Outputs.of(env);
            for (int t = 0; t < 1_100; t++) {
                Object a = actions(env, rng);
                actions.add(a);
                step(env, a);
                Outputs o = Outputs.of(env);
                expected.add(o);
                ends += o.anyEnded() ? 1 : 0;
            }
            assertNotEquals(saved, env.saveState(), where + ": the saved state is a copy");
        }
        assertTrue(ends > 0, where + ": the continuation must span an episode end");
        try (FlatVectorEnv fresh = ClassicControl.vector(id, N)) {
            fresh.restoreState(saved);
            atSave.assertSame(Outputs.of(fresh), where + ", restored");
            for (int t = 0; t < actions.size(); t++) {
                step(fresh, actions.get(t));
                expected.get(t).assertSame(Outputs.of(fresh), where + ", step " + t + " after the restore");
            }
        }
    }

    /**
     * MountainCarContinuous computes in float64 until a copy's first step and in float32 after it: the flag is
     * state beyond the position and velocity, and restoring without it gives other observations.
     */
    @Test
    void mountainCarContinuousSavesItsPrecisionFlags() {
        UniformRandomProvider rng = Seeds.rng(3);
        try (FlatVectorEnv env = ClassicControl.vector("MountainCarContinuous-v0", N);
                FlatVectorEnv other = ClassicControl.vector("MountainCarContinuous-v0", N)) {
            env.reset(42);
            for (int t = 0; t < 37; t++) {
                step(env, actions(env, rng));
            }
            NamedArrays s = env.saveState();
            other.reset(42);
            other.restoreState(s);
            // every copy is past its first step, so its state is float32: a restored env must compute in float
            assertArrayEquals(new boolean[] {true, true, true, true, true}, s.booleans("float32", N));
            Object a = actions(env, rng);
            step(env, a);
            step(other, a);
            assertArrayEquals(env.observations(), other.observations());
            other.restoreState(new NamedArrays("test").put("position", s.doubles("position", N))
                    .put("velocity", s.doubles("velocity", N)).put("float32", new boolean[N])
                    .put("observations", s.floats("observations", 2 * N)).put("rewards", s.doubles("rewards", N))
                    .put("terminations", new boolean[N]).put("truncations", new boolean[N])
                    .put("elapsed", s.ints("elapsed", N)).put("autoreset", new boolean[N])
                    .put("rng", s.bytes("rng", rngBytes(s))));
            env.restoreState(s);
            step(env, a);
            step(other, a);
            assertTrue(!java.util.Arrays.equals(env.observations(), other.observations()),
                    "float64 and float32 arithmetic give different observations");
        }
    }

    private static int rngBytes(NamedArrays s) {
        return ((byte[]) s.asMap().get("rng")).length;
    }

    @Test
    void aStateOfAnotherShapeIsAClearError() {
        try (FlatVectorEnv five = ClassicControl.vector("CartPole-v1", 5);
                FlatVectorEnv four = ClassicControl.vector("CartPole-v1", 4);
                FlatVectorEnv acrobot = ClassicControl.vector("Acrobot-v1", 5)) {
            IllegalStateException notReset = assertThrows(IllegalStateException.class, five::saveState);
            assertTrue(notReset.getMessage().contains("reset"), notReset.getMessage());
            five.reset(0);
            NamedArrays s = five.saveState();
            QuiverUserException e = assertThrows(QuiverUserException.class, () -> four.restoreState(s));
            assertTrue(e.getMessage().contains("CartPole-v1 vector env state") && e.getMessage().contains(
                    "'observations' has 20 values, expected 16"), e.getMessage());
            e = assertThrows(QuiverUserException.class, () -> acrobot.restoreState(s));
            assertTrue(e.getMessage().contains("'observations' has 20 values, expected 30"), e.getMessage());
            assertTrue(five.savesState() && four.savesState());
        }
    }
}
