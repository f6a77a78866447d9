package dev.quiver.nn.target;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.quiver.core.seed.Seeds;
import dev.quiver.nn.net.Ensemble;
import dev.quiver.nn.net.Mlp;
import dev.quiver.nn.net.Network;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TargetNetworksTest {
    private static void fill(Network n, float v) {
        for (NDArray a : n.parameterList()) {
            float[] x = new float[(int) a.size()];
            Arrays.fill(x, v);
            a.set(FloatBuffer.wrap(x));
        }
    }

    @Test
    void polyakOnKnownValues() {
        Mlp spec = Mlp.of(3, 1, 4);
        try (Network online = Network.create(spec, Seeds.of(1)); Network target = Network.create(spec, Seeds.of(2))) {
            fill(online, 3f);
            fill(target, 1f);
            TargetNetworks.polyakUpdate(target, online, 0.1);
            for (NDArray a : target.parameterList()) {
                for (float v : a.toFloatArray()) {
                    assertEquals(0.1 * 3 + 0.9 * 1, v, 1e-6);
                }
            }
            TargetNetworks.polyakUpdate(target, online, 0.5); // 0.5*3 + 0.5*1.2
            assertEquals(2.1, target.parameterList().get(0).toFloatArray()[0], 1e-6);
            TargetNetworks.polyakUpdate(target, online, 1.0);
            assertEquals(3.0, target.parameterList().get(0).toFloatArray()[0], 0);
        }
    }

    @Test
    void hardCopyAndEnsembleIndependence() {
        Mlp spec = Mlp.of(3, 1, 4);
        try (Ensemble twin = Ensemble.create(spec, 2, Seeds.of(9)); Ensemble targets = twin.copy()) {
            List<NDArray> p0 = twin.members().get(0).parameterList();
            List<NDArray> p1 = twin.members().get(1).parameterList();
            assertEquals(false, Arrays.equals(p0.get(0).toFloatArray(), p1.get(0).toFloatArray()));
            assertArrayEquals(p1.get(0).toFloatArray(), targets.members().get(1).parameterList().get(0).toFloatArray());
            fill(twin.members().get(0), 5f);
            TargetNetworks.hardUpdate(targets, twin);
            assertEquals(5f, targets.members().get(0).parameterList().get(2).toFloatArray()[0]);
            try (NDManager sub = twin.members().get(0).manager().newSubManager()) {
                NDArray x = sub.ones(new Shape(7, 3));
                assertEquals(new Shape(2, 7, 1), twin.forwardAll(x).getShape());
                NDArray min = twin.min(x);
                float[] a = twin.members().get(0).forward(x).toFloatArray();
                float[] b = twin.members().get(1).forward(x).toFloatArray();
                assertEquals(Math.min(a[0], b[0]), min.toFloatArray()[0]);
            }
        }
    }
}
