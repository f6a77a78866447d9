package dev.quiver.rl.actorcritic;

import dev.quiver.core.error.QuiverUserException;
import dev.quiver.nn.checkpoint.CheckpointReader;
import dev.quiver.nn.checkpoint.CheckpointWriter;
import dev.quiver.nn.checkpoint.Tensor;
import dev.quiver.nn.optim.Adam;

/**
 * SAC's entropy temperature α, fixed or tuned automatically towards a target entropy H̄ by gradient
 * descent on {@code J(log α) = −log α · (E[log π(a|s)] + H̄)} (Haarnoja et al. 2018b, eq. 18, in the
 * log-parameterisation of Stable-Baselines3). The gradient with respect to {@code log α} is
 * {@code −(E[log π] + H̄)}: α grows while the policy's entropy {@code −E[log π]} is below the target and
 * shrinks while it is above.
 *
 * <p>{@code log α} is a single scalar, so it is kept as a Java {@code double} and updated with Adam's
 * rule (PyTorch's form, the same as {@link Adam}) written out here instead of a one-element network.
 *
 * @see <a href="https://arxiv.org/abs/1812.05905">Haarnoja, T. et al. (2018). Soft Actor-Critic Algorithms
 *     and Applications. arXiv:1812.05905</a>
 */
public final class EntropyTemperature {
    private final boolean auto;
    private final double targetEntropy;
    private final Adam.Config adam;
    private double logAlpha;
    private double m;
    private double v;
    private long t;

    private EntropyTemperature(boolean auto, double alpha, double targetEntropy, Adam.Config adam) {
        if (!(alpha > 0 && Double.isFinite(alpha))) {
            throw new IllegalArgumentException("alpha must be > 0, got " + alpha);
        }
        this.auto = auto;
        this.logAlpha = Math.log(alpha);
        this.targetEntropy = targetEntropy;
        this.adam = adam;
    }

    /** A constant α. */
    public static EntropyTemperature fixed(double alpha) {
        return new EntropyTemperature(false, alpha, Double.NaN, null);
    }

    /**
     * An α that starts at {@code initialAlpha} and is tuned towards {@code targetEntropy} with Adam.
     *
     * @param adam the optimizer settings for {@code log α}
     */
    public static EntropyTemperature tuned(double initialAlpha, double targetEntropy, Adam.Config adam) {
        if (!Double.isFinite(targetEntropy)) {
            throw new IllegalArgumentException("targetEntropy must be finite, got " + targetEntropy);
        }
        return new EntropyTemperature(true, initialAlpha, targetEntropy, adam);
    }

    /** The current α. */
    public double alpha() {
        return Math.exp(logAlpha);
    }

    /** Whether α is tuned. */
    public boolean isTuned() {
        return auto;
    }

    /** The target entropy (NaN when α is fixed). */
    public double targetEntropy() {
        return targetEntropy;
    }

    /**
     * One Adam step on {@code log α} given the batch mean of {@code log π(a|s)} under the current policy
     * (for discrete actions, the mean of {@code Σ_a π(a|s) log π(a|s)}); does nothing when α is fixed.
     */
    public void update(double meanLogProb) {
        if (!auto) {
            return;
        }
        double g = -(meanLogProb + targetEntropy);
        t++;
        m = adam.beta1() * m + (1 - adam.beta1()) * g;
        v = adam.beta2() * v + (1 - adam.beta2()) * g * g;
        double bc1 = 1 - Math.pow(adam.beta1(), t);
        double bc2 = 1 - Math.pow(adam.beta2(), t);
        logAlpha -= adam.lr() / bc1 * m / (Math.sqrt(v) / Math.sqrt(bc2) + adam.eps());
    }

    /**
     * Adds {@code log α} and its Adam state (moments and step count) to {@code w} as arrays {@code name}
     * ({@code [log α, m, v]}, float64) and {@code name + "_steps"}, for an exact resume with {@link #restore}.
     */
    public void save(String name, CheckpointWriter w) {
        w.array(name, Tensor.ofDoubles(new double[] {logAlpha, m, v}, 3));
        w.array(name + "_steps", Tensor.ofLongs(new long[] {t}, 1));
    }

    /**
     * Restores what {@link #save} wrote under {@code name}.
     *
     * @throws QuiverUserException if the saved state is missing or malformed
     */
    public void restore(String name, CheckpointReader r) {
        double[] d = r.array(name).doubles();
        long[] s = r.array(name + "_steps").longs();
        if (d.length != 3 || s.length != 1) {
            throw new QuiverUserException("checkpoint " + r.dir() + ": entropy temperature '" + name
                    + "' is malformed");
        }
        logAlpha = d[0];
        m = d[1];
        v = d[2];
        t = s[0];
    }
}
