package dev.quiver.ope.sequential;

import dev.quiver.core.estimate.Estimate;
import dev.quiver.core.seed.Seeds;
import dev.quiver.eval.bootstrap.Intervals;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The percentile bootstrap over episodes that gives every sequential estimate its interval: resample the
 * {@code n} episodes with replacement ({@code n} uniform draws from {@code Seeds.of(seed).child("bootstrap")},
 * held as counts per episode), recompute the estimator on each resample, and take the {@code (1 - c) / 2} and
 * {@code (1 + c) / 2} quantiles of the replicates (linear interpolation, Hyndman and Fan's type 7). The point is
 * the estimator on the data as given. Episodes are the independent units, so the interval reflects the
 * sampling of episodes (and, for self-normalised estimators, the randomness of their normalisers), not the
 * error of any fitted model held fixed across resamples.
 *
 * @see <a href="https://doi.org/10.1201/9780429246593">Efron, B. and Tibshirani, R. J. (1993). An Introduction
 *     to the Bootstrap, chapter 13</a>
 */
final class EpisodeBootstrap {
    private EpisodeBootstrap() {
    }

    /**
     * The estimate of {@code statistic} over {@code n} episodes with its interval.
     *
     * @param statistic the estimator on a resample given as counts per episode (all 1: the data as given)
     * @param name the estimator's name for the method text
     */
    static Estimate estimate(int n, ToDoubleFunction<int[]> statistic, SequentialOpeConfig config, String name) {
        int[] counts = new int[n];
        Arrays.fill(counts, 1);
        double point = statistic.applyAsDouble(counts);
        UniformRandomProvider rng = Seeds.of(config.seed()).child("bootstrap").rng();
        double[] reps = new double[config.bootstrapReps()];
        for (int r = 0; r < reps.length; r++) {
            Arrays.fill(counts, 0);
            for (int j = 0; j < n; j++) {
                counts[rng.nextInt(n)]++;
            }
            reps[r] = statistic.applyAsDouble(counts);
        }
        Arrays.sort(reps);
        double alpha = 1 - config.confidence();
        double low = Intervals.quantile(reps, alpha / 2);
        double high = Intervals.quantile(reps, 1 - alpha / 2);
        return new Estimate(point, low, high, config.confidence(), String.format(Locale.ROOT,
                "%s, gamma %s; percentile bootstrap over %d episodes, %d reps", name, config.gamma(), n, reps.length));
    }

    /** The mean of {@code values} weighted by the counts. */
    static double mean(double[] values, int[] counts) {
        double sum = 0;
        long total = 0;
        for (int i = 0; i < values.length; i++) {
            if (counts[i] != 0) {
                sum += counts[i] * values[i];
                total += counts[i];
            }
        }
        return sum / total;
    }
}
