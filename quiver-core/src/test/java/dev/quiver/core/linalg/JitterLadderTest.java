package dev.quiver.core.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.quiver.core.linalg.JitterLadder.Scale;
import org.junit.jupiter.api.Test;

class JitterLadderTest {

    @Test
    void scalesAreReadOffTheDiagonal() {
        double[] a = {2, 0, 0, -6};
        assertEquals(1.0, JitterLadder.normalEquations().scaleOf(a, 2), "trace -4 <= 0 falls back to 1");
        assertEquals(6.0, JitterLadder.roundingRepair().scaleOf(a, 2), "max |diag|");
        double[] b = {2, 0, 0, 6};
        assertEquals(4.0, JitterLadder.normalEquations().scaleOf(b, 2), "trace / n");
        assertEquals(1e-300, JitterLadder.roundingRepair().scaleOf(new double[] {0}, 1), "floored");
    }

    @Test
    void presetsAreTheDocumentedLadders() {
        // 1e-12, 1e-10, ..., 1e-4 and 1e-12, 1e-11, ..., 1e6
        JitterLadder ne = JitterLadder.normalEquations();
        assertEquals(1e-4, ne.first() * Math.pow(ne.factor(), ne.steps() - 1), 1e-18);
        JitterLadder rr = JitterLadder.roundingRepair();
        assertEquals(1e6, rr.first() * Math.pow(rr.factor(), rr.steps() - 1), 1e-6);
        assertEquals(0, JitterLadder.none().steps());
    }

    @Test
    void invalidLaddersAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new JitterLadder(Scale.MEAN_DIAGONAL, 1, 10, -1));
        assertThrows(IllegalArgumentException.class, () -> new JitterLadder(Scale.MEAN_DIAGONAL, 0, 10, 3));
        assertThrows(IllegalArgumentException.class, () -> new JitterLadder(Scale.MEAN_DIAGONAL, 1, 1, 3));
        assertThrows(NullPointerException.class, () -> new JitterLadder(null, 1, 10, 3));
    }
}
