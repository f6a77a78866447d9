package dev.quiver.uq.abstention;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The abstention metrics on a hand example. */
class AbstentionMetricsTest {
    @Test
    void handExample() {
        // four rows, K = 3: a right single label, a wrong single label, a covering pair, an abstention
        boolean[][] member = {{true, false, false}, {false, true, false}, {true, false, true}, {false, false, false}};
        boolean[] abstained = {false, false, false, true};
        int[] labels = {0, 2, 2, 1};
        AbstentionMetrics m = AbstentionMetrics.of(new AbstentionPredictions(member, abstained, 3), labels,
                new AbstentionUtility(1, 0.1, 0.35));
        assertEquals(0.75, m.coverage(), 0); // the abstention counts as covered
        assertEquals(2.0 / 3, m.answeredCoverage(), 1e-15);
        assertEquals(4.0 / 3, m.meanSetSize(), 1e-15);
        assertEquals(7.0 / 4, m.effectiveSetSize(), 1e-15); // 1 + 1 + 2 + 3
        assertEquals(0.25, m.abstentionRate(), 0);
        assertEquals(0.5, m.singletonRate(), 0);
        assertEquals(0.5, m.singletonAccuracy(), 0);
        assertEquals((0 - 1 - 0.1 - 0.35) / 4, m.meanUtility(), 1e-15);
        AbstentionPredictions p = new AbstentionPredictions(member, abstained, 3);
        assertEquals(Decision.SINGLE, p.decision(0));
        assertEquals(Decision.SET, p.decision(2));
        assertEquals(Decision.ABSTAIN, p.decision(3));
    }
}
