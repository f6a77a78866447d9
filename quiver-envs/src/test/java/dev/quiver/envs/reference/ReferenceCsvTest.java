package dev.quiver.envs.reference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

class ReferenceCsvTest {
    static final String HEADER = "policy,seed,t,action,reward,terminated,truncated,obs_position,obs_velocity,"
            + "state_position,state_velocity";
    static final String ROW0 = "lcg,0,0,,,0,0,-0.47260767221450806,0.0,-0.4726076625357092,0.0";
    static final String ROW1 = "lcg,0,1,1,-1.0,0,0,-0.4729886054992676,-0.0003809435584116727,"
            + "-0.47298860608411836,-0.00038094354840918207";

    @TempDir
    Path dir;

    private Path write(String name, String... lines) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return p;
    }

    private String error(Path p) {
        return assertThrows(QuiverUserException.class, () -> ReferenceCsv.read(p)).getMessage();
    }

    @Test
    void readsEpisodesAndTheEnvIdFromTheFileName() throws IOException {
        Path p = write("MountainCar-v0.csv", HEADER, ROW0, ROW1,
                "feedback,3,0,,,0,0,-0.5,0.0,-0.5,0.0",
                "feedback,3,1,2,-1.0,1,0,-0.49,0.01,-0.49,0.01");
        ReferenceFile f = ReferenceCsv.read(p);
        assertEquals("MountainCar-v0", f.envId());
        assertEquals(1, f.headerLine());
        assertEquals(List.of("obs_position", "obs_velocity"), f.observationColumns());
        assertEquals(List.of("state_position", "state_velocity"), f.stateColumns());
        assertEquals(2, f.episodes().size());
        ReferenceEpisode a = f.episodes().get(0);
        assertEquals("lcg", a.policy());
        assertEquals(0, a.seed());
        assertEquals(1, a.steps());
        assertArrayEquals(new int[] {2, 3}, a.lines());
        assertEquals(1.0, a.actions()[1], 0);
        assertTrue(Double.isNaN(a.actions()[0]));
        assertEquals(-1.0, a.rewards()[1], 0);
        assertArrayEquals(new double[] {-0.4726076625357092, 0.0}, a.initialState(), 0);
        assertEquals((double) Float.parseFloat("-0.4729886054992676"), a.observations()[1][0], 0);
        ReferenceEpisode b = f.episodes().get(1);
        assertEquals("feedback", b.policy());
        assertEquals(3, b.seed());
        assertTrue(b.terminated()[1]);
        assertFalse(b.truncated()[1]);
        assertEquals("Other-v0", ReferenceCsv.read(p, "Other-v0").envId());
    }

    @Test
    void acceptsCrlfAndPythonSpecialNumbers() throws IOException {
        Path p = dir.resolve("X-v0.csv");
        Files.writeString(p, HEADER + "\r\n" + "lcg,0,0,,,0,0,nan,inf,-inf,1e-3\r\n");
        ReferenceEpisode e = ReferenceCsv.read(p).episodes().get(0);
        assertTrue(Double.isNaN(e.observations()[0][0]));
        assertEquals(Double.POSITIVE_INFINITY, e.observations()[0][1], 0);
        assertEquals(Double.NEGATIVE_INFINITY, e.states()[0][0], 0);
        assertEquals(1e-3, e.states()[0][1], 0);
    }

    @Test
    void missingColumnNamesTheColumnAndLine() throws IOException {
        Path p = write("MountainCar-v0.csv", HEADER.replace("reward,", ""), ROW0);
        String m = error(p);
        assertTrue(m.startsWith(p + ":1:"), m);
        assertTrue(m.contains("missing column 'reward'"), m);
    }

    @Test
    void missingObsOrStateColumns() throws IOException {
        String m = error(write("a.csv", "policy,seed,t,action,reward,terminated,truncated,state_x", "lcg,0,0,,,0,0,1"));
        assertTrue(m.contains("missing obs_* columns"), m);
        m = error(write("b.csv", "policy,seed,t,action,reward,terminated,truncated,obs_x", "lcg,0,0,,,0,0,1"));
        assertTrue(m.contains("missing state_* columns"), m);
    }

    @Test
    void unknownAndDuplicateColumns() throws IOException {
        String m = error(write("a.csv", HEADER + ",speed", ROW0 + ",1"));
        assertTrue(m.contains(":1:12 (column 'speed')"), m);
        assertTrue(m.contains("unknown column 'speed'"), m);
        m = error(write("b.csv", HEADER + ",obs_velocity", ROW0 + ",1"));
        assertTrue(m.contains("duplicate column 'obs_velocity'"), m);
    }

    @Test
    void nonNumericValueNamesLineAndColumn() throws IOException {
        Path p = write("MountainCar-v0.csv", HEADER, ROW0, ROW1.replace("-1.0,", "abc,"));
        String m = error(p);
        assertTrue(m.startsWith(p + ":3:5 (column 'reward'): "), m);
        assertTrue(m.contains("not a number: 'abc'"), m);
        // Java-only number syntax is not Python repr
        m = error(write("c.csv", HEADER, ROW0, ROW1.replace("-1.0,", "-1.0f,")));
        assertTrue(m.contains(":3:5 (column 'reward')"), m);
        m = error(write("d.csv", HEADER, ROW0.replace("-0.4726076625357092", "0x1p3")));
        assertTrue(m.contains(":2:10 (column 'state_position')"), m);
    }

    @Test
    void wrongArityNamesTheFirstMissingOrExtraColumn() throws IOException {
        String shortRow = ROW1.substring(0, ROW1.lastIndexOf(','));
        String m = error(write("a.csv", HEADER, ROW0, shortRow));
        assertTrue(m.contains(":3:11 (column 'state_velocity')"), m);
        assertTrue(m.contains("expected 11 fields, got 10"), m);
        m = error(write("b.csv", HEADER, ROW0 + ",7"));
        assertTrue(m.contains(":2:12: too many values"), m);
    }

    @Test
    void badFlagsSeedsAndStepIndices() throws IOException {
        String m = error(write("a.csv", HEADER, ROW0, ROW1.replace(",-1.0,0,0,", ",-1.0,2,0,")));
        assertTrue(m.contains(":3:6 (column 'terminated'): expected 0 or 1, got '2'"), m);
        m = error(write("b.csv", HEADER, ROW0.replace("lcg,0,", "lcg,x,")));
        assertTrue(m.contains(":2:2 (column 'seed'): expected an integer"), m);
        m = error(write("c.csv", HEADER, ROW0, ROW1.replace("lcg,0,1,", "lcg,0,2,")));
        assertTrue(m.contains(":3:3 (column 't'): expected t = 1"), m);
        m = error(write("d.csv", HEADER, ROW1));
        assertTrue(m.contains(":2:3 (column 't')") && m.contains("starts with a t = 0 row"), m);
        m = error(write("e.csv", HEADER, ROW0, ROW1.replace(",-1.0,0,0,", ",-1.0,1,0,"),
                ROW1.replace("lcg,0,1,", "lcg,0,2,")));
        assertTrue(m.contains(":4:3") && m.contains("continues after a terminated or truncated step"), m);
        m = error(write("f.csv", HEADER, ROW0, ROW0));
        assertTrue(m.contains(":3:2 (column 'seed')") && m.contains("appears twice"), m);
    }

    @Test
    void resetRowMustHaveNoActionAndStepRowsMustHaveOne() throws IOException {
        String m = error(write("a.csv", HEADER, ROW0.replace("lcg,0,0,,", "lcg,0,0,1,")));
        assertTrue(m.contains(":2:4 (column 'action')"), m);
        m = error(write("b.csv", HEADER, ROW0, ROW1.replace("lcg,0,1,1,", "lcg,0,1,,")));
        assertTrue(m.contains(":3:4 (column 'action'): missing value"), m);
    }

    @Test
    void emptyFilesAndMissingFiles() throws IOException {
        String m = error(write("a.csv", ""));
        assertTrue(m.contains("empty"), m);
        m = error(write("b.csv", HEADER));
        assertTrue(m.contains(":2:1: no data rows"), m);
        m = error(dir.resolve("nope.csv"));
        assertTrue(m.contains("not found"), m);
    }
}
