package dev.quiver.rl.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.core.error.QuiverUserException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DiscreteEnvInfoTest {
    private final DiscreteEnvInfo info = new DiscreteEnvInfo("CartPole-v1", 4, 2);

    @Test
    void writesTheKeysInOrderAndReadsThemBack() {
        Map<String, Object> m = info.toMap();
        assertEquals(List.of("id", "observationSize", "numActions"), List.copyOf(m.keySet()));
        assertEquals(Map.of("id", "CartPole-v1", "observationSize", 4, "numActions", 2), m);
        assertEquals(info, DiscreteEnvInfo.fromMap(m, "here"));
    }

    @Test
    void readsNumbersAsJsonGivesThem() {
        Map<String, Object> m = Map.of("id", "CartPole-v1", "observationSize", 4.0, "numActions", 2.0);
        assertEquals(info, DiscreteEnvInfo.fromMap(m, "here"));
    }

    @Test
    void rejectsMissingOrMalformedKeysNamingWhere() {
        for (String key : List.of("id", "observationSize", "numActions")) {
            Map<String, Object> missing = new HashMap<>(info.toMap());
            missing.remove(key);
            assertRejected(missing);
        }
        assertRejected(Map.of("id", 7, "observationSize", 4, "numActions", 2));
        assertRejected(Map.of("id", "CartPole-v1", "observationSize", "4", "numActions", 2));
        assertRejected(Map.of("id", "CartPole-v1", "observationSize", 0, "numActions", 2));
        assertRejected(Map.of("id", "CartPole-v1", "observationSize", 4, "numActions", -1));
    }

    private static void assertRejected(Map<String, ?> env) {
        QuiverUserException e = assertThrows(QuiverUserException.class,
                () -> DiscreteEnvInfo.fromMap(env, "checkpoint /x"), env::toString);
        assertTrue(e.getMessage().startsWith("checkpoint /x: config.env") && e.getMessage().contains("numActions")
                && e.getMessage().contains(env.toString()), e.getMessage());
    }
}
