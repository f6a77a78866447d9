package dev.quiver.uq.selection;

import dev.quiver.uq.data.Matrix;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * The eight simulation settings of Jin and Candès (2023, Section 5, as in their reproduction code
 * {@code selcf_paper/utils/utils.py}): {@code X ~ U[−1, 1]^20}, {@code Y = μ(X) + s(X)·σ·ε}, ε standard normal,
 * selection threshold c = 0. Mean functions: settings 1 and 5 are step-like interactions of x1, x2 and x4
 * (setting 1 scaled by 4), settings 2–4 {@code 5(x1 x2 + e^{x4 − 1})}, settings 6–8
 * {@code 2(x1 x2 + x3² + e^{x4 − 1} − 1)}. Noise: homoscedastic (settings 1, 5: s = 1; 2, 6: s = 1.5), or
 * heteroscedastic {@code s = (5.5 − |μ|)/2} (3, 7) or {@code s = 0.25 μ² 1{|μ| < 2} + 0.5 |μ| 1{|μ| ≥ 1}}
 * (4, 8; both terms apply for {@code 1 ≤ |μ| < 2}, as in the code). Features are 0-based here: {@code x1} is
 * column 0.
 *
 * @param setting 1 to 8
 * @param sigma the noise level σ (the paper varies it from 0.1 to 1)
 * @see <a href="https://arxiv.org/abs/2210.01408">Jin and Candès (2023), Selection by Prediction with Conformal
 *     p-values, JMLR 24, arXiv:2210.01408</a>
 */
public record SelectionSimulation(int setting, double sigma) {
    /** The number of features. */
    public static final int DIMENSION = 20;

    /** Validates the settings. */
    public SelectionSimulation {
        if (setting < 1 || setting > 8) {
            throw new IllegalArgumentException("setting must be 1..8, got " + setting);
        }
        if (!(sigma >= 0) || !Double.isFinite(sigma)) {
            throw new IllegalArgumentException("sigma must be finite and >= 0, got " + sigma);
        }
    }

    /** A sample: features, outcomes and the conditional means μ(X). */
    public record Sample(Matrix x, double[] y, double[] mean) {
    }

    /** Draws n units: 20 uniforms per unit, then one standard normal. */
    public Sample sample(int n, UniformRandomProvider rng) {
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
        double[] x = new double[n * DIMENSION];
        double[] y = new double[n];
        double[] mu = new double[n];
        for (int i = 0; i < n; i++) {
            int o = i * DIMENSION;
            for (int d = 0; d < DIMENSION; d++) {
                x[o + d] = 2 * rng.nextDouble() - 1;
            }
            mu[i] = mean(x[o], x[o + 1], x[o + 2], x[o + 3]);
            y[i] = mu[i] + noiseScale(mu[i]) * sigma * g.sample();
        }
        return new Sample(Matrix.wrap(n, DIMENSION, x), y, mu);
    }

    /** μ(x) from the first four features. */
    double mean(double x1, double x2, double x3, double x4) {
        boolean samesign = x1 * x2 > 0;
        return switch (setting) {
            case 1 -> 4 * (samesign ? (x4 > 0.5 ? x4 : 0.5) : (x4 < -0.5 ? x4 : -0.5));
            case 5 -> samesign ? (x4 > 0.5 ? 0.25 + x4 : 0) : (x4 < -0.5 ? x4 - 0.25 : 0);
            case 2, 3, 4 -> 5 * (x1 * x2 + Math.exp(x4 - 1));
            default -> 2 * (x1 * x2 + x3 * x3 + Math.exp(x4 - 1) - 1);
        };
    }

    /** s(μ), the noise scale before σ. */
    double noiseScale(double mu) {
        double a = Math.abs(mu);
        return switch (setting) {
            case 1, 5 -> 1;
            case 2, 6 -> 1.5;
            case 3, 7 -> (5.5 - a) / 2;
            default -> (a < 2 ? 0.25 * mu * mu : 0) + (a >= 1 ? 0.5 * a : 0);
        };
    }
}
