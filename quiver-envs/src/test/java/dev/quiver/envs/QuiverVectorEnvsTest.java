package dev.quiver.envs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.core.env.Env;
import dev.quiver.core.registry.Envs;
import dev.quiver.core.vector.FlatVectorEnv;
import dev.quiver.core.vector.FlatVectorEnvs;
import dev.quiver.envs.classic.CartPoleVectorEnv;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QuiverVectorEnvsTest {

    /** Each classic-control id is found through the core lookup, with the spec Envs.make gives it. */
    @Test
    void classicControlVectorEnvsAreFoundThroughTheCoreLookup() {
        Set<String> ids = Set.of("CartPole-v1", "MountainCar-v0", "MountainCarContinuous-v0", "Acrobot-v1",
                "Pendulum-v1");
        assertEquals(ids, FlatVectorEnvs.ids());
        for (String id : ids) {
            try (FlatVectorEnv v = FlatVectorEnvs.make(id, 3).orElseThrow(); Env<?, ?> single = Envs.make(id)) {
                assertEquals(3, v.numEnvs(), id);
                assertEquals(single.spec(), v.spec(), id);
            }
        }
        assertTrue(FlatVectorEnvs.make("CartPole-v1", 2).orElseThrow() instanceof CartPoleVectorEnv);
        assertFalse(FlatVectorEnvs.has("FrozenLake-v1"));
    }
}
