package dev.quiver.uq.calibration;

/**
 * Platt scaling: a logistic curve {@code P(y = 1 | s) = 1 / (1 + exp(−(a s + b)))} in the classifier's score s,
 * fitted by maximum likelihood on calibration units. As Platt proposed, the 0/1 labels are replaced by the
 * targets {@code (N₊ + 1)/(N₊ + 2)} and {@code 1/(N₋ + 2)} (a prior that keeps the fit finite on separable data;
 * off with {@code smoothedTargets = false} for the plain maximum-likelihood fit). The fit is Newton's method with
 * backtracking line search from {@code a = 0, b = log((N₊ + 1)/(N₋ + 1))}, a 1e-12 ridge on the Hessian, until
 * the gradient's largest entry is below 1e-9·n — the algorithm of Lin, Lin and Weng. Platt's score is the
 * classifier's margin; {@link OneVersusRest#platt()} feeds it the logit of the predicted probability.
 *
 * @param smoothedTargets whether to use Platt's smoothed targets (default) or the raw labels
 * @param maxIterations the most Newton iterations
 * @see <a href="https://www.researchgate.net/publication/2594015">Platt (1999), Probabilistic outputs for support
 *     vector machines and comparisons to regularized likelihood methods, Advances in Large Margin Classifiers</a>
 * @see <a href="https://doi.org/10.1007/s10994-007-5018-6">Lin, Lin and Weng (2007), A note on Platt's
 *     probabilistic outputs for support vector machines, Machine Learning 68(3)</a>
 */
public record PlattScaling(boolean smoothedTargets, int maxIterations) implements ScoreCalibrator {
    /** Validates the settings. */
    public PlattScaling {
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be >= 1, got " + maxIterations);
        }
    }

    /** Smoothed targets, at most 100 iterations. */
    public static PlattScaling defaults() {
        return new PlattScaling(true, 100);
    }

    /** A copy with smoothed targets on or off. */
    public PlattScaling withSmoothedTargets(boolean on) {
        return new PlattScaling(on, maxIterations);
    }

    @Override
    public Curve fit(double[] scores, int[] labels) {
        ScoreCalibrator.check(scores, labels);
        int n = scores.length;
        int positives = 0;
        for (int l : labels) {
            positives += l;
        }
        int negatives = n - positives;
        double hi = smoothedTargets ? (positives + 1.0) / (positives + 2.0) : 1;
        double lo = smoothedTargets ? 1.0 / (negatives + 2.0) : 0;
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = labels[i] == 1 ? hi : lo;
        }
        double a = 0;
        double b = Math.log((positives + 1.0) / (negatives + 1.0));
        double f = loss(scores, t, a, b);
        for (int it = 0; it < maxIterations; it++) {
            double ga = 0;
            double gb = 0;
            double haa = 1e-12;
            double hab = 0;
            double hbb = 1e-12;
            for (int i = 0; i < n; i++) {
                double p = sigmoid(a * scores[i] + b);
                double d = p - t[i];
                double v = p * (1 - p);
                ga += d * scores[i];
                gb += d;
                haa += v * scores[i] * scores[i];
                hab += v * scores[i];
                hbb += v;
            }
            if (Math.max(Math.abs(ga), Math.abs(gb)) <= 1e-9 * n) {
                break;
            }
            double det = haa * hbb - hab * hab;
            double da = -(hbb * ga - hab * gb) / det;
            double db = -(-hab * ga + haa * gb) / det;
            double slope = ga * da + gb * db;
            double step = 1;
            double next = Double.NaN;
            while (step >= 1e-10) {
                next = loss(scores, t, a + step * da, b + step * db);
                if (next <= f + 1e-4 * step * slope) {
                    break;
                }
                step /= 2;
            }
            if (step < 1e-10) {
                break;
            }
            a += step * da;
            b += step * db;
            f = next;
        }
        return new Curve(a, b);
    }

    /** The cross-entropy of targets t under slope a and intercept b, {@code Σ log(1 + e^z) − t z}. */
    static double loss(double[] s, double[] t, double a, double b) {
        double f = 0;
        for (int i = 0; i < s.length; i++) {
            double z = a * s[i] + b;
            f += (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z))) - t[i] * z;
        }
        return f;
    }

    static double sigmoid(double z) {
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }

    /**
     * A fitted Platt curve.
     *
     * @param slope a
     * @param intercept b
     */
    public record Curve(double slope, double intercept) implements ScoreCalibration {
        @Override
        public double probability(double score) {
            return sigmoid(slope * score + intercept);
        }
    }
}
