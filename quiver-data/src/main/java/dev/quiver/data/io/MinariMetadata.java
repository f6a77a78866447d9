package dev.quiver.data.io;

import dev.quiver.core.space.Space;

/**
 * The parts of a Minari {@code metadata.json} that Quiver uses.
 *
 * @param datasetId {@code dataset_id} ("" when absent)
 * @param totalEpisodes {@code total_episodes}
 * @param totalSteps {@code total_steps}
 * @param observationSpace the deserialized {@code observation_space} (a {@code Box})
 * @param actionSpace the deserialized {@code action_space} ({@code Discrete} or {@code Box})
 */
public record MinariMetadata(String datasetId, long totalEpisodes, long totalSteps, Space<?> observationSpace,
        Space<?> actionSpace) {
}
