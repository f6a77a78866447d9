package dev.quiver.rl.agent;

import dev.quiver.core.error.QuiverUserException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a discrete-action policy checkpoint records about its env ({@code config.env}): the id, the
 * observation size and the number of actions.
 *
 * @param id the env id
 * @param observationSize floats per observation
 * @param numActions the number of discrete actions
 */
public record DiscreteEnvInfo(String id, int observationSize, int numActions) {

    /** As a JSON-ready map: {@code id}, {@code observationSize}, {@code numActions}. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("observationSize", observationSize);
        m.put("numActions", numActions);
        return m;
    }

    /**
     * Reads what {@link #toMap()} wrote.
     *
     * @param where where the map came from, for messages
     * @throws QuiverUserException if a key is missing or malformed
     */
    public static DiscreteEnvInfo fromMap(Map<?, ?> env, String where) {
        if (env.get("id") instanceof String id && env.get("observationSize") instanceof Number obs
                && env.get("numActions") instanceof Number acts && obs.intValue() >= 1 && acts.intValue() >= 1) {
            return new DiscreteEnvInfo(id, obs.intValue(), acts.intValue());
        }
        throw new QuiverUserException(where + ": config.env must have a string 'id' and positive numbers "
                + "'observationSize' and 'numActions', got " + env);
    }
}
