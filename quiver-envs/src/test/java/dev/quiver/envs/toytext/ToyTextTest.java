package dev.quiver.envs.toytext;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.core.env.Env;
import dev.quiver.core.error.QuiverUserException;
import dev.quiver.core.registry.EnvRegistration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ToyTextTest {

    private static Map<String, EnvRegistration> byId() {
        return ToyText.registrations().stream().collect(Collectors.toMap(EnvRegistration::id, Function.identity()));
    }

    /** Builds an env as Envs.make does: registered defaults overridden by the caller's options. */
    private static Env<?, ?> make(String id, Map<String, Object> kwargs) {
        EnvRegistration reg = byId().get(id);
        Map<String, Object> merged = new HashMap<>(reg.defaultKwargs());
        merged.putAll(kwargs);
        return reg.factory().apply(merged);
    }

    @Test
    void idsLimitsAndThresholdsAsGymnasium() {
        Map<String, EnvRegistration> regs = byId();
        assertEquals(List.of("CliffWalking-v0", "CliffWalking-v1", "FrozenLake-v1", "FrozenLake8x8-v1", "Taxi-v3"),
                regs.keySet().stream().sorted().toList());
        assertEquals(100, regs.get("FrozenLake-v1").maxEpisodeSteps().getAsInt());
        assertEquals(0.70, regs.get("FrozenLake-v1").rewardThreshold().getAsDouble());
        assertEquals(Map.of("map_name", "4x4"), regs.get("FrozenLake-v1").defaultKwargs());
        assertEquals(200, regs.get("FrozenLake8x8-v1").maxEpisodeSteps().getAsInt());
        assertEquals(0.85, regs.get("FrozenLake8x8-v1").rewardThreshold().getAsDouble());
        assertEquals(Map.of("map_name", "8x8"), regs.get("FrozenLake8x8-v1").defaultKwargs());
        assertFalse(regs.get("CliffWalking-v0").maxEpisodeSteps().isPresent());
        assertFalse(regs.get("CliffWalking-v0").rewardThreshold().isPresent());
        assertEquals(200, regs.get("Taxi-v3").maxEpisodeSteps().getAsInt());
        assertEquals(8.0, regs.get("Taxi-v3").rewardThreshold().getAsDouble());
        for (EnvRegistration reg : regs.values()) {
            Env<?, ?> env = make(reg.id(), Map.of());
            assertEquals(reg.id(), env.spec().id());
            assertEquals(reg.maxEpisodeSteps(), env.spec().maxEpisodeSteps());
            assertEquals(reg.rewardThreshold(), env.spec().rewardThreshold());
        }
    }

    @Test
    void frozenLakeOptions() {
        FrozenLake eight = (FrozenLake) make("FrozenLake8x8-v1", Map.of());
        assertEquals(FrozenLakeMaps.MAP_8X8, eight.desc());
        FrozenLake four = (FrozenLake) make("FrozenLake-v1", Map.of("is_slippery", false));
        assertEquals(FrozenLakeMaps.MAP_4X4, four.desc());
        assertFalse(four.isSlippery());
        assertEquals(1, four.transitions(14, FrozenLake.RIGHT).size());
        assertEquals(FrozenLakeMaps.MAP_8X8, ((FrozenLake) make("FrozenLake-v1", Map.of("map_name", "8x8"))).desc());
        // desc wins over map_name, in any of its spellings.
        List<String> custom = List.of("SF", "HG");
        assertEquals(custom, ((FrozenLake) make("FrozenLake-v1", Map.of("desc", custom))).desc());
        assertEquals(custom, ((FrozenLake) make("FrozenLake-v1", Map.of("desc", new String[] {"SF", "HG"}))).desc());
        assertEquals(custom, ((FrozenLake) make("FrozenLake-v1", Map.of("desc", "SF\nHG\n"))).desc());
        assertEquals(custom, ((FrozenLake) make("FrozenLake-v1", Map.of("desc", "SF, HG"))).desc());
        FrozenLake tuned = (FrozenLake) make("FrozenLake-v1",
                Map.of("success_rate", 0.9, "reward_schedule", List.of(10, -1, 0)));
        assertEquals(0.9, tuned.successRate());
        assertArrayEquals(new double[] {10, -1, 0}, tuned.rewardSchedule());
        assertEquals(0.9, tuned.transitions(14, FrozenLake.RIGHT).get(1).probability());
        assertEquals(10.0, tuned.transitions(14, FrozenLake.RIGHT).get(1).reward());
        FrozenLake fromStrings = (FrozenLake) make("FrozenLake-v1",
                Map.of("success_rate", "0.5", "reward_schedule", "(2, -1, 0)", "is_slippery", "true",
                        "render_mode", "ansi"));
        assertEquals(0.5, fromStrings.successRate());
        assertArrayEquals(new double[] {2, -1, 0}, fromStrings.rewardSchedule());
    }

    @Test
    void otherOptions() {
        assertTrue(((CliffWalking) make("CliffWalking-v1", Map.of("is_slippery", true))).isSlippery());
        assertFalse(((CliffWalking) make("CliffWalking-v0", Map.of())).isSlippery());
        Taxi taxi = (Taxi) make("Taxi-v3", Map.of("is_rainy", true, "fickle_passenger", true));
        assertTrue(taxi.isRainy());
        assertTrue(taxi.isFicklePassenger());
        Taxi plain = (Taxi) make("Taxi-v3", Map.of());
        assertFalse(plain.isRainy());
        assertFalse(plain.isFicklePassenger());
    }

    @Test
    void badOptionsNameTheEnvAndTheKey() {
        assertUserError("FrozenLake-v1", Map.of("slippery", true), "slippery");
        assertUserError("FrozenLake-v1", Map.of("map_name", "16x16"), "map_name");
        assertUserError("FrozenLake-v1", Map.of("is_slippery", "maybe"), "is_slippery");
        assertUserError("FrozenLake-v1", Map.of("success_rate", 2.0), "success_rate");
        assertUserError("FrozenLake-v1", Map.of("success_rate", "high"), "success_rate");
        assertUserError("FrozenLake-v1", Map.of("reward_schedule", List.of(1, 0)), "reward_schedule");
        assertUserError("FrozenLake-v1", Map.of("reward_schedule", "1, zero, 0"), "reward_schedule");
        assertUserError("FrozenLake-v1", Map.of("desc", List.of("SFF", "FG")), "desc");
        assertUserError("FrozenLake-v1", Map.of("desc", 42), "desc");
        assertUserError("FrozenLake8x8-v1", Map.of("render_mode", "human"), "render_mode");
        assertUserError("CliffWalking-v0", Map.of("is_rainy", true), "is_rainy");
        assertUserError("Taxi-v3", Map.of("is_slippery", true), "is_slippery");
        assertUserError("Taxi-v3", Map.of("is_rainy", 3), "is_rainy");
    }

    private static void assertUserError(String id, Map<String, Object> kwargs, String key) {
        QuiverUserException e = assertThrows(QuiverUserException.class, () -> make(id, kwargs));
        assertTrue(e.getMessage().contains(id), e.getMessage());
        assertTrue(e.getMessage().contains(key), e.getMessage());
    }

    @Test
    void factoriesBuildFreshEnvs() {
        EnvRegistration reg = byId().get("Taxi-v3");
        Env<?, ?> a = reg.factory().apply(Map.of());
        Env<?, ?> b = reg.factory().apply(Map.of());
        assertInstanceOf(Taxi.class, a);
        assertFalse(a == b);
    }
}
