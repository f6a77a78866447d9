package dev.quiver.core.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.core.seed.Seeds;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SpacesTest {

    @Test
    void discreteContainsExactlyItsRange() {
        Discrete d = new Discrete(3, -1);
        assertTrue(d.contains(-1) && d.contains(0) && d.contains(1));
        assertFalse(d.contains(2) || d.contains(-2));
        assertFalse(d.contains((Object) 1.0));
        assertFalse(d.contains((Object) null));
        assertEquals("Discrete(3, start=-1)", d.toString());
        assertEquals("Discrete(4)", new Discrete(4).toString());
        assertTrue(d.describeMismatch(5).contains("expected an int in [-1, 2)"));
        assertNull(d.describeMismatch(0));
        assertThrows(IllegalArgumentException.class, () -> new Discrete(0));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void discreteSamplesAreUniform(long seed) {
        Discrete d = new Discrete(4, 10);
        UniformRandomProvider rng = Seeds.rng(seed);
        int n = 40_000;
        int[] counts = new int[4];
        for (int i = 0; i < n; i++) {
            int a = d.sample(rng);
            assertTrue(d.contains(a));
            counts[a - 10]++;
        }
        // binomial(n, 1/4): sd = sqrt(n * 1/4 * 3/4) ~ 86.6; 5 sd keeps false alarms below 1e-6 per cell
        for (int c : counts) {
            assertEquals(n / 4.0, c, 5 * Math.sqrt(n * 0.25 * 0.75));
        }
    }

    @Test
    void boxBoundsShapeAndDtype() {
        Box<float[]> b = Box.float32(new double[] {-1, 0.1}, new double[] {1, Double.POSITIVE_INFINITY});
        assertEquals(DType.FLOAT32, b.dtype());
        assertEquals((float) 0.1, b.low(1));
        assertTrue(b.contains(new float[] {0.5f, 1e30f}));
        assertFalse(b.contains(new float[] {1.5f, 1f}));
        assertFalse(b.contains(new float[] {0f}));
        assertFalse(b.contains(new double[] {0, 1}));
        assertFalse(b.contains(new float[] {Float.NaN, 1f}));
        assertTrue(b.describeMismatch(new double[] {0, 1}).contains("expected a float[]"));
        assertTrue(b.describeMismatch(new float[] {0f}).contains("length 2"));
        assertFalse(b.isBounded());
        Box<double[]> d = Box.float64(-2, 2, 2, 3);
        assertEquals(6, d.size());
        assertEquals("Box(-2.0, 2.0, (2, 3), float64)", d.toString());
        assertEquals("Box(-1.0, 1.0, (3,), float32)", Box.float32(-1, 1, 3).toString());
        assertThrows(IllegalArgumentException.class, () -> Box.float64(new double[] {1}, new double[] {0}));
    }

    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13})
    void boxSamplesStayInsideAndFollowGymnasiumsRules(long seed) {
        Box<double[]> b = Box.float64(new double[] {-1, 0, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY},
                new double[] {1, Double.POSITIVE_INFINITY, 5, Double.POSITIVE_INFINITY});
        UniformRandomProvider rng = Seeds.rng(seed);
        int n = 20_000;
        double[] sum = new double[4];
        for (int i = 0; i < n; i++) {
            double[] x = b.sample(rng);
            assertTrue(b.contains(x));
            for (int j = 0; j < 4; j++) {
                sum[j] += x[j];
            }
        }
        // uniform[-1,1]: mean 0, sd 1/sqrt(3); exponential+0: mean 1, sd 1; 5-exp: mean 4; normal: mean 0, sd 1
        double se = 5 / Math.sqrt(n);
        assertEquals(0.0, sum[0] / n, se);
        assertEquals(1.0, sum[1] / n, se);
        assertEquals(4.0, sum[2] / n, se);
        assertEquals(0.0, sum[3] / n, se);
        Box<float[]> f = Box.float32(-1, 1, 3);
        for (int i = 0; i < 1000; i++) {
            assertTrue(f.contains(f.sample(rng)));
        }
    }

    @Test
    void multiDiscrete() {
        MultiDiscrete m = new MultiDiscrete(2, 3);
        assertTrue(m.contains(new int[] {1, 2}));
        assertFalse(m.contains(new int[] {2, 0}));
        assertFalse(m.contains(new int[] {0}));
        assertTrue(m.describeMismatch(new int[] {0, 3}).contains("element 1"));
        UniformRandomProvider rng = Seeds.rng(3);
        for (int i = 0; i < 100; i++) {
            assertTrue(m.contains(m.sample(rng)));
        }
        assertEquals("MultiDiscrete([2, 3])", m.toString());
    }
}
