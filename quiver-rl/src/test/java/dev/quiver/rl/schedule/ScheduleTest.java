package dev.quiver.rl.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ScheduleTest {

    /** CleanRL's linear_schedule, for comparison. */
    private static double cleanRl(double start, double end, double duration, long t) {
        double slope = (end - start) / duration;
        return Math.max(slope * t + start, end);
    }

    @Test
    void linearMatchesCleanRl() {
        LinearSchedule s = new LinearSchedule(1.0, 0.05, 0.5, 1000);
        assertEquals(500.0, s.duration());
        for (long t : new long[] {0, 1, 100, 250, 499, 500, 501, 1000, 1_000_000}) {
            assertEquals(cleanRl(1.0, 0.05, 500, t), s.value(t), 1e-12, "t = " + t);
        }
        assertEquals(0.525, s.value(250), 1e-12);
        assertEquals(1.0, s.value(-5));
    }

    @Test
    void linearIncreasingAndDegenerate() {
        LinearSchedule beta = new LinearSchedule(0.4, 1.0, 1.0, 100);
        assertEquals(0.4, beta.value(0));
        assertEquals(0.7, beta.value(50), 1e-12);
        assertEquals(1.0, beta.value(100));
        assertEquals(1.0, beta.value(1000));
        LinearSchedule instant = new LinearSchedule(1.0, 0.1, 0.0, 100);
        assertEquals(0.1, instant.value(0));
        assertThrows(IllegalArgumentException.class, () -> new LinearSchedule(1, 0, 1.5, 100));
        assertThrows(IllegalArgumentException.class, () -> new LinearSchedule(1, 0, 0.5, 0));
    }

    @Test
    void exponentialDecaysToItsFloor() {
        ExponentialSchedule s = new ExponentialSchedule(1.0, 0.1, 0.5);
        assertEquals(1.0, s.value(0));
        assertEquals(0.5, s.value(1));
        assertEquals(0.25, s.value(2));
        assertEquals(0.125, s.value(3));
        assertEquals(0.1, s.value(4));
        assertEquals(0.1, s.value(1000));
        ExponentialSchedule r = ExponentialSchedule.reaching(1.0, 0.01, 100);
        assertEquals(0.1, r.value(50), 1e-12);
        assertEquals(0.01, r.value(100), 1e-12);
        assertEquals(0.01, r.value(200));
        assertThrows(IllegalArgumentException.class, () -> new ExponentialSchedule(1, 0.1, 0));
        assertThrows(IllegalArgumentException.class, () -> new ExponentialSchedule(1, 0.1, 1.5));
        assertEquals(0.8, new ExponentialSchedule(0.1, 0.8, 2).value(3), 1e-12);
    }

    @Test
    void constantIsConstant() {
        Schedule c = new ConstantSchedule(0.3);
        assertEquals(0.3, c.value(0));
        assertEquals(0.3, c.value(Long.MAX_VALUE));
    }
}
