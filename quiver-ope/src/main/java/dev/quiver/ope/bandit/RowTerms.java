package dev.quiver.ope.bandit;

import dev.quiver.core.estimate.Estimate;
import dev.quiver.core.seed.Seeds;
import dev.quiver.eval.bootstrap.IndexSampler;
import dev.quiver.eval.bootstrap.Intervals;
import java.util.Arrays;
import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The per-row pieces of a bandit estimate, {@code V = mean(direct) + mean(correction) / mean(weights)}
 * ({@code weights} absent, i.e. 1, for estimators that do not self-normalise): every estimator in this
 * package has this shape. The interval resamples rows and recomputes {@code V} on each resample, so for
 * the self-normalised estimators the ratio is recomputed too (a plain percentile bootstrap of the
 * per-row terms' mean, Open Bandit Pipeline's {@code estimate_interval}, for the others). A resample
 * whose weights sum to 0 has a ratio of 0.
 *
 * @param direct per-row direct terms, e.g. {@code sum_a pi_e(a|x_i) q_hat(x_i, a)} (zeros for IPW)
 * @param correction per-row weighted terms, e.g. {@code w_i (r_i - q_hat(x_i, a_i))}
 * @param weights per-row normalising weights {@code w_i}, or null
 * @param note what the estimator chose, for the record (e.g. a tuned hyperparameter), or empty
 * @see <a href="https://doi.org/10.1201/9780429246593">Efron and Tibshirani (1993), An Introduction to the
 *     Bootstrap, chapter 13</a>
 */
public record RowTerms(double[] direct, double[] correction, double[] weights, String note) {

    /** Checks the lengths. */
    public RowTerms {
        if (direct.length != correction.length || (weights != null && weights.length != direct.length)) {
            throw new IllegalArgumentException("term arrays differ in length");
        }
        if (direct.length == 0) {
            throw new IllegalArgumentException("no rows");
        }
        note = note == null ? "" : note;
    }

    /** The number of rows. */
    public int size() {
        return direct.length;
    }

    /** The estimate {@code V} on all rows. */
    public double value() {
        int n = direct.length;
        double d = 0;
        double c = 0;
        double w = 0;
        for (int i = 0; i < n; i++) {
            d += direct[i];
            c += correction[i];
            w += weights == null ? 1 : weights[i];
        }
        return combine(d, c, w, n);
    }

    /** The point estimate with its percentile-bootstrap interval (see the class comment). */
    public Estimate bootstrap(BootstrapSettings settings) {
        double[] reps = replicates(settings.reps(), Seeds.of(settings.seed()).child("bootstrap").rng());
        Arrays.sort(reps);
        double alpha = 1 - settings.confidence();
        double low = Intervals.quantile(reps, alpha / 2);
        double high = Intervals.quantile(reps, 1 - alpha / 2);
        String method = String.format(Locale.ROOT, "percentile bootstrap, %d reps", settings.reps())
                + (note.isEmpty() ? "" : "; " + note);
        return new Estimate(value(), low, high, settings.confidence(), method);
    }

    /**
     * {@code reps} bootstrap replicates of {@code V} (unsorted, in draw order): each resamples {@code n}
     * rows with replacement from {@code rng} and recomputes {@code V} on them.
     */
    public double[] replicates(int reps, UniformRandomProvider rng) {
        int n = direct.length;
        IndexSampler sampler = new IndexSampler(rng);
        double[] out = new double[reps];
        for (int r = 0; r < reps; r++) {
            double d = 0;
            double c = 0;
            double w = 0;
            for (int j = 0; j < n; j++) {
                int i = sampler.nextIndex(n);
                d += direct[i];
                c += correction[i];
                w += weights == null ? 1 : weights[i];
            }
            out[r] = combine(d, c, w, n);
        }
        return out;
    }

    private static double combine(double directSum, double correctionSum, double weightSum, int n) {
        return directSum / n + (weightSum == 0 ? 0 : correctionSum / weightSum);
    }
}
