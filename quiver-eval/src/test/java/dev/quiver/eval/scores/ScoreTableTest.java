package dev.quiver.eval.scores;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.core.error.QuiverUserException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScoreTableTest {

    private static ScoreTable ragged() {
        return ScoreTable.builder()
                .add("A", "Pong", 0, 1.0).add("A", "Pong", 1, 2.0).add("A", "Pong", 2, 3.0)
                .add("A", "Breakout", 0, 10.0).add("A", "Breakout", 1, 20.0).add("A", "Breakout", 2, 30.0)
                .add("B", "Breakout", 7, 5.0) // run ids need not start at 0, nor be contiguous
                .add("B", "Pong", 3, -1.0).add("B", "Pong", 1, -2.0) // added out of order: sorted by run id
                .build();
    }

    @Test
    void axesAreNamedAndTaskOrderIsShared() {
        ScoreTable t = ragged();
        assertEquals(List.of("A", "B"), t.algorithms());
        assertEquals(List.of("Pong", "Breakout"), t.tasks(), "order of first appearance");
        assertEquals(1, t.taskIndex("Breakout"));
        double[][] a = t.matrix("A");
        assertArrayEquals(new double[] {1, 2, 3}, a[0]);
        assertArrayEquals(new double[] {10, 20, 30}, a[1]);
        double[][] b = t.matrix("B");
        assertArrayEquals(new double[] {-2, -1}, b[0], "runs in ascending run id order");
        assertArrayEquals(new double[] {5}, b[1]);
        assertArrayEquals(new int[] {1, 3}, t.runIds("B", "Pong"));
        assertArrayEquals(new int[] {2, 1}, t.runCounts("B"));
        assertEquals(3, t.runCount("A", "Breakout"));
        assertTrue(t.isRectangular("A"));
        assertFalse(t.isRectangular("B"));
        assertFalse(t.isRectangular());

        double[][] runsMajor = t.matrix("A", ScoreTable.Axis.RUNS);
        assertEquals(3, runsMajor.length);
        assertArrayEquals(new double[] {2, 20}, runsMajor[1], "[run][task], rliable's layout");
        assertArrayEquals(a, t.matrix("A", ScoreTable.Axis.TASKS));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> t.matrix("B", ScoreTable.Axis.RUNS));
        assertTrue(e.getMessage().contains("different run counts"), e.getMessage());
    }

    @Test
    void matricesAreCopies() {
        ScoreTable t = ragged();
        t.matrix("A")[0][0] = 99;
        t.scores("A", "Pong")[0] = 99;
        assertEquals(1.0, t.matrix("A")[0][0]);
    }

    @Test
    void unknownNamesListTheKnownOnes() {
        ScoreTable t = ragged();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> t.matrix("C"));
        assertTrue(e.getMessage().contains("known: A, B"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> t.scores("A", "Qbert"));
        assertTrue(e.getMessage().contains("known: Pong, Breakout"), e.getMessage());
    }

    @Test
    void subsetRunsKeepsTheFirstRunsPerTask() {
        ScoreTable t = ragged().subsetRuns(2);
        assertArrayEquals(new double[] {1, 2}, t.matrix("A")[0]);
        assertArrayEquals(new double[] {-2, -1}, t.matrix("B")[0]);
        assertArrayEquals(new double[] {5}, t.matrix("B")[1], "tasks with fewer runs keep them all");
        assertArrayEquals(new int[] {0, 1}, t.runIds("A", "Breakout"));
        assertThrows(IllegalArgumentException.class, () -> ragged().subsetRuns(0));
    }

    @Test
    void normalisationUsesRandomAndHumanPerTask() {
        ReferenceScores refs = ReferenceScores.randomHuman().add("Pong", 1.0, 3.0).add("Breakout", 0.0, 100.0).build();
        ScoreTable n = ragged().normalized(refs);
        assertArrayEquals(new double[] {0.0, 0.5, 1.0}, n.matrix("A")[0], 1e-15);
        assertArrayEquals(new double[] {0.1, 0.2, 0.3}, n.matrix("A")[1], 1e-15);
        assertArrayEquals(new double[] {-1.5, -1.0}, n.matrix("B")[0], 1e-15);
        assertSame(n, n.normalized(ReferenceScores.none()));

        ReferenceScores partial = ReferenceScores.randomHuman().source("refs.csv").add("Pong", 0, 1).build();
        QuiverUserException e = assertThrows(QuiverUserException.class, () -> ragged().normalized(partial));
        assertTrue(e.getMessage().contains("refs.csv") && e.getMessage().contains("'Breakout'"), e.getMessage());
    }

    @Test
    void builderRejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> ScoreTable.builder().add("A", "P", 0, Double.NaN));
        assertThrows(IllegalArgumentException.class,
                () -> ScoreTable.builder().add("A", "P", 0, Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> ScoreTable.builder().add("A", "P", -1, 0));
        assertThrows(IllegalArgumentException.class, () -> ScoreTable.builder().add(" ", "P", 0, 0));
        assertThrows(IllegalArgumentException.class, () -> ScoreTable.builder().add("A", "P", 0, 0).add("A", "P", 0, 1));
        assertThrows(IllegalArgumentException.class, () -> ScoreTable.builder().build());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ScoreTable.builder().add("A", "P", 0, 0).add("A", "Q", 0, 0).add("B", "P", 0, 0).build());
        assertTrue(e.getMessage().contains("'B' has no runs on task 'Q'"), e.getMessage());
    }

    @Test
    void addRunsNumbersRunsFromZero() {
        ScoreTable t = ScoreTable.builder().addRuns("A", "P", 1, 2).addRuns("A", "P", 3).build();
        assertArrayEquals(new int[] {0, 1, 2}, t.runIds("A", "P"));
        assertArrayEquals(new double[] {1, 2, 3}, t.scores("A", "P"));
    }

    @Test
    void selectAndMerge() {
        ScoreTable t = ragged();
        assertEquals(List.of("B"), t.select("B").algorithms());
        ScoreTable c = ScoreTable.builder().source("c.csv").addRuns("C", "Breakout", 7).addRuns("C", "Pong", 8, 9).build();
        ScoreTable m = t.merge(c);
        assertEquals(List.of("A", "B", "C"), m.algorithms());
        assertEquals(List.of("Pong", "Breakout"), m.tasks());
        assertArrayEquals(new double[] {8, 9}, m.matrix("C")[0], "rows follow the first table's task order");
        assertThrows(QuiverUserException.class, () -> m.merge(c));
        ScoreTable other = ScoreTable.builder().addRuns("D", "Pong", 1).build();
        QuiverUserException e = assertThrows(QuiverUserException.class, () -> t.merge(other));
        assertTrue(e.getMessage().contains("[Breakout]"), e.getMessage());
    }

    @Test
    void toStringSummarisesRunCounts() {
        String s = ragged().toString();
        assertTrue(s.contains("2 algorithms x 2 tasks") && s.contains("A 3") && s.contains("B 1-2"), s);
    }
}
