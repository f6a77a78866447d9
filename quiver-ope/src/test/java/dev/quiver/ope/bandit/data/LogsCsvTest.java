package dev.quiver.ope.bandit.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.core.error.QuiverUserException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generic logs CSV: columns found by name, contexts in file order, errors naming file, line and column. */
class LogsCsvTest {
    @TempDir
    Path tmp;

    @Test
    void readsColumnsByNameWithContextsInFileOrder() throws IOException {
        Path f = Files.writeString(tmp.resolve("logs.csv"),
                "x0,action,reward,x1,propensity,position\n0.5,2,1,-1,0.25,1\n1.5,0,0,2,\"0.5\",0\n\n");
        LoggedBanditData d = LogsCsv.read(f);
        assertEquals(2, d.size());
        assertEquals(3, d.numActions());
        assertEquals(2, d.numPositions());
        assertArrayEquals(new double[] {0.5, -1}, d.context(0));
        assertArrayEquals(new double[] {1.5, 2}, d.context(1));
        assertEquals(2, d.action(0));
        assertEquals(0.5, d.propensity(1));
        assertEquals(1, d.position(0));
        assertEquals(5, LogsCsv.read(f, 5).numActions());
    }

    @Test
    void badInputIsAUserErrorNamingWhere() throws IOException {
        String header = "x0,action,reward,propensity\n";
        assertMessage(header + "0.1,1,1,0.5\n0.2,1,abc,0.5\n", "line 3, column 3 ('reward'): 'abc' is not a number");
        assertMessage(header + "0.1,1,1,1.5\n", "line 2, column 4 ('propensity'): 1.5 is not a probability");
        assertMessage(header + "0.1,-1,1,0.5\n", "line 2, column 2 ('action'): -1 is out of range");
        assertMessage(header + "0.1,1.5,1,0.5\n", "line 2, column 2 ('action'): '1.5' is not an integer");
        assertMessage(header + "NaN,1,1,0.5\n", "line 2, column 1 ('x0'): 'NaN' is not a finite number");
        assertMessage(header + "0.1,1,1\n", "line 2: 3 fields, but the header has 4 columns");
        assertMessage("x0,action,propensity\n0.1,1,0.5\n", "line 1: no 'reward' column");
        assertMessage(header, "no data rows");
        assertMessage("", "line 1: expected a CSV header line");
        QuiverUserException e = assertThrows(QuiverUserException.class, () -> LogsCsv.read(tmp.resolve("nope.csv")));
        assertTrue(e.getMessage().contains("nope.csv: no such file"), e.getMessage());
        Path f = Files.writeString(tmp.resolve("k.csv"), header + "0.1,3,1,0.5\n");
        e = assertThrows(QuiverUserException.class, () -> LogsCsv.read(f, 3));
        assertTrue(e.getMessage().contains("expected an action 0..2"), e.getMessage());
    }

    private void assertMessage(String content, String expected) throws IOException {
        Path f = Files.writeString(tmp.resolve("bad.csv"), content);
        QuiverUserException e = assertThrows(QuiverUserException.class, () -> LogsCsv.read(f));
        assertTrue(e.getMessage().contains("bad.csv") && e.getMessage().contains(expected), e.getMessage());
    }
}
