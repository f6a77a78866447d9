package dev.quiver.report.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CurveRecordsTest {

    @Test
    void arraysAreCopiedInAndOut() {
        double[] tau = {0, 1, 2};
        double[] f = {1, 0.5, 0};
        ProfileCurve c = new ProfileCurve("A", tau, f, f, f);
        tau[0] = 99;
        c.fraction()[0] = 99;
        assertArrayEquals(new double[] {0, 1, 2}, c.tau());
        assertArrayEquals(new double[] {1, 0.5, 0}, c.fraction());
        assertEquals(c, new ProfileCurve("A", new double[] {0, 1, 2}, f, f, f));
        assertEquals(c.hashCode(), new ProfileCurve("A", new double[] {0, 1, 2}, f, f, f).hashCode());
        assertTrue(c.hasBand());
        assertFalse(ProfileCurve.of("A", c.tau(), f).hasBand());
        assertTrue(c.toString().contains("[1.0, 0.5, 0.0]"));
    }

    @Test
    void validation() {
        double[] x = {0, 1};
        assertThrows(IllegalArgumentException.class, () -> ProfileCurve.of("A", x, new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> ProfileCurve.of("A", new double[] {1, 0}, x));
        assertThrows(IllegalArgumentException.class, () -> ProfileCurve.of("A", x, new double[] {1, Double.NaN}));
        assertThrows(IllegalArgumentException.class, () -> new ProfileCurve("A", x, x, x, null));
        assertThrows(IllegalArgumentException.class, () -> new SampleEfficiencyCurve("A", x, x, x, new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> SampleEfficiencyCurve.of("A", new double[0], new double[0]));
        assertThrows(NullPointerException.class, () -> SampleEfficiencyCurve.of(null, x, x));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SampleEfficiencyCurve.of("DQN", new double[] {0, 2, 1}, new double[] {0, 0, 0}));
        assertTrue(e.getMessage().contains("DQN") && e.getMessage().contains("x[2]"), e.getMessage());
    }
}
