package dev.quiver.nn.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.quiver.core.seed.Seeds;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

class MlpTest {
    @Test
    void sameSeedSameParametersDifferentSeedDifferent() {
        Mlp spec = Mlp.of(5, 2, 16, 8).withLayerNorm(true).withActivation(Activation.TANH);
        try (Network a = Network.create(spec, Seeds.of(3));
                Network b = Network.create(spec, Seeds.of(3));
                Network c = Network.create(spec, Seeds.of(4))) {
            List<NDArray> pa = a.parameterList();
            List<NDArray> pb = b.parameterList();
            List<NDArray> pc = c.parameterList();
            boolean anyDiff = false;
            for (int i = 0; i < pa.size(); i++) {
                assertArrayEquals(pa.get(i).toFloatArray(), pb.get(i).toFloatArray());
                anyDiff |= !java.util.Arrays.equals(pa.get(i).toFloatArray(), pc.get(i).toFloatArray());
            }
            assertTrue(anyDiff);
            assertEquals(5 * 16 + 16 + 2 * 16 + 16 * 8 + 8 + 2 * 8 + 8 * 2 + 2, a.parameterCount());
            try (NDManager sub = a.manager().newSubManager()) {
                NDArray y = a.forward(sub.ones(new Shape(4, 5)));
                assertEquals(new Shape(4, 2), y.getShape());
            }
        }
    }

    @Test
    void orthogonalInitIsOrthonormal() {
        UniformRandomProvider rng = Seeds.of(1).rng();
        for (long[] shape : new long[][] {{6, 4}, {4, 6}}) {
            float[] w = WeightInit.ORTHOGONAL.weights(shape, 1.0, rng);
            int r = (int) shape[0];
            int c = (int) shape[1];
            int m = Math.min(r, c);
            // the smaller Gram matrix is the identity
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < m; j++) {
                    double dot = 0;
                    for (int k = 0; k < Math.max(r, c); k++) {
                        dot += r >= c ? w[k * c + i] * w[k * c + j] : w[i * c + k] * w[j * c + k];
                    }
                    assertEquals(i == j ? 1.0 : 0.0, dot, 1e-5);
                }
            }
        }
    }

    @Test
    void heUniformWithinBound() {
        float[] w = WeightInit.HE_UNIFORM.weights(new long[] {32, 50}, 1.0, Seeds.of(2).rng());
        double bound = Math.sqrt(6.0 / 50);
        double max = 0;
        for (float v : w) {
            max = Math.max(max, Math.abs(v));
        }
        assertTrue(max <= bound && max > 0.9 * bound);
        assertFalse(WeightInit.TORCH_DEFAULT.biases(3, 50, 1, Seeds.of(2).rng())[0] == 0f);
    }
}
