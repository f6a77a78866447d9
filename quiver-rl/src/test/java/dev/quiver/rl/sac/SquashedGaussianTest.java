package dev.quiver.rl.sac;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.quiver.nn.runtime.NnRuntime;
import org.junit.jupiter.api.Test;

class SquashedGaussianTest {
    /**
     * The log-density against a direct double-precision evaluation of
     * {@code Σ_j [log N(u_j; μ_j, σ_j) − log(1 − tanh²(u_j))]}, including a clipped log σ and a large
     * {@code |u|} where the naive {@code log(1 − tanh²)} would lose all precision.
     */
    @Test
    void logProbMatchesTheChangeOfVariablesFormula() {
        float[] out = {0.3f, -1.2f, 5.0f, 0.1f, -0.5f, 3.0f, // row 0: means, then log-stds (3 clipped to 2)
            -0.7f, 0.0f, 2.0f, -25f, 0.4f, 1.0f}; // row 1: log-std -25 clipped to -20
        float[] eps = {0.5f, -1.0f, 2.0f, 1.5f, 0.0f, -0.3f};
        try (NDManager m = NnRuntime.engine().newBaseManager()) {
            SquashedGaussian.Sample s = SquashedGaussian.sample(m.create(out, new Shape(2, 6)),
                    m.create(eps, new Shape(2, 3)));
            float[] logProb = s.logProb().toFloatArray();
            float[] action = s.action().toFloatArray();
            for (int row = 0; row < 2; row++) {
                double expected = 0;
                for (int j = 0; j < 3; j++) {
                    double mean = out[row * 6 + j];
                    double logStd = Math.max(-20, Math.min(2, out[row * 6 + 3 + j]));
                    double e = eps[row * 3 + j];
                    double u = mean + Math.exp(logStd) * e;
                    double logNormal = -0.5 * e * e - logStd - 0.5 * Math.log(2 * Math.PI);
                    // log(1 - tanh(u)^2) = log(sech(u)^2) = -2 log cosh(u), stable for large |u|
                    double logCosh = Math.abs(u) + Math.log1p(Math.exp(-2 * Math.abs(u))) - Math.log(2);
                    expected += logNormal + 2 * logCosh;
                    assertEquals(Math.tanh(u), action[row * 3 + j], 1e-6);
                }
                assertEquals(expected, logProb[row], 1e-4 * Math.max(1, Math.abs(expected)));
            }
        }
    }

    @Test
    void singleActionsMatchTheBatchForm() {
        float[] out = {0.3f, -1.2f, 0.1f, -0.5f};
        float[] eps = {0.5f, -1.0f};
        float[] a = SquashedGaussian.action(out, eps);
        assertEquals(Math.tanh(0.3 + Math.exp(0.1) * 0.5), a[0], 1e-6);
        assertEquals(Math.tanh(-1.2 + Math.exp(-0.5) * -1.0), a[1], 1e-6);
        float[] greedy = SquashedGaussian.action(out, null);
        assertEquals(Math.tanh(0.3), greedy[0], 1e-6);
    }
}
