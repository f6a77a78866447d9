package dev.quiver.data.io;

import dev.quiver.data.dataset.EpisodeDataset;

/**
 * A Minari dataset read from disk: its metadata and its episodes.
 *
 * @param metadata what {@code metadata.json} says
 * @param episodes the episodes of {@code main_data.hdf5}, in {@code episode_i} order
 */
public record MinariDataset(MinariMetadata metadata, EpisodeDataset episodes) {
}
