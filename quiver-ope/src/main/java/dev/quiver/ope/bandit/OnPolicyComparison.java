package dev.quiver.ope.bandit;

import dev.quiver.core.estimate.Estimate;
import dev.quiver.core.seed.Seeds;
import dev.quiver.ope.bandit.data.LoggedBanditData;
import java.util.Arrays;
import java.util.Locale;

/**
 * Compares an off-policy estimate with the evaluation policy's on-policy value, observed in logs that the
 * evaluation policy itself collected (Open Bandit Pipeline's evaluation protocol on the Open Bandit
 * Dataset, where each of the random and BTS policies has its own logs): the on-policy value is that
 * log's mean reward, with a percentile-bootstrap interval, and the signed relative error {@code (V_hat -
 * V_on) / V_on} gets an interval from independent resamples of the two logs (resample {@code b} of each,
 * paired by index). The two logs' resamples come from different streams of the same seed ({@code
 * "bootstrap"}, {@code "on-policy"}).
 *
 * @see <a href="https://arxiv.org/abs/2008.07146">Saito, Aihara, Matsutani and Narita (2021), Open Bandit
 *     Dataset and Pipeline, arXiv:2008.07146 (section 5, relative estimation error)</a>
 */
public final class OnPolicyComparison {
    private OnPolicyComparison() {
    }

    /** The per-row terms of the on-policy mean reward of {@code logs}. */
    static RowTerms onPolicyTerms(LoggedBanditData logs) {
        return new RowTerms(logs.rewards(), new double[logs.size()], null, "");
    }

    /** The mean reward of {@code logs} with its percentile-bootstrap interval. */
    public static Estimate onPolicyValue(LoggedBanditData logs, BootstrapSettings settings) {
        double[] reps = onPolicyTerms(logs).replicates(settings.reps(), onPolicyStream(settings));
        return interval(logs.meanReward(), reps, settings, "on-policy mean reward, percentile bootstrap");
    }

    /**
     * The signed relative error {@code (V_hat - V_on) / V_on} of an estimate against the on-policy value of
     * {@code onPolicyLogs}, with an interval from independent resamples of both logs.
     *
     * @throws IllegalArgumentException if the on-policy value is 0 (the relative error is undefined)
     */
    public static Estimate relativeError(RowTerms offPolicy, LoggedBanditData onPolicyLogs, BootstrapSettings settings) {
        double on = onPolicyLogs.meanReward();
        if (on == 0) {
            throw new IllegalArgumentException(onPolicyLogs.source() + ": the on-policy value is 0; the relative error"
                    + " is undefined");
        }
        double[] est = offPolicy.replicates(settings.reps(), Seeds.of(settings.seed()).child("bootstrap").rng());
        double[] onReps = onPolicyTerms(onPolicyLogs).replicates(settings.reps(), onPolicyStream(settings));
        double[] rel = new double[est.length];
        for (int b = 0; b < rel.length; b++) {
            rel[b] = onReps[b] == 0 ? (est[b] == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, est[b]))
                    : (est[b] - onReps[b]) / onReps[b];
        }
        return interval((offPolicy.value() - on) / on, rel, settings, "relative error, percentile bootstrap of both logs");
    }

    private static org.apache.commons.rng.UniformRandomProvider onPolicyStream(BootstrapSettings settings) {
        return Seeds.of(settings.seed()).child("on-policy").rng();
    }

    /**
     * The {@code p}-quantile of sorted replicates, interpolating linearly (Hyndman-Fan type 7) and keeping
     * infinite order statistics (a resample of the on-policy logs without any reward makes the relative
     * error infinite: the interval is then unbounded on that side).
     */
    static double quantile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        double a = sorted[lo];
        double b = sorted[hi];
        if (h == lo || a == b || a == Double.NEGATIVE_INFINITY) {
            return a;
        }
        if (b == Double.POSITIVE_INFINITY) {
            return b;
        }
        return Math.min(Math.max(a + (h - lo) * (b - a), a), b);
    }

    private static Estimate interval(double point, double[] reps, BootstrapSettings settings, String what) {
        Arrays.sort(reps);
        double alpha = 1 - settings.confidence();
        double low = quantile(reps, alpha / 2);
        double high = quantile(reps, 1 - alpha / 2);
        return new Estimate(point, low, high, settings.confidence(), String.format(Locale.ROOT, "%s, %d reps", what,
                settings.reps()));
    }
}
