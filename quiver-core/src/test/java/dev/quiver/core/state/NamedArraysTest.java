package dev.quiver.core.state;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.core.error.QuiverUserException;
import java.util.List;
import org.junit.jupiter.api.Test;

class NamedArraysTest {

    @Test
    void arraysAreCopiedInAndOut() {
        double[] x = {1, 2};
        NamedArrays s = new NamedArrays("test").put("x", x).put("done", new boolean[] {true});
        x[0] = 9;
        assertArrayEquals(new double[] {1, 2}, s.doubles("x", 2));
        s.doubles("x", 2)[1] = 9;
        assertArrayEquals(new double[] {1, 2}, s.doubles("x", 2));
        assertEquals(List.of("x", "done"), List.copyOf(s.names()));
        assertTrue(s.has("done") && !s.has("y"));
    }

    @Test
    void everyKindRoundTripsAndEqualityIsByValue() {
        NamedArrays a = new NamedArrays("a").put("f", new float[] {Float.NaN}).put("d", new double[] {-0.0})
                .put("i", new int[] {7}).put("l", new long[] {Long.MIN_VALUE}).put("b", new boolean[] {false})
                .put("y", new byte[] {-1});
        NamedArrays b = new NamedArrays("b").put("y", new byte[] {-1}).put("b", new boolean[] {false})
                .put("l", new long[] {Long.MIN_VALUE}).put("i", new int[] {7}).put("d", new double[] {-0.0})
                .put("f", new float[] {Float.NaN});
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertArrayEquals(new float[] {Float.NaN}, a.floats("f", 1));
        assertArrayEquals(new int[] {7}, a.ints("i", 1));
        assertArrayEquals(new long[] {Long.MIN_VALUE}, a.longs("l", 1));
        assertArrayEquals(new byte[] {-1}, a.bytes("y", 1));
        assertNotEquals(a, new NamedArrays("c").put("d", new double[] {0.0}));
        assertTrue(a.toString().contains("f: float[1]"), a.toString());
    }

    @Test
    void wrongNamesKindsAndLengthsAreClearErrors() {
        NamedArrays s = new NamedArrays("state of X").put("x", new double[] {1, 2});
        QuiverUserException e = assertThrows(QuiverUserException.class, () -> s.doubles("y", 2));
        assertEquals("state of X: no array 'y'; it has [x]", e.getMessage());
        e = assertThrows(QuiverUserException.class, () -> s.floats("x", 2));
        assertEquals("state of X: array 'x' holds double[], expected float[]", e.getMessage());
        e = assertThrows(QuiverUserException.class, () -> s.doubles("x", 3));
        assertEquals("state of X: array 'x' has 2 values, expected 3", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> s.put("x", new int[] {1}));
        assertThrows(IllegalArgumentException.class, () -> s.put("", new int[] {1}));
    }
}
