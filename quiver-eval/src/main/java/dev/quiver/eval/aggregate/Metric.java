package dev.quiver.eval.aggregate;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A named aggregate metric of a score matrix {@code [task][run]}: the unit that bootstraps, curves and
 * reports work with.
 *
 * <p>The four built-in metrics ({@link Mean}, {@link Median}, {@link InterquartileMean}, {@link
 * OptimalityGap}) are recognised by the bootstrap and computed from resampling counts without
 * copying data; any other metric (for example {@link #of(String, Aggregate)}) is evaluated on a
 * materialised copy of each resample, which is slower but general.
 *
 * @see <a href="https://arxiv.org/abs/2108.13264">Agarwal et al. (2021), Deep Reinforcement Learning
 *     at the Edge of the Statistical Precipice, arXiv:2108.13264</a>
 */
public interface Metric extends Aggregate {

    /** The key that names this metric in results, e.g. {@code "iqm"}; unique within one bootstrap. */
    String name();

    /** The mean over tasks of the per-task mean scores (key {@code "mean"}). */
    static Metric mean() {
        return Mean.INSTANCE;
    }

    /** The median over tasks of the per-task mean scores (key {@code "median"}). */
    static Metric median() {
        return Median.INSTANCE;
    }

    /** The interquartile mean over all runs of all tasks pooled (key {@code "iqm"}). */
    static Metric iqm() {
        return InterquartileMean.INSTANCE;
    }

    /** The optimality gap with threshold {@code gamma = 1} (key {@code "og"}). */
    static Metric optimalityGap() {
        return OptimalityGap.DEFAULT;
    }

    /** The optimality gap with threshold {@code gamma} (key {@code "og"} for 1, else {@code "og@gamma"}). */
    static Metric optimalityGap(double gamma) {
        return OptimalityGap.of(gamma);
    }

    /**
     * A metric made of a user-supplied aggregate (evaluated on materialised resamples in a bootstrap).
     *
     * @param name the result key (not blank; unique among the metrics of one bootstrap)
     * @param aggregate the function; see {@link Aggregate} for what it may do
     */
    static Metric of(String name, Aggregate aggregate) {
        return new CustomMetric(name, aggregate);
    }

    /** The four metrics of the rliable aggregate figure, in its order: median, IQM, mean, optimality gap. */
    static List<Metric> standard() {
        return List.of(median(), iqm(), mean(), optimalityGap());
    }

    /**
     * A built-in metric by key: {@code "mean"}, {@code "median"}, {@code "iqm"}, {@code "og"} (gamma
     * 1) or {@code "og@G"} for a threshold {@code G}; case-insensitive.
     *
     * @throws IllegalArgumentException naming the allowed keys if {@code key} is none of them
     */
    static Metric byName(String key) {
        Objects.requireNonNull(key, "key");
        String k = key.trim().toLowerCase(Locale.ROOT);
        switch (k) {
            case Mean.NAME:
                return mean();
            case Median.NAME:
                return median();
            case InterquartileMean.NAME:
                return iqm();
            case OptimalityGap.NAME:
                return optimalityGap();
            default:
                if (k.startsWith(OptimalityGap.NAME + "@")) {
                    try {
                        return optimalityGap(Double.parseDouble(k.substring(3)));
                    } catch (NumberFormatException e) {
                        // fall through to the error below
                    }
                }
                throw new IllegalArgumentException("unknown metric '" + key
                        + "': allowed are mean, median, iqm, og, og@<gamma> (e.g. og@0.5)");
        }
    }
}
