package dev.quiver.core.vector;

import java.util.List;
import java.util.Map;

/**
 * What one {@link VectorEnv#step} returned, one entry per copy.
 *
 * @param observations observation of each copy
 * @param rewards reward of each copy
 * @param terminations whether each copy terminated
 * @param truncations whether each copy was truncated
 * @param infos info of each copy
 * @param <O> observation type
 */
public record VectorStep<O>(List<O> observations, double[] rewards, boolean[] terminations, boolean[] truncations,
        List<Map<String, Object>> infos) {
}
