package dev.quiver.eval.holdout;

import java.util.Locale;
import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * The reusable holdout, Thresholdout: answers a query with its training mean while the training and
 * holdout means agree to within a noisy threshold, and with a noisy holdout mean (spending one unit of
 * budget) when they do not.
 *
 * <p>With {@link Noise#LAPLACE} (the default) this is the pseudo-code of Dwork et al. (Science 2015, and
 * Fig. 1 of arXiv:1506.02629) step by step, with {@code Lap(b)} the Laplace distribution of scale {@code
 * b} (density {@code exp(-|x|/b) / 2b}):
 *
 * <pre>
 * Input: training set S_t, holdout set S_h, threshold T, noise rate sigma, budget B
 * 1. sample gamma ~ Lap(2 sigma); T^ = T + gamma                        (in the constructor)
 * 2. for each query phi:
 *    a. if B &lt; 1: output "⊥"                                 (BudgetExhaustedException)
 *    b. else: sample eta ~ Lap(4 sigma)
 *       if |E_Sh[phi] - E_St[phi]| &gt; T^ + eta:
 *          sample xi ~ Lap(sigma), gamma ~ Lap(2 sigma)      (gamma is redrawn after each such answer)
 *          B = B - 1; T^ = T + gamma
 *          output E_Sh[phi] + xi
 *       else output E_St[phi]
 * </pre>
 *
 * <p>Generator draws, in order: {@code gamma} at construction; per query {@code eta}, then, only when
 * over the threshold, {@code xi} and the new {@code gamma}. A Laplace draw takes two uniform draws
 * (an exponential and a sign).
 *
 * <p>{@link Noise#GAUSSIAN} is what the authors' released experiment code (the Science supplement)
 * runs to make the paper's figures: no threshold noise ({@code T^ = T} always), {@code eta ~ N(0,
 * sigma^2)} and {@code xi ~ N(0, sigma^2)}, with {@code T = 4 / sqrt(n)} and {@code sigma = 1 / sqrt(n)}
 * (0.04 and 0.01 at n = 10,000: the paper's "T = 0.04 and tau = 0.01"). The budget works the same way
 * in both modes (the released code has none; give a budget at least the number of queries to match it).
 *
 * <p>Not thread-safe: one sequence of queries.
 *
 * @see <a href="https://doi.org/10.1126/science.aaa9375">Dwork, C., Feldman, V., Hardt, M., Pitassi, T.,
 *     Reingold, O. and Roth, A. (2015). The reusable holdout: Preserving validity in adaptive data
 *     analysis. Science 349(6248), 636-638</a>
 * @see <a href="https://arxiv.org/abs/1506.02629">Dwork et al. (2015). Generalization in adaptive data
 *     analysis and holdout reuse. NIPS (arXiv:1506.02629)</a>
 * @see <a href="https://arxiv.org/abs/1411.2664">Dwork et al. (2015). Preserving statistical validity in
 *     adaptive data analysis. STOC (arXiv:1411.2664)</a>
 */
public final class ReusableHoldout implements Holdout {
    /** The noise distribution of Thresholdout. */
    public enum Noise {
        /**
         * The paper's pseudo-code: {@code gamma ~ Lap(2 sigma)} on the threshold (redrawn after each
         * over-threshold answer), {@code eta ~ Lap(4 sigma)} per query, {@code xi ~ Lap(sigma)} on revealed
         * holdout values.
         */
        LAPLACE,
        /**
         * The authors' experiment code (Science supplement): threshold {@code T} without noise, {@code eta ~
         * N(0, sigma^2)} per query, {@code xi ~ N(0, sigma^2)} on revealed holdout values.
         */
        GAUSSIAN
    }

    private final double threshold;
    private final double sigma;
    private final int budget;
    private final Noise noise;
    private final UniformRandomProvider rng;
    private final ZigguratSampler.NormalizedGaussian gaussian;
    private double noisyThreshold;
    private int remaining;
    private int queries;

    /**
     * Thresholdout exactly as the paper's pseudo-code ({@link Noise#LAPLACE}).
     *
     * @param threshold {@code T}, the tolerated gap between training and holdout means, at least 0
     * @param sigma the noise rate {@code sigma}, at least 0 (0: no noise)
     * @param budget {@code B}, the number of over-threshold answers allowed, at least 1
     * @param rng the generator of all noise (draws {@code gamma} now)
     */
    public ReusableHoldout(double threshold, double sigma, int budget, UniformRandomProvider rng) {
        this(threshold, sigma, budget, Noise.LAPLACE, rng);
    }

    /**
     * Thresholdout with the given noise distribution.
     *
     * @param threshold {@code T}, the tolerated gap between training and holdout means, at least 0
     * @param sigma the noise rate {@code sigma}, at least 0 (0: no noise)
     * @param budget {@code B}, the number of over-threshold answers allowed, at least 1
     * @param noise {@link Noise#LAPLACE} (the pseudo-code) or {@link Noise#GAUSSIAN} (the experiment code)
     * @param rng the generator of all noise (draws {@code gamma} now in {@link Noise#LAPLACE} mode)
     */
    public ReusableHoldout(double threshold, double sigma, int budget, Noise noise, UniformRandomProvider rng) {
        if (!(threshold >= 0) || !Double.isFinite(threshold)) {
            throw new IllegalArgumentException("threshold T must be finite and at least 0, got " + threshold);
        }
        if (!(sigma >= 0) || !Double.isFinite(sigma)) {
            throw new IllegalArgumentException("noise rate sigma must be finite and at least 0, got " + sigma);
        }
        if (budget < 1) {
            throw new IllegalArgumentException("budget B must be at least 1, got " + budget);
        }
        this.threshold = threshold;
        this.sigma = sigma;
        this.budget = budget;
        this.noise = Objects.requireNonNull(noise, "noise");
        this.rng = Objects.requireNonNull(rng, "rng");
        this.gaussian = noise == Noise.GAUSSIAN ? ZigguratSampler.NormalizedGaussian.of(rng) : null;
        this.remaining = budget;
        this.noisyThreshold = threshold + thresholdNoise(); // step 1
    }

    @Override
    public double answer(double trainValue, double holdoutValue) {
        checkFinite(trainValue, holdoutValue);
        if (remaining < 1) { // step 2a
            throw new BudgetExhaustedException(String.format(Locale.ROOT,
                    "Thresholdout's budget of %d over-threshold answers is used up (after %d queries): the holdout"
                            + " cannot answer more queries with its guarantee; use fresh holdout data", budget, queries));
        }
        queries++;
        double eta = draw(4); // step 2b i
        if (Math.abs(holdoutValue - trainValue) > noisyThreshold + eta) { // step 2b ii
            double xi = draw(1);
            remaining--;
            noisyThreshold = threshold + thresholdNoise();
            return holdoutValue + xi;
        }
        return trainValue; // step 2b iii
    }

    /** {@code gamma}: {@code Lap(2 sigma)} in the pseudo-code, none in the experiment code. */
    private double thresholdNoise() {
        return noise == Noise.LAPLACE ? laplace(2 * sigma) : 0;
    }

    /** {@code eta} (factor 4) or {@code xi} (factor 1): {@code Lap(factor sigma)}, or {@code N(0, sigma^2)}. */
    private double draw(int laplaceFactor) {
        return noise == Noise.LAPLACE ? laplace(laplaceFactor * sigma) : sigma * gaussian.sample();
    }

    private double laplace(double scale) {
        double e = -Math.log1p(-rng.nextDouble()); // Exp(1), finite: 1 - u is in (0, 1]
        return rng.nextBoolean() ? scale * e : -scale * e;
    }

    static void checkFinite(double trainValue, double holdoutValue) {
        if (!Double.isFinite(trainValue) || !Double.isFinite(holdoutValue)) {
            throw new IllegalArgumentException("query values must be finite, got training " + trainValue
                    + ", holdout " + holdoutValue);
        }
    }

    @Override
    public int queries() {
        return queries;
    }

    /** The budget {@code B} this holdout started with. */
    public int budget() {
        return budget;
    }

    /** The over-threshold answers still allowed. */
    public int remainingBudget() {
        return remaining;
    }

    /** The number of over-threshold answers given (noisy holdout values revealed). */
    public int overThresholdAnswers() {
        return budget - remaining;
    }

    /** Whether the budget is used up (the next query throws {@link BudgetExhaustedException}). */
    public boolean isExhausted() {
        return remaining < 1;
    }

    /** The threshold {@code T}. */
    public double threshold() {
        return threshold;
    }

    /** The noise rate {@code sigma}. */
    public double sigma() {
        return sigma;
    }

    /** The noise distribution. */
    public Noise noise() {
        return noise;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "ReusableHoldout(T=%s, sigma=%s, %s noise, budget %d of %d left, %d queries)",
                threshold, sigma, noise.name().toLowerCase(Locale.ROOT), remaining, budget, queries);
    }
}
