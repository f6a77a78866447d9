package dev.quiver.uq.aggregation;

import dev.quiver.core.seed.Seeds;
import dev.quiver.uq.data.Matrix;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * A synthetic aggregation problem where base model 0 is exact: {@code x ~ U(0, 1)},
 * {@code y = 2x + (0.5 + x) ε}, ε standard normal, so {@code q_τ(x) = 2x + (0.5 + x) z_τ}. Model 1 is the exact
 * quantile shifted up by {@code 0.6 (0.5 + x)}, model 2 is {@code 2x − 0.5 + 1.5 z_τ} (shifted, too wide, not
 * heteroscedastic), model 3
 * is the exact quantile plus independent N(0, 0.5²) noise (it crosses often).
 */
final class ExactModelCase {
    /** The default levels 0.05, 0.1, 0.2, ..., 0.9, 0.95. */
    static final double[] LEVELS = AggregationStudy.defaultLevels();
    /** Standard normal quantiles at {@link #LEVELS}. */
    private static final double[] Z = {-1.6448536269514722, -1.2815515655446004, -0.8416212335729143,
        -0.5244005127080407, -0.2533471031357997, 0.0, 0.2533471031357997, 0.5244005127080407, 0.8416212335729143,
        1.2815515655446004, 1.6448536269514722};

    private ExactModelCase() {
    }

    record Data(Matrix x, double[] y, QuantileStack base) {
    }

    static Data generate(int n, long seed) {
        UniformRandomProvider rng = Seeds.of(seed).child("exact-model").rng();
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
        double[][] x = new double[n][1];
        double[] y = new double[n];
        double[][][] b = new double[n][4][LEVELS.length];
        for (int i = 0; i < n; i++) {
            double xi = rng.nextDouble();
            x[i][0] = xi;
            double s = 0.5 + xi;
            y[i] = 2 * xi + s * g.sample();
            for (int k = 0; k < LEVELS.length; k++) {
                double exact = 2 * xi + s * Z[k];
                b[i][0][k] = exact;
                b[i][1][k] = exact + 0.6 * s;
                b[i][2][k] = 2 * xi - 0.5 + 1.5 * Z[k];
                b[i][3][k] = exact + 0.5 * g.sample();
            }
        }
        return new Data(Matrix.of(x), y, QuantileStack.of(b));
    }
}
