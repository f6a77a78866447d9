package dev.quiver.rl.actorcritic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.core.space.Box;
import dev.quiver.core.seed.Seeds;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

class ActionScalingTest {
    private final Box<float[]> box = Box.float32(new double[] {-2, 0}, new double[] {2, 10});
    private final ActionScaling s = ActionScaling.of(box);

    @Test
    void mapsEndsAndMiddle() {
        assertArrayEquals(new float[] {-2f, 0f}, s.toEnv(new float[] {-1f, -1f}));
        assertArrayEquals(new float[] {2f, 10f}, s.toEnv(new float[] {1f, 1f}));
        assertArrayEquals(new float[] {0f, 5f}, s.toEnv(new float[] {0f, 0f}));
        float[] unit = new float[2];
        s.toUnit(new float[] {1f, 7.5f}, unit);
        assertArrayEquals(new float[] {0.5f, 0.5f}, unit);
    }

    @Test
    void clipsOutOfRangeValuesAndStaysInsideTheBox() {
        assertArrayEquals(new float[] {2f, 0f}, s.toEnv(new float[] {3f, -7f}));
        UniformRandomProvider rng = Seeds.of(3).rng();
        float[] unit = new float[2];
        for (int i = 0; i < 1_000; i++) {
            float[] u = {(float) rng.nextDouble(-1.5, 1.5), (float) rng.nextDouble(-1.5, 1.5)};
            float[] a = s.toEnv(u);
            assertTrue(box.contains(a), java.util.Arrays.toString(a));
            s.toUnit(a, unit);
            for (int j = 0; j < 2; j++) {
                assertEquals(Math.max(-1, Math.min(1, u[j])), unit[j], 1e-6);
            }
        }
    }

    @Test
    void rejectsUnboundedOrEmptyBounds() {
        assertThrows(IllegalArgumentException.class,
                () -> new ActionScaling(new double[] {0}, new double[] {Double.POSITIVE_INFINITY}));
        assertThrows(IllegalArgumentException.class, () -> new ActionScaling(new double[] {1}, new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> new ActionScaling(new double[0], new double[0]));
        assertEquals(s, new ActionScaling(new double[] {-2, 0}, new double[] {2, 10}));
    }
}
