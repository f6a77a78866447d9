package dev.quiver.rl.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SumTreeTest {

    @Test
    void sumsAndPrefixSearchOnPowerOfTwo() {
        SumTree t = new SumTree(4);
        double[] v = {1, 2, 3, 4};
        for (int i = 0; i < 4; i++) {
            t.set(i, v[i]);
        }
        assertEquals(10.0, t.total());
        assertEquals(0, t.find(0));
        assertEquals(0, t.find(0.999));
        assertEquals(1, t.find(1));
        assertEquals(1, t.find(2.999));
        assertEquals(2, t.find(3));
        assertEquals(2, t.find(5.999));
        assertEquals(3, t.find(6));
        assertEquals(3, t.find(9.999));
        assertEquals(3, t.find(10)); // at the total: last positive value
        t.set(2, 0.5);
        assertEquals(7.5, t.total());
        assertEquals(2, t.find(3.4));
        assertEquals(3, t.find(3.5));
        assertEquals(0.5, t.get(2));
    }

    @Test
    void zerosAreNeverFoundAndSizeNeedNotBeAPowerOfTwo() {
        SumTree t = new SumTree(5);
        t.set(1, 2);
        t.set(3, 3);
        assertEquals(5.0, t.total());
        assertEquals(1, t.find(0));
        assertEquals(1, t.find(1.999));
        assertEquals(3, t.find(2));
        assertEquals(3, t.find(4.999));
        assertEquals(3, t.find(5));
        assertEquals(3, t.find(1e9));
        t.set(4, 1);
        assertEquals(4, t.find(5.5));
        assertEquals(4, t.find(7));
    }

    @Test
    void rejectsBadValuesAndEmptySearch() {
        SumTree t = new SumTree(3);
        assertThrows(IllegalStateException.class, () -> t.find(0));
        assertThrows(IllegalArgumentException.class, () -> t.set(0, -1));
        assertThrows(IllegalArgumentException.class, () -> t.set(0, Double.NaN));
        assertThrows(IndexOutOfBoundsException.class, () -> t.set(3, 1));
    }

    @Test
    void minTreeTracksTheMinimum() {
        MinTree m = new MinTree(5);
        assertEquals(Double.POSITIVE_INFINITY, m.min());
        m.set(4, 3);
        m.set(0, 5);
        assertEquals(3.0, m.min());
        m.set(2, 0.5);
        assertEquals(0.5, m.min());
        m.set(2, 7);
        assertEquals(3.0, m.min());
        assertEquals(7.0, m.get(2));
    }
}
