package dev.quiver.bandits.sparse;

/**
 * The last step of the searches: query every candidate arm {@code n} times and keep the best empirical mean
 * (first on ties). {@code n = 1} without noise; with noise sd {@code sigma},
 * {@code n = ceil(2 sigma^2 ln(2 C / delta) / accuracy^2)} for {@code C} candidates, so every empirical mean
 * is within {@code accuracy} of its arm's expected reward with probability {@code 1 - delta} (Hoeffding for
 * Gaussian noise and a union bound).
 */
public final class FinalComparison {
    private FinalComparison() {
    }

    /** The best of {@code candidates} by empirical mean; see the class comment for the queries spent. */
    public static int best(MisspecifiedArms arms, int[] candidates, double accuracy, double delta) {
        if (candidates.length == 0) {
            throw new IllegalArgumentException("no candidates to compare");
        }
        double sigma = arms.noiseSd();
        long n = sigma == 0 ? 1
                : Math.max(1, (long) Math.ceil(2 * sigma * sigma * Math.log(2.0 * candidates.length / delta)
                        / (accuracy * accuracy)));
        int best = candidates[0];
        double bestMean = Double.NEGATIVE_INFINITY;
        for (int k : candidates) {
            double s = 0;
            for (long q = 0; q < n; q++) {
                s += arms.query(k);
            }
            double mean = s / n;
            if (mean > bestMean) {
                bestMean = mean;
                best = k;
            }
        }
        return best;
    }
}
