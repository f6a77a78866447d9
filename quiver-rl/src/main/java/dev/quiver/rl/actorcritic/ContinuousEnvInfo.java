package dev.quiver.rl.actorcritic;

import dev.quiver.core.error.QuiverUserException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a continuous-action policy checkpoint records about its env ({@code config.env}): the id, the
 * observation size and the action bounds its actions are scaled to.
 *
 * @param id the env id
 * @param observationSize floats per observation
 * @param scaling the map from {@code [-1, 1]} onto the action bounds
 */
public record ContinuousEnvInfo(String id, int observationSize, ActionScaling scaling) {

    /** As a JSON-ready map: {@code id}, {@code observationSize}, {@code actionLow}, {@code actionHigh}. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("observationSize", observationSize);
        m.put("actionLow", toList(scaling.low()));
        m.put("actionHigh", toList(scaling.high()));
        return m;
    }

    private static List<Double> toList(double[] a) {
        return java.util.Arrays.stream(a).boxed().toList();
    }

    /**
     * Reads what {@link #toMap()} wrote.
     *
     * @param where where the map came from, for messages
     * @throws QuiverUserException if a key is missing or malformed
     */
    public static ContinuousEnvInfo fromMap(Map<?, ?> env, String where) {
        try {
            if (env.get("id") instanceof String id && env.get("observationSize") instanceof Number obs
                    && obs.intValue() >= 1 && env.get("actionLow") instanceof List<?> low
                    && env.get("actionHigh") instanceof List<?> high) {
                return new ContinuousEnvInfo(id, obs.intValue(), new ActionScaling(toArray(low), toArray(high)));
            }
        } catch (ClassCastException | IllegalArgumentException | NullPointerException e) {
            throw new QuiverUserException(where + ": malformed config.env " + env + ": " + e.getMessage(), e);
        }
        throw new QuiverUserException(where + ": config.env must have a string 'id', a positive number "
                + "'observationSize' and number lists 'actionLow' and 'actionHigh', got " + env);
    }

    private static double[] toArray(List<?> l) {
        return l.stream().mapToDouble(x -> ((Number) x).doubleValue()).toArray();
    }
}
