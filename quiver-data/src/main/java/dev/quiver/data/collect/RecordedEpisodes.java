package dev.quiver.data.collect;

import dev.quiver.data.dataset.EpisodeDataset;
import java.util.List;
import java.util.OptionalLong;

/**
 * What a {@link DatasetRecorder} recorded: the episodes, and for each the seed of the {@code reset(seed)}
 * that started it (empty when it was started by {@code reset()} or an autoreset). The seeds go into a
 * Minari file's episode attributes ({@code MinariWriter.withEpisodeSeeds}).
 *
 * @param episodes the recorded episodes
 * @param seeds one entry per episode, in order
 */
public record RecordedEpisodes(EpisodeDataset episodes, List<OptionalLong> seeds) {
    /** Checks that there is one seed entry per episode. */
    public RecordedEpisodes {
        if (seeds.size() != episodes.numEpisodes()) {
            throw new IllegalArgumentException(seeds.size() + " seeds for " + episodes.numEpisodes() + " episodes");
        }
        seeds = List.copyOf(seeds);
    }
}
