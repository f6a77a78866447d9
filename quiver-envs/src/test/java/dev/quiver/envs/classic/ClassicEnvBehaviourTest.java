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
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Gymnasium semantics of the single classic-control envs made through the registry. */
class ClassicEnvBehaviourTest {

    @Test
    void cartPoleResetIsInGymnasiumsRangeAndDeterministic() {
        Env<float[], Integer> env = Envs.make("CartPole-v1");
        float[] a = env.reset(3).observation();
        for (float v : a) {
            assertTrue(v >= -0.05f && v <= 0.05f, "reset value " + v);
        }
        Env<float[], Integer> other = Envs.make("CartPole-v1");
        assertArrayEquals(a, other.reset(3).observation());
        for (int t = 0; t < 8; t++) {
            assertArrayEquals(env.step(t % 2).observation(), other.step(t % 2).observation());
        }
    }

    @Test
    void stepBeforeResetAfterEndAndWithBadActionsThrow() {
        Env<float[], Integer> env = Envs.make("CartPole-v1");
        IllegalStateException before = assertThrows(IllegalStateException.class, () -> env.step(0));
        assertTrue(before.getMessage().contains("before reset"), before.getMessage());
        env.reset(0);
        Step<float[]> s;
        do {
            s = env.step(1);
        } while (!s.done());
        assertTrue(s.terminated());
        IllegalStateException after = assertThrows(IllegalStateException.class, () -> env.step(0));
        assertTrue(after.getMessage().contains("after the episode ended"), after.getMessage());
        env.reset();
        QuiverUserException bad = assertThrows(QuiverUserException.class, () -> env.step(2));
        assertTrue(bad.getMessage().contains("expected an int in [0, 2)"), bad.getMessage());
        @SuppressWarnings({"unchecked", "rawtypes"})
        Env<Object, Object> raw = (Env) env;
        QuiverUserException type = assertThrows(QuiverUserException.class, () -> raw.step(new float[] {1f}));
        assertTrue(type.getMessage().contains("float[]"), type.getMessage());
    }

    @Test
    void continuousActionsOfWrongShapeOrRangeAreRejected() {
        Env<float[], float[]> env = Envs.make("Pendulum-v1");
        env.reset(0);
        QuiverUserException shape = assertThrows(QuiverUserException.class, () -> env.step(new float[] {0f, 0f}));
        assertTrue(shape.getMessage().contains("length 1"), shape.getMessage());
        QuiverUserException range = assertThrows(QuiverUserException.class, () -> env.step(new float[] {3f}));
        assertTrue(range.getMessage().contains("outside"), range.getMessage());
    }

    @Test
    void timeLimitsTruncateAsGymnasiumRegistersThem() {
        Env<float[], float[]> pendulum = Envs.make("Pendulum-v1");
        pendulum.reset(1);
        int steps = 0;
        Step<float[]> s;
        do {
            s = pendulum.step(new float[] {0f});
            steps++;
        } while (!s.done());
        assertEquals(200, steps);
        assertTrue(s.truncated());
        assertFalse(s.terminated());
        Env<float[], Integer> car = Envs.make("MountainCar-v0", Map.of("max_episode_steps", 7));
        car.reset(1);
        for (int t = 0; t < 6; t++) {
            assertFalse(car.step(1).done());
        }
        assertTrue(car.step(1).truncated());
    }

    @Test
    void unknownIdsAndOptionsGetHelpfulErrors() {
        QuiverUserException e = assertThrows(QuiverUserException.class, () -> Envs.make("CartPole-v0"));
        assertTrue(e.getMessage().contains("did you mean 'CartPole-v1'"), e.getMessage());
        QuiverUserException opt = assertThrows(QuiverUserException.class,
                () -> Envs.make("Pendulum-v1", Map.of("gravity", 9.8)));
        assertTrue(opt.getMessage().contains("unknown option 'gravity'") && opt.getMessage().contains("g"),
                opt.getMessage());
    }

    @Test
    void pendulumGravityOptionChangesTheDynamics() {
        Env<float[], float[]> moon = Envs.make("Pendulum-v1", Map.of("g", 1.62));
        Env<float[], float[]> earth = Envs.make("Pendulum-v1");
        assertArrayEquals(moon.reset(5).observation(), earth.reset(5).observation());
        assertFalse(java.util.Arrays.equals(moon.step(new float[] {0f}).observation(),
                earth.step(new float[] {0f}).observation()));
    }

    @Test
    void suttonBartoRewardIsZeroThenMinusOne() {
        Env<float[], Integer> env = Envs.make("CartPole-v1", Map.of("sutton_barto_reward", true));
        env.reset(0);
        Step<float[]> s;
        do {
            s = env.step(0);
            assertEquals(s.terminated() ? -1.0 : 0.0, s.reward());
        } while (!s.done());
    }
}
