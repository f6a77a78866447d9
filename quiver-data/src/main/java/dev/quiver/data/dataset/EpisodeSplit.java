package dev.quiver.data.dataset;

import dev.quiver.core.error.QuiverUserException;
import dev.quiver.core.seed.Seeds;
import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * A train/validation split of a dataset by whole episodes: every episode is in exactly one part.
 *
 * <p>The validation part holds {@code round(fraction * numEpisodes)} episodes chosen uniformly at
 * random (a Fisher-Yates shuffle driven by {@link Seeds#rng()} of the given node); the same seed and
 * dataset size always give the same split. Index arrays are sorted ascending.
 *
 * @param train indices of training episodes
 * @param validation indices of validation episodes
 */
public record EpisodeSplit(int[] train, int[] validation) {

    /**
     * Splits episode indices {@code [0, numEpisodes)}.
     *
     * @param validationFraction share of episodes for validation, in {@code [0, 1]}
     * @param seeds the stream to draw from (callers usually pass {@code seeds.child("split")})
     */
    public static EpisodeSplit of(int numEpisodes, double validationFraction, Seeds seeds) {
        if (!(validationFraction >= 0.0 && validationFraction <= 1.0)) {
            throw new QuiverUserException("validation fraction must be in [0, 1], got " + validationFraction);
        }
        if (numEpisodes < 0) {
            throw new IllegalArgumentException("numEpisodes < 0: " + numEpisodes);
        }
        int nVal = (int) Math.round(validationFraction * numEpisodes);
        int[] perm = new int[numEpisodes];
        for (int i = 0; i < numEpisodes; i++) {
            perm[i] = i;
        }
        UniformRandomProvider rng = seeds.rng();
        for (int i = numEpisodes - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int tmp = perm[i];
            perm[i] = perm[j];
            perm[j] = tmp;
        }
        int[] validation = Arrays.copyOfRange(perm, 0, nVal);
        int[] train = Arrays.copyOfRange(perm, nVal, numEpisodes);
        Arrays.sort(validation);
        Arrays.sort(train);
        return new EpisodeSplit(train, validation);
    }

    /** Splits the episodes of {@code data}. */
    public static EpisodeSplit of(EpisodeDataset data, double validationFraction, Seeds seeds) {
        return of(data.numEpisodes(), validationFraction, seeds);
    }

    /** Training indices (a copy). */
    @Override
    public int[] train() {
        return train.clone();
    }

    /** Validation indices (a copy). */
    @Override
    public int[] validation() {
        return validation.clone();
    }

    /** The training episodes of {@code data} as a new dataset. */
    public EpisodeDataset trainSet(EpisodeDataset data) {
        return data.subset(train);
    }

    /** The validation episodes of {@code data} as a new dataset (there must be at least one). */
    public EpisodeDataset validationSet(EpisodeDataset data) {
        return data.subset(validation);
    }
}
