package dev.quiver.rl.sac;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.quiver.nn.runtime.NnRuntime;
import org.junit.jupiter.api.Test;

class StateDependentNoiseTest {
    /** Two observations, |A| = 2, |z| = 3: actor outputs [μ | z], row-major. */
    private static final float[] OUT = {0.3f, -1.2f, 0.5f, 0.0f, 2.0f, // row 0: μ = (0.3, −1.2), z = (0.5, 0, 2)
        1.9f, 0.4f, 1.5f, 0.7f, 0.2f}; // row 1
    private static final float[] LOG_STD = {-1f, -0.5f, 0f, -2f, 0.3f, -3.67f}; // (|z|, |A|) row-major
    private static final float[] EPS = {0.5f, -1.0f, 2.0f, 1.5f, -0.3f, 0.8f};

    /**
     * The log-density against a direct double-precision evaluation of SB3's formula: with
     * {@code θ = σ ⊙ ε}, {@code u = μ + zᵀθ}, {@code v_j = Σ_i z_i² σ_ij² + 1e-6},
     * {@code log π = Σ_j [log N(u_j; μ_j, v_j) − log(1 − tanh²(u_j) + 1e-6)]}.
     */
    @Test
    void logProbMatchesSb3sFormula() {
        try (NDManager m = NnRuntime.engine().newBaseManager()) {
            SquashedGaussian.Sample s = StateDependentNoise.sample(m.create(OUT, new Shape(2, 5)), 2,
                    m.create(LOG_STD, new Shape(3, 2)), m.create(EPS, new Shape(3, 2)));
            float[] logProb = s.logProb().toFloatArray();
            float[] action = s.action().toFloatArray();
            for (int row = 0; row < 2; row++) {
                double expected = 0;
                for (int j = 0; j < 2; j++) {
                    double mean = OUT[row * 5 + j];
                    double noise = 0;
                    double variance = 1e-6;
                    for (int i = 0; i < 3; i++) {
                        double z = OUT[row * 5 + 2 + i];
                        double std = Math.exp(LOG_STD[i * 2 + j]);
                        noise += z * std * EPS[i * 2 + j];
                        variance += z * z * std * std;
                    }
                    double u = mean + noise;
                    double logNormal = -noise * noise / (2 * variance) - 0.5 * Math.log(variance)
                            - 0.5 * Math.log(2 * Math.PI);
                    double t = Math.tanh(u);
                    expected += logNormal - Math.log(1 - t * t + 1e-6);
                    assertEquals(t, action[row * 2 + j], 1e-6);
                }
                assertEquals(expected, logProb[row], 1e-4 * Math.max(1, Math.abs(expected)));
            }
        }
    }

    /** Acting with a drawn matrix gives the batch form's action; without one, tanh of the mean. */
    @Test
    void singleActionsMatchTheBatchForm() {
        float[] matrix = StateDependentNoise.matrix(LOG_STD, EPS);
        try (NDManager m = NnRuntime.engine().newBaseManager()) {
            float[] batch = StateDependentNoise.sample(m.create(OUT, new Shape(2, 5)), 2,
                    m.create(LOG_STD, new Shape(3, 2)), m.create(EPS, new Shape(3, 2))).action().toFloatArray();
            for (int row = 0; row < 2; row++) {
                float[] out = java.util.Arrays.copyOfRange(OUT, row * 5, row * 5 + 5);
                float[] a = StateDependentNoise.action(out, 2, matrix);
                assertArrayEquals(new float[] {batch[row * 2], batch[row * 2 + 1]}, a, 1e-6f);
                float[] greedy = StateDependentNoise.action(out, 2, null);
                assertEquals(Math.tanh(OUT[row * 5]), greedy[0], 1e-6);
                assertEquals(Math.tanh(OUT[row * 5 + 1]), greedy[1], 1e-6);
            }
        }
    }

    /** The same state gives the same action until the matrix is redrawn: the noise is a function of the state. */
    @Test
    void theNoiseIsAFunctionOfTheState() {
        float[] matrix = StateDependentNoise.matrix(LOG_STD, EPS);
        float[] out = java.util.Arrays.copyOf(OUT, 5);
        assertArrayEquals(StateDependentNoise.action(out, 2, matrix), StateDependentNoise.action(out, 2, matrix));
        float[] zeroFeatures = {0.3f, -1.2f, 0f, 0f, 0f};
        assertArrayEquals(StateDependentNoise.action(zeroFeatures, 2, null),
                StateDependentNoise.action(zeroFeatures, 2, matrix), "no features, no noise");
    }
}
