package dev.quiver.envs.toytext;

/**
 * Sampling from a finite distribution the way Gymnasium's toy-text {@code categorical_sample} does:
 * draw {@code u ~ U[0, 1)} and take the first outcome whose cumulative probability exceeds {@code u}.
 */
final class Categorical {

    private Categorical() {
    }

    /** The running sums of {@code probabilities}, added left to right as {@code np.cumsum} does. */
    static double[] cumulative(double[] probabilities) {
        double[] c = new double[probabilities.length];
        double sum = 0.0;
        for (int i = 0; i < probabilities.length; i++) {
            sum += probabilities[i];
            c[i] = sum;
        }
        return c;
    }

    /**
     * The first index whose cumulative probability exceeds {@code u}. When rounding leaves the total
     * below {@code u} (Gymnasium's {@code argmax} would then return 0), the last outcome with positive
     * probability is returned instead.
     */
    static int sample(double[] cumulative, double u) {
        for (int i = 0; i < cumulative.length; i++) {
            if (cumulative[i] > u) {
                return i;
            }
        }
        for (int i = cumulative.length - 1; i > 0; i--) {
            if (cumulative[i] > cumulative[i - 1]) {
                return i;
            }
        }
        return 0;
    }
}
