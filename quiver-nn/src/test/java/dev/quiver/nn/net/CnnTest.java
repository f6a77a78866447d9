package dev.quiver.nn.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.quiver.core.seed.Seeds;
import org.junit.jupiter.api.Test;

class CnnTest {
    @Test
    void minAtarShapedNetworkIsSeededAndHasTheRightShapes() {
        Cnn spec = Cnn.of(4, 10, 10, 6).withConv(16, 3, 1).withDense(128);
        try (Network a = Network.create(spec, Seeds.of(5)); Network b = Network.create(spec, Seeds.of(5))) {
            // conv 16*4*3*3 + 16, dense 16*8*8*128 + 128, out 128*6 + 6
            assertEquals(16 * 4 * 9 + 16 + 16 * 64 * 128 + 128 + 128 * 6 + 6, a.parameterCount());
            for (int i = 0; i < a.parameterList().size(); i++) {
                assertArrayEquals(a.parameterList().get(i).toFloatArray(), b.parameterList().get(i).toFloatArray());
            }
            try (NDManager sub = a.manager().newSubManager()) {
                assertEquals(new Shape(3, 6), a.forward(sub.ones(new Shape(3, 4, 10, 10))).getShape());
            }
        }
        assertThrows(IllegalArgumentException.class, () -> Cnn.of(1, 5, 5, 2).withConv(8, 3, 1).withConv(8, 4, 1));
    }
}
