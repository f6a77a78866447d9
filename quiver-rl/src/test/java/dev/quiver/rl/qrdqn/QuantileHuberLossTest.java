package dev.quiver.rl.qrdqn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.quiver.nn.runtime.NnRuntime;
import org.junit.jupiter.api.Test;

class QuantileHuberLossTest {
    @Test
    void midpointsAreTheCentresOfNEqualSlices() {
        assertArrayEquals(new float[] {0.5f}, QuantileHuberLoss.midpoints(1));
        assertArrayEquals(new float[] {0.25f, 0.75f}, QuantileHuberLoss.midpoints(2));
        assertArrayEquals(new float[] {0.1f, 0.3f, 0.5f, 0.7f, 0.9f}, QuantileHuberLoss.midpoints(5), 1e-7f);
        assertThrows(IllegalArgumentException.class, () -> QuantileHuberLoss.midpoints(0));
    }

    /**
     * Two predicted quantiles θ = (0, 1) at τ̂ = (1/4, 3/4) against target samples T = (0.5, 3), so
     * u_ij = T_j − θ_i = [[0.5, 3], [−0.5, 2]]. With κ = 1 the Huber values are [[0.125, 2.5], [0.125, 1.5]]
     * and the weights |τ̂_i − 1{u < 0}| are [[1/4, 1/4], [1/4, 3/4]], so the products are
     * [[0.03125, 0.625], [0.03125, 1.125]]: summed over i, (0.0625, 1.75); averaged over j, 0.90625. A
     * second batch row with θ = T = (2, 2) has loss 0, so the batch mean is 0.453125.
     *
     * <p>With κ = 2 the Huber values L_2(u) / 2 are [[0.0625, 2], [0.0625, 1]] (L_2(3) = 2 (3 − 1) = 4,
     * L_2(2) = 2²/2 = 2), the products [[0.015625, 0.5], [0.015625, 0.75]], the sums over i (0.03125, 1.25)
     * and the mean over j 0.640625.
     */
    @Test
    void matchesAHandComputedExample() {
        try (NDManager m = NnRuntime.engine().newBaseManager()) {
            NDArray tau = m.create(QuantileHuberLoss.midpoints(2));
            NDArray predicted = m.create(new float[] {0, 1}, new Shape(1, 2));
            NDArray targets = m.create(new float[] {0.5f, 3}, new Shape(1, 2));
            assertEquals(0.90625f, QuantileHuberLoss.loss(predicted, targets, tau, 1f).getFloat(), 1e-6f);
            assertEquals(0.640625f, QuantileHuberLoss.loss(predicted, targets, tau, 2f).getFloat(), 1e-6f);

            NDArray predicted2 = m.create(new float[] {0, 1, 2, 2}, new Shape(2, 2));
            NDArray targets2 = m.create(new float[] {0.5f, 3, 2, 2}, new Shape(2, 2));
            assertEquals(0.453125f, QuantileHuberLoss.loss(predicted2, targets2, tau, 1f).getFloat(), 1e-6f);

            // more target samples than predicted quantiles: M = 3, the mean over j divides by 3
            NDArray targets3 = m.create(new float[] {0.5f, 3, 0.5f}, new Shape(1, 3));
            assertEquals((0.0625f + 1.75f + 0.0625f) / 3, QuantileHuberLoss.loss(predicted, targets3, tau, 1f)
                    .getFloat(), 1e-6f);
        }
    }

    /**
     * The gradient treats the weights as constants: dL/dθ_i = −(1/M) Σ_j |τ̂_i − 1{u_ij < 0}| L'_1(u_ij) with
     * L'_1(u) = u inside [−1, 1] and sign(u) outside; for the example above (0.25 · 0.5 + 0.25 · 1) / 2 =
     * 0.1875 for θ_0 and (0.25 · (−0.5) + 0.75 · 1) / 2 = 0.3125 for θ_1, both negated.
     */
    @Test
    void gradientPullsEachQuantileByItsWeightedErrors() {
        try (NDManager m = NnRuntime.engine().newBaseManager()) {
            NDArray predicted = m.create(new float[] {0, 1}, new Shape(1, 2));
            predicted.setRequiresGradient(true);
            try (GradientCollector gc = NnRuntime.engine().newGradientCollector()) {
                NDArray loss = QuantileHuberLoss.loss(predicted, m.create(new float[] {0.5f, 3}, new Shape(1, 2)),
                        m.create(QuantileHuberLoss.midpoints(2)), 1f);
                gc.backward(loss);
            }
            assertArrayEquals(new float[] {-0.1875f, -0.3125f}, predicted.getGradient().toFloatArray(), 1e-6f);
        }
    }

    @Test
    void shapesAreChecked() {
        try (NDManager m = NnRuntime.engine().newBaseManager()) {
            NDArray tau = m.create(QuantileHuberLoss.midpoints(2));
            assertThrows(IllegalArgumentException.class, () -> QuantileHuberLoss.loss(m.create(new float[] {0, 1}),
                    m.create(new float[] {0, 1}, new Shape(1, 2)), tau, 1f));
            assertThrows(IllegalArgumentException.class, () -> QuantileHuberLoss.loss(
                    m.create(new float[] {0, 1, 2}, new Shape(1, 3)), m.create(new float[] {0, 1}, new Shape(1, 2)),
                    tau, 1f));
            assertThrows(IllegalArgumentException.class, () -> QuantileHuberLoss.loss(
                    m.create(new float[] {0, 1}, new Shape(1, 2)), m.create(new float[] {0, 1}, new Shape(1, 2)), tau,
                    0f));
        }
    }
}
