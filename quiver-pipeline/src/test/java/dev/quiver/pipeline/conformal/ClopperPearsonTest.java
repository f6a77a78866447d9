package dev.quiver.pipeline.conformal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.core.estimate.Estimate;
import org.junit.jupiter.api.Test;

/** The exact binomial interval of the quantify stage's empirical coverage. */
class ClopperPearsonTest {
    @Test
    void clopperPearsonMatchesClosedFormsAtTheExtremes() {
        // 0 of n: upper = 1 - (alpha/2)^(1/n); n of n: lower = (alpha/2)^(1/n)
        Estimate none = ClopperPearson.of(0, 10, 0.95);
        assertEquals(0, none.low());
        assertEquals(1 - Math.pow(0.025, 0.1), none.high(), 1e-9);
        Estimate all = ClopperPearson.of(10, 10, 0.95);
        assertEquals(Math.pow(0.025, 0.1), all.low(), 1e-9);
        assertEquals(1, all.high());
        Estimate half = ClopperPearson.of(5, 10, 0.95);
        // symmetric around 0.5; R's binom.test(5, 10) gives [0.187, 0.813]
        assertEquals(0.5, half.point());
        assertEquals(1, half.low() + half.high(), 1e-9);
        assertEquals(0.1871, half.low(), 1e-4);
    }

    @Test
    void clopperPearsonTailsEqualHalfTheMissAtEachEnd() {
        Estimate e = ClopperPearson.of(37, 50, 0.9);
        assertEquals(0.05, ClopperPearson.upperTail(37, 50, e.low()), 1e-9);
        assertEquals(0.05, ClopperPearson.lowerTail(37, 50, e.high()), 1e-9);
        assertTrue(e.covers(37 / 50.0));
    }
}
