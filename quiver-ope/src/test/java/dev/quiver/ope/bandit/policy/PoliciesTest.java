package dev.quiver.ope.bandit.policy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.core.error.QuiverUserException;
import dev.quiver.ope.bandit.data.LoggedBanditData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Evaluation policies: score policies, context-free policies from log frequencies, policies from a file. */
class PoliciesTest {
    @TempDir
    Path tmp;

    static final LoggedBanditData LOGS = LoggedBanditData.builder(3).actions(new int[] {0, 1, 1, 2, 0, 0})
            .numPositions(2).positions(new int[] {0, 0, 0, 0, 1, 1}).rewards(new double[6])
            .propensities(new double[] {0.5, 0.5, 0.5, 0.5, 0.5, 0.5}).build();

    @Test
    void scorePolicies() {
        double[][] scores = {{0.1, 0.9, 0.3}, {2, 2, 1}};
        ActionDistribution g = ScorePolicy.epsilonGreedy(0.3).apply(scores);
        assertArrayEquals(new double[] {0.1, 0.8, 0.1}, g.row(0), 1e-12);
        assertArrayEquals(new double[] {0.8, 0.1, 0.1}, g.row(1), 1e-12, "ties go to the first action");
        ActionDistribution s = ScorePolicy.softmax(2).apply(scores);
        double z = Math.exp(0.2) + Math.exp(1.8) + Math.exp(0.6);
        assertArrayEquals(new double[] {Math.exp(0.2) / z, Math.exp(1.8) / z, Math.exp(0.6) / z}, s.row(0), 1e-12);
        assertArrayEquals(new double[] {1.0 / 3, 1.0 / 3, 1.0 / 3}, ScorePolicy.softmax(0).apply(scores).row(1), 1e-12);
        assertArrayEquals(new double[] {1.0 / 3, 1.0 / 3, 1.0 / 3}, ScorePolicy.uniform().apply(scores).row(0), 1e-12);
        // large scores do not overflow
        assertArrayEquals(new double[] {0, 1, 0}, ScorePolicy.softmax(1).apply(new double[][] {{0, 1e4, -1e4}}).row(0),
                1e-12);
        assertEquals((0.1 * 0.1 + 0.8 * 0.9 + 0.1 * 0.3 + 0.8 * 2 + 0.1 * 2 + 0.1 * 1) / 2, g.valueUnder(scores), 1e-12);
    }

    @Test
    void actionDistributionsAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> ActionDistribution.of(new double[][] {{0.5, 0.6}}));
        assertThrows(IllegalArgumentException.class, () -> ActionDistribution.of(new double[][] {{1.5, -0.5}}));
        assertThrows(IllegalArgumentException.class, () -> ActionDistribution.of(new double[][] {{1, 0}, {1}}));
    }

    @Test
    void contextFreePolicyFromLogFrequencies() {
        ContextFreePolicy p = ContextFreePolicy.fromLogFrequencies(LOGS);
        assertEquals(0.25, p.probability(0, 0), 1e-12);
        assertEquals(0.5, p.probability(0, 1), 1e-12);
        assertEquals(0.25, p.probability(0, 2), 1e-12);
        assertEquals(1.0, p.probability(1, 0), 1e-12);
        ActionDistribution d = p.on(LOGS);
        assertArrayEquals(new double[] {0.25, 0.5, 0.25}, d.row(3), 1e-12);
        assertArrayEquals(new double[] {1, 0, 0}, d.row(5), 1e-12);
    }

    @Test
    void policyFromACsvFile() throws IOException {
        StringBuilder sb = new StringBuilder("p0,p1,p2\n");
        for (int i = 0; i < 6; i++) {
            sb.append("0.2,0.3,0.5\n");
        }
        ActionDistribution d = PolicyCsv.read(Files.writeString(tmp.resolve("pi.csv"), sb), LOGS);
        assertArrayEquals(new double[] {0.2, 0.3, 0.5}, d.row(4), 1e-12);
        Path bad = Files.writeString(tmp.resolve("bad.csv"), sb.toString().replaceFirst("0.2,0.3,0.5\n0.2,0.3,0.5",
                "0.2,0.3,0.5\n0.2,0.3,0.6"));
        QuiverUserException e = assertThrows(QuiverUserException.class, () -> PolicyCsv.read(bad, LOGS));
        assertTrue(e.getMessage().contains("bad.csv line 3") && e.getMessage().contains("sum to"), e.getMessage());
        Path shortFile = Files.writeString(tmp.resolve("short.csv"), "p0,p1,p2\n0.2,0.3,0.5\n");
        e = assertThrows(QuiverUserException.class, () -> PolicyCsv.read(shortFile, LOGS));
        assertTrue(e.getMessage().contains("1 data lines") && e.getMessage().contains("6 rows"), e.getMessage());
        Path wide = Files.writeString(tmp.resolve("wide.csv"), "p0,p1\n0.5,0.5\n");
        e = assertThrows(QuiverUserException.class, () -> PolicyCsv.read(wide, LOGS));
        assertTrue(e.getMessage().contains("2 columns") && e.getMessage().contains("3 actions"), e.getMessage());
    }
}
