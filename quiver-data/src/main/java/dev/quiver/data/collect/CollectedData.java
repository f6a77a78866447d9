package dev.quiver.data.collect;

import java.util.Arrays;

/**
 * What a {@link Collector} produced: the recorded episodes (with their reset seeds) and which of them the
 * expert played (in a random+expert mixture; empty otherwise).
 *
 * @param recorded the episodes and their seeds
 * @param expertEpisodes the indices of the expert's episodes, ascending
 */
public record CollectedData(RecordedEpisodes recorded, int[] expertEpisodes) {
    /** Keeps a copy of the indices. */
    public CollectedData {
        expertEpisodes = expertEpisodes.clone();
    }

    /** The indices of the expert's episodes (a copy). */
    @Override
    public int[] expertEpisodes() {
        return expertEpisodes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CollectedData c && c.recorded.equals(recorded)
                && Arrays.equals(c.expertEpisodes, expertEpisodes);
    }

    @Override
    public int hashCode() {
        return 31 * recorded.hashCode() + Arrays.hashCode(expertEpisodes);
    }

    @Override
    public String toString() {
        return "CollectedData(" + recorded.episodes() + ", expert episodes " + Arrays.toString(expertEpisodes) + ")";
    }
}
