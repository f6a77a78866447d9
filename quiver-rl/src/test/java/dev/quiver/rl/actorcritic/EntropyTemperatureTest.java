package dev.quiver.rl.actorcritic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.nn.optim.Adam;
import org.junit.jupiter.api.Test;

class EntropyTemperatureTest {
    @Test
    void fixedAlphaNeverMoves() {
        EntropyTemperature t = EntropyTemperature.fixed(0.2);
        t.update(5.0);
        assertEquals(0.2, t.alpha(), 1e-15);
    }

    /**
     * With the target entropy −1: a policy whose entropy is below it (mean log π = 3, entropy −3) must
     * raise α; one above it (mean log π = −3) must lower α. Adam's first step moves log α by exactly lr.
     */
    @Test
    void alphaRisesWhenEntropyIsBelowTargetAndFallsWhenAbove() {
        EntropyTemperature low = EntropyTemperature.tuned(1.0, -1.0, Adam.Config.adam(0.01));
        low.update(3.0);
        assertEquals(Math.exp(0.01), low.alpha(), 1e-9);
        EntropyTemperature high = EntropyTemperature.tuned(1.0, -1.0, Adam.Config.adam(0.01));
        high.update(-3.0);
        assertEquals(Math.exp(-0.01), high.alpha(), 1e-9);
        for (int i = 0; i < 100; i++) {
            high.update(-3.0);
        }
        assertTrue(high.alpha() < Math.exp(-0.9), "alpha " + high.alpha());
    }
}
