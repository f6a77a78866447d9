package dev.quiver.eval.scores;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.core.error.QuiverUserException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading score and reference CSVs, and every kind of bad input (each a user error naming file, line and value). */
class ScoreCsvTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    /** Reads {@code text} as a score file and returns the user error's message. */
    private String scoreError(String text) throws IOException {
        Path p = write("scores.csv", text);
        QuiverUserException e = assertThrows(QuiverUserException.class, () -> ScoreTable.readCsv(p));
        assertTrue(e.getMessage().contains(p.toString()), "names the file: " + e.getMessage());
        return e.getMessage();
    }

    private String referenceError(String text) throws IOException {
        Path p = write("refs.csv", text);
        QuiverUserException e = assertThrows(QuiverUserException.class, () -> ReferenceScores.readCsv(p));
        assertTrue(e.getMessage().contains(p.toString()), "names the file: " + e.getMessage());
        return e.getMessage();
    }

    private static void assertContains(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), "expected '" + part + "' in: " + message);
        }
    }

    @Test
    void readsColumnsInAnyOrderAndIgnoresExtraOnes() throws IOException {
        Path p = write("scores.csv", "\uFEFFscore_source,score,run,game,algorithm\n"
                + "raw,1.5,0,Pong,DER\n"
                + "raw,2.5,1,Pong,DER\n"
                + "\n" // blank lines are skipped
                + "raw,-3e2,0,Breakout,DER\n"
                + "from_hns, 7 ,0,Pong,\"CURL, v2\"\n"
                + "raw,8,0,Breakout,\"CURL, v2\"\n");
        ScoreTable t = ScoreTable.readCsv(p);
        assertEquals(List.of("DER", "CURL, v2"), t.algorithms());
        assertEquals(List.of("Pong", "Breakout"), t.tasks());
        assertArrayEquals(new double[] {1.5, 2.5}, t.scores("DER", "Pong"));
        assertArrayEquals(new double[] {-300}, t.scores("DER", "Breakout"));
        assertArrayEquals(new double[] {7}, t.scores("CURL, v2", "Pong"));
        assertEquals(p.toString(), t.source());
    }

    @Test
    void taskIsAcceptedInsteadOfGame() throws IOException {
        ScoreTable t = ScoreTable.readCsv(write("s.csv", "algorithm,task,run,score\nA,cartpole,0,500\n"));
        assertEquals(List.of("cartpole"), t.tasks());
        assertContains(scoreError("algorithm,task,game,run,score\nA,x,x,0,1\n"), "line 1", "both", "'game'", "'task'");
    }

    @Test
    void missingColumns() throws IOException {
        assertContains(scoreError("algorithm,game,score\nA,Pong,1\n"), "line 1", "no 'run' column",
                "found header 'algorithm,game,score'");
        assertContains(scoreError("algorithm,run,score\nA,0,1\n"), "line 1", "no 'game' (or 'task') column");
        assertContains(scoreError("game,run,score\nPong,0,1\n"), "line 1", "no 'algorithm' column");
        assertContains(scoreError("algorithm,game,run,score,score\nA,P,0,1,1\n"), "line 1", "'score' appears twice");
    }

    @Test
    void shortRows() throws IOException {
        assertContains(scoreError("algorithm,game,run,score\nA,Pong,0,1\nA,Pong,1\n"), "line 3", "has 3 fields",
                "'score' is column 4");
    }

    @Test
    void nonNumericAndNonFiniteScores() throws IOException {
        assertContains(scoreError("algorithm,game,run,score\nA,Pong,0,1\nA,Pong,1,abc\n"), "line 3", "'abc'",
                "not a number");
        assertContains(scoreError("algorithm,game,run,score\nA,Pong,0,NaN\n"), "line 2", "'NaN'", "not finite");
        assertContains(scoreError("algorithm,game,run,score\nA,Pong,0,-inf\n"), "line 2", "'-inf'", "not finite");
        assertContains(scoreError("algorithm,game,run,score\nA,Pong,0,Infinity\n"), "line 2", "not finite");
        assertContains(scoreError("algorithm,game,run,score\nA,Pong,0,1e999\n"), "line 2", "'1e999'", "not finite");
        assertContains(scoreError("algorithm,game,run,score\nA,Pong,0,\n"), "line 2", "empty score");
        assertContains(scoreError("algorithm,game,run,score\nA,Pong,0,0x10\n"), "line 2", "'0x10'", "not a number");
    }

    @Test
    void badRunIds() throws IOException {
        assertContains(scoreError("algorithm,game,run,score\nA,Pong,1.5,1\n"), "line 2", "run '1.5'", "not an integer");
        assertContains(scoreError("algorithm,game,run,score\nA,Pong,-1,1\n"), "line 2", "run '-1'", "negative");
        assertContains(scoreError("algorithm,game,run,score\nA,Pong,99999999999,1\n"), "line 2", "too large");
    }

    @Test
    void emptyNames() throws IOException {
        assertContains(scoreError("algorithm,game,run,score\n,Pong,0,1\n"), "line 2", "empty algorithm");
        assertContains(scoreError("algorithm,game,run,score\nA,,0,1\n"), "line 2", "empty game");
    }

    @Test
    void duplicateRows() throws IOException {
        assertContains(scoreError("algorithm,game,run,score\nA,Pong,0,1\nA,Pong,1,2\nA,Pong,0,3\n"), "line 4",
                "algorithm 'A', game 'Pong', run 0 appears twice", "first on line 2");
    }

    @Test
    void anAlgorithmWithoutRunsOnAGameOthersHave() throws IOException {
        assertContains(scoreError("algorithm,game,run,score\nA,Pong,0,1\nA,Breakout,0,2\nB,Pong,0,3\n"
                + "C,Pong,0,3\nC,Breakout,0,3\n"), "algorithm 'B' has no runs on game 'Breakout'", "which A, C have",
                "first on line 3", "nothing is dropped");
    }

    @Test
    void emptyFiles() throws IOException {
        assertContains(scoreError(""), "empty");
        assertContains(scoreError("\n\n"), "empty");
        assertContains(scoreError("algorithm,game,run,score\n"), "no score rows");
        assertContains(scoreError("\nalgorithm,game,run,score\nA,P,0,1\n"), "line 2", "header must be on line 1");
    }

    @Test
    void unclosedQuote() throws IOException {
        assertContains(scoreError("algorithm,game,run,score\n\"A,Pong,0,1\n"), "line 2", "not closed");
    }

    @Test
    void missingFile() {
        Path p = dir.resolve("nope.csv");
        QuiverUserException e = assertThrows(QuiverUserException.class, () -> ScoreTable.readCsv(p));
        assertContains(e.getMessage(), p.toString(), "no such file");
    }

    @Test
    void readsReferences() throws IOException {
        ReferenceScores r = ReferenceScores.readCsv(write("refs.csv", "human,game,random\n7127.7,Alien,227.8\n"
                + "1719.5,Amidar,5.8\n"));
        assertEquals(ReferenceScores.Kind.RANDOM_HUMAN, r.kind());
        assertEquals(List.of("Alien", "Amidar"), r.tasks());
        assertEquals(227.8, r.low("Alien"));
        assertEquals(1719.5, r.high("Amidar"));
        assertEquals(1.0, r.normalize("Alien", 7127.7), 1e-15);
        ReferenceScores m = ReferenceScores.readCsv(write("mm.csv", "task,min,max\ncoinrun,5,10\n"));
        assertEquals(ReferenceScores.Kind.MIN_MAX, m.kind());
        assertEquals(0.4, m.normalize("coinrun", 7), 1e-15);
    }

    @Test
    void badReferences() throws IOException {
        assertContains(referenceError(""), "empty");
        assertContains(referenceError("game,random,human\n"), "no rows");
        assertContains(referenceError("game,random\nPong,1\n"), "line 1", "no 'human' column");
        assertContains(referenceError("game,random,human\nPong,-20.7,-20.7\n"), "line 2", "'Pong'", "human = random");
        assertContains(referenceError("task,min,max\nx,3,2\n"), "line 2", "max 2.0 must be above min 3.0");
        assertContains(referenceError("game,random,human\nPong,1,2\nPong,1,3\n"), "line 3", "listed twice",
                "first on line 2");
        assertContains(referenceError("game,random,human\nPong,x,2\n"), "line 2", "random 'x'", "not a number");
        assertContains(referenceError("game,random,human\nPong,1,nan\n"), "line 2", "human 'nan'", "not finite");
        assertContains(referenceError("game,random,human,min,max\nPong,1,2,1,2\n"), "line 1", "both");
    }

    @Test
    void aGameMissingFromTheReferenceFile() throws IOException {
        ScoreTable t = ScoreTable.readCsv(write("s.csv", "algorithm,game,run,score\nA,Pong,0,1\nA,Qbert,0,2\n"));
        Path refs = write("refs.csv", "game,random,human\nPong,0,1\n");
        ReferenceScores r = ReferenceScores.readCsv(refs);
        QuiverUserException e = assertThrows(QuiverUserException.class, () -> t.normalized(r));
        assertContains(e.getMessage(), refs.toString(), "no row for 'Qbert'", "s.csv line 3");
    }
}
