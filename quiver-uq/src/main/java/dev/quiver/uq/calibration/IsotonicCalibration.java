package dev.quiver.uq.calibration;

import java.util.Arrays;

/**
 * Isotonic calibration: the non-decreasing map from score to probability that best fits the 0/1 labels in
 * least squares (pool-adjacent-violators on the units sorted by score, units with equal scores pooled first).
 * Between calibration scores the map interpolates linearly, and outside their range it is constant at the end
 * values — scikit-learn's {@code IsotonicRegression(out_of_bounds="clip")}, as used by
 * {@code CalibratedClassifierCV(method="isotonic")}. The map is flat on pooled blocks, so distinct raw scores can
 * get equal probabilities: ranking ties that can move the ROC AUC a little either way.
 *
 * @see <a href="https://doi.org/10.1145/775047.775151">Zadrozny and Elkan (2002), Transforming classifier scores
 *     into accurate multiclass probability estimates, KDD</a>
 */
public record IsotonicCalibration() implements ScoreCalibrator {
    @Override
    public Curve fit(double[] scores, int[] labels) {
        ScoreCalibrator.check(scores, labels);
        int n = scores.length;
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> Double.compare(scores[a], scores[b]));
        double[] x = new double[n];
        double[] y = new double[n];
        double[] w = new double[n];
        int u = -1;
        for (int r = 0; r < n; r++) {
            int i = idx[r];
            if (u < 0 || scores[i] != x[u]) {
                u++;
                x[u] = scores[i];
            }
            y[u] += labels[i];
            w[u]++;
        }
        int unique = u + 1;
        x = Arrays.copyOf(x, unique);
        w = Arrays.copyOf(w, unique);
        y = Arrays.copyOf(y, unique);
        for (int k = 0; k < unique; k++) {
            y[k] /= w[k];
        }
        return new Curve(x, PoolAdjacentViolators.fit(y, w));
    }

    /**
     * A fitted isotonic map: knots at the distinct calibration scores with their fitted probabilities.
     *
     * @param scores the knots, strictly ascending
     * @param values the fitted probabilities at the knots, non-decreasing
     */
    public record Curve(double[] scores, double[] values) implements ScoreCalibration {
        /** Copies the arrays. */
        public Curve {
            scores = scores.clone();
            values = values.clone();
            if (scores.length == 0 || scores.length != values.length) {
                throw new IllegalArgumentException("need equally many (>= 1) knots and values");
            }
        }

        @Override
        public double probability(double score) {
            int n = scores.length;
            if (score <= scores[0]) {
                return values[0];
            }
            if (score >= scores[n - 1]) {
                return values[n - 1];
            }
            int hi = Arrays.binarySearch(scores, score);
            if (hi >= 0) {
                return values[hi];
            }
            hi = -hi - 1;
            int lo = hi - 1;
            double t = (score - scores[lo]) / (scores[hi] - scores[lo]);
            return values[lo] + t * (values[hi] - values[lo]);
        }

        @Override
        public double[] scores() {
            return scores.clone();
        }

        @Override
        public double[] values() {
            return values.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Curve c && Arrays.equals(scores, c.scores) && Arrays.equals(values, c.values);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(scores) + Arrays.hashCode(values);
        }

        @Override
        public String toString() {
            return "IsotonicCalibration.Curve[" + scores.length + " knots]";
        }
    }
}
