package dev.quiver.envs.classic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.quiver.core.env.AbstractEnv;
import dev.quiver.core.env.Env;
import dev.quiver.core.registry.Envs;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A restored generator state makes a fresh env start the same next episode as the saved one. */
class EnvRngStateTest {
    @ParameterizedTest
    @ValueSource(strings = {"CartPole-v1", "Acrobot-v1", "MountainCar-v0", "Pendulum-v1", "MountainCarContinuous-v0"})
    void restoredStateGivesTheSameNextReset(String id) {
        try (Env<float[], Object> a = Envs.make(id); Env<float[], Object> b = Envs.make(id)) {
            AbstractEnv<?, ?> base = (AbstractEnv<?, ?>) a.unwrapped();
            assertNull(base.rngState());
            a.reset(42);
            for (int i = 0; i < 3; i++) {
                a.reset();
            }
            byte[] state = base.rngState();
            float[] expected = a.reset().observation().clone();
            ((AbstractEnv<?, ?>) b.unwrapped()).restoreRngState(state);
            assertArrayEquals(expected, b.reset().observation());
            assertArrayEquals(a.reset().observation(), b.reset().observation(), "and the generator continues alike");
        }
    }
}
