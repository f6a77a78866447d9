package dev.quiver.data.io;

import dev.quiver.core.space.Space;
import dev.quiver.data.dataset.EpisodeDataset;

/**
 * A D4RL-style file read by {@link D4rlReader#readDataset}: its episodes and what the file says about itself.
 *
 * @param episodes the episodes
 * @param observationSpace the {@code observation_space} root attribute, or {@code null} when the file has none
 * @param actionSpace the {@code action_space} root attribute, or {@code null} when the file has none
 * @param rows the number of rows (transitions) in the file
 * @param droppedRows rows left out because their next observation is unknown (only without
 *     {@code next_observations}; see {@link D4rlReader})
 * @param nextObservationsReconstructed whether the file has no {@code next_observations}, so next observations
 *     were taken from the following rows
 */
public record D4rlDataset(EpisodeDataset episodes, Space<?> observationSpace, Space<?> actionSpace, int rows,
        int droppedRows, boolean nextObservationsReconstructed) {
}
