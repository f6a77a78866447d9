package dev.quiver.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class PoliciesTest {
    @Test
    void tiesAmongUndiscountedOptimaAreBrokenByTheDiscountedValues() {
        double[][] q = {
            {1.0, 1.0, 0.5}, // actions 0 and 1 tie; 1 is better discounted
            {0.2, 0.9, 0.9 - 1e-9}, // 1 and 2 tie within the tolerance; 2 is better discounted
            {-13, -14, -13}, // 0 and 2 tie; 0 is better discounted
            {0.3, 0.1, 0.2}, // no tie: 0 even though 2 is better discounted
        };
        double[][] discounted = {
            {0.8, 0.9, 0.95},
            {0.1, 0.5, 0.6},
            {-12, -11, -12.5},
            {0.1, 0.1, 0.9},
        };
        assertArrayEquals(new int[] {1, 2, 0, 0}, Policies.tieBrokenGreedy(q, discounted));
    }
}
