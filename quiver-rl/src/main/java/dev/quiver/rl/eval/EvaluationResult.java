package dev.quiver.rl.eval;

import dev.quiver.core.estimate.Estimate;
import java.util.Objects;

/**
 * The outcome of {@link Evaluation#run}: the undiscounted return and length of each episode, in
 * order, and the mean return with its percentile-bootstrap interval.
 *
 * @param returns the return of episode {@code i} (sum of rewards)
 * @param lengths the number of steps of episode {@code i}
 * @param meanReturn the mean return with a bootstrap interval
 */
public record EvaluationResult(double[] returns, int[] lengths, Estimate meanReturn) {

    /** Validates the shapes. */
    public EvaluationResult {
        Objects.requireNonNull(returns, "returns");
        Objects.requireNonNull(lengths, "lengths");
        Objects.requireNonNull(meanReturn, "meanReturn");
        if (returns.length != lengths.length) {
            throw new IllegalArgumentException("returns and lengths differ in length: " + returns.length + " vs " + lengths.length);
        }
    }

    /** The number of episodes. */
    public int episodes() {
        return returns.length;
    }

    /** The mean episode length. */
    public double meanLength() {
        double s = 0;
        for (int l : lengths) {
            s += l;
        }
        return lengths.length == 0 ? Double.NaN : s / lengths.length;
    }
}
