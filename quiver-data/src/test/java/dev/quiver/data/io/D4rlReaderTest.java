package dev.quiver.data.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.core.error.QuiverUserException;
import dev.quiver.data.dataset.EpisodeDataset;
import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** D4RL files without next_observations, and bad D4RL files. */
class D4rlReaderTest {
    @TempDir
    Path tmp;

    /** Writes the given datasets (name to array) as a flat HDF5 file. */
    static Path write(Path file, Map<String, Object> fields) {
        try (WritableHdfFile h = HdfFile.write(file)) {
            fields.forEach(h::putDataset);
        }
        return file;
    }

    /** Columns of {@code n} rows of one-dimensional observations equal to the row number. */
    static Map<String, Object> rows(boolean[] terminals, boolean[] timeouts, boolean withNext) {
        int n = terminals.length;
        float[][] obs = new float[n][1];
        float[][] next = new float[n][1];
        float[][] act = new float[n][1];
        float[] rew = new float[n];
        for (int i = 0; i < n; i++) {
            obs[i][0] = i;
            next[i][0] = i + 0.5f;
            act[i][0] = i % 2;
            rew[i] = 10 + i;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("observations", obs);
        m.put("actions", act);
        m.put("rewards", rew);
        m.put("terminals", terminals);
        m.put("timeouts", timeouts);
        if (withNext) {
            m.put("next_observations", next);
        }
        return m;
    }

    @Test
    void withoutNextObservationsEpisodesAreRebuiltFromTheFollowingRows() {
        //           rows: 0  1  2     3  4  5     6     7  8  9
        boolean[] term = {false, false, true, false, false, false, false, false, false, false};
        boolean[] time = {false, false, true, false, false, true, true, false, false, false};
        Path f = write(tmp.resolve("no-next.hdf5"), rows(term, time, false));
        D4rlDataset r = D4rlReader.readDataset(f);
        assertTrue(r.nextObservationsReconstructed());
        assertEquals(10, r.rows());
        assertEquals(3, r.droppedRows(), "row 5 (timeout), row 6 (a one-row timeout episode), row 9 (last row)");
        EpisodeDataset ds = r.episodes();
        assertEquals(3, ds.numEpisodes());
        // a terminal episode keeps all its rows; the terminal next observation repeats the last observation
        assertArrayEquals(new float[] {0, 1, 2, 2}, ds.episode(0).observations());
        assertArrayEquals(new boolean[] {false, false, true}, ds.episode(0).terminations());
        assertArrayEquals(new boolean[] {false, false, true}, ds.episode(0).truncations(), "both flags kept");
        assertArrayEquals(new double[] {10, 11, 12}, ds.episode(0).rewards());
        // a timeout episode loses its timeout row and ends truncated one step earlier
        assertArrayEquals(new float[] {3, 4, 5}, ds.episode(1).observations());
        assertArrayEquals(new boolean[] {false, false}, ds.episode(1).terminations());
        assertArrayEquals(new boolean[] {false, true}, ds.episode(1).truncations());
        assertArrayEquals(new double[] {13, 14}, ds.episode(1).rewards());
        // trailing rows: the last one is dropped, the rest is a cut episode
        assertArrayEquals(new float[] {7, 8, 9}, ds.episode(2).observations());
        assertArrayEquals(new boolean[] {false, false}, ds.episode(2).terminations());
        assertArrayEquals(new boolean[] {false, false}, ds.episode(2).truncations());
        assertFalse(ds.discrete(), "continuous actions without attributes");

        // the same rows with next_observations keep every row
        D4rlDataset full = D4rlReader.readDataset(write(tmp.resolve("next.hdf5"), rows(term, time, true)));
        assertFalse(full.nextObservationsReconstructed());
        assertEquals(0, full.droppedRows());
        assertEquals(10, full.episodes().numSteps());
        assertEquals(4, full.episodes().numEpisodes());
        assertArrayEquals(new float[] {3, 4, 5, 5.5f}, full.episodes().episode(1).observations());
    }

    @Test
    void onlyOneRowTimeoutsLeaveNothing() {
        Path f = write(tmp.resolve("t.hdf5"), rows(new boolean[] {false, false}, new boolean[] {true, true}, false));
        QuiverUserException e = assertThrows(QuiverUserException.class, () -> D4rlReader.read(f));
        assertTrue(e.getMessage().contains(f.toString()) && e.getMessage().contains("no transitions left"),
                e.getMessage());
    }

    @Test
    void fixturesWithoutNextObservationsLoseOnlyTimeoutRows() {
        Path dir = ReadersTest.dataDir();
        Assumptions.assumeTrue(dir != null, "shared/data/minari-format not found: skipped");
        // CartPole's episodes all end terminated, Pendulum's all truncated (time limit)
        int cartpoleDropped = checkWithoutNext(dir.resolve("cartpole-mixed-d4rl.hdf5"), D4rlReader.ActionKind.DISCRETE);
        assertEquals(0, cartpoleDropped);
        int pendulumDropped = checkWithoutNext(dir.resolve("pendulum-mixed-d4rl.hdf5"),
                D4rlReader.ActionKind.CONTINUOUS);
        assertEquals(12, pendulumDropped, "one timeout row per Pendulum episode");
    }

    /** Rewrites {@code file} without next_observations, reads it back and compares; returns the dropped rows. */
    private int checkWithoutNext(Path file, D4rlReader.ActionKind kind) {
        EpisodeDataset ref = D4rlReader.read(file, kind);
        int n = ref.numSteps();
        int d = ref.obsDim();
        int k = ref.discrete() ? 1 : ref.actDim();
        float[][] obs = new float[n][d];
        float[][] act = new float[n][k];
        float[] rew = new float[n];
        boolean[] term = new boolean[n];
        boolean[] time = new boolean[n];
        int row = 0;
        for (int i = 0; i < ref.numEpisodes(); i++) {
            for (int t = 0; t < ref.episodeLength(i); t++, row++) {
                ref.observation(i, t, obs[row]);
                if (ref.discrete()) {
                    act[row][0] = ref.discreteAction(i, t);
                } else {
                    ref.action(i, t, act[row]);
                }
                rew[row] = (float) ref.reward(i, t);
                term[row] = ref.terminated(i, t);
                time[row] = ref.truncated(i, t);
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("observations", obs);
        m.put("actions", act);
        m.put("rewards", rew);
        m.put("terminals", term);
        m.put("timeouts", time);
        D4rlDataset r = D4rlReader.readDataset(write(tmp.resolve("no-next-" + file.getFileName()), m), kind);
        EpisodeDataset ds = r.episodes();
        int e = 0;
        int dropped = 0;
        float[] a = new float[d];
        float[] b = new float[d];
        for (int i = 0; i < ref.numEpisodes(); i++) {
            int len = ref.episodeLength(i);
            boolean terminal = ref.terminated(i, len - 1);
            int kept = terminal ? len : len - 1;
            dropped += len - kept;
            if (kept == 0) {
                continue;
            }
            assertEquals(kept, ds.episodeLength(e), "length of episode " + i);
            for (int t = 0; t < kept; t++) {
                ref.observation(i, t, a);
                ds.observation(e, t, b);
                assertArrayEquals(a, b);
                ref.nextObservation(i, t, a);
                ds.nextObservation(e, t, b);
                if (!(terminal && t == kept - 1)) {
                    assertArrayEquals(a, b, "next observation " + t + " of episode " + i);
                }
                assertEquals(ref.reward(i, t), ds.reward(e, t), 0.0);
            }
            assertEquals(terminal, ds.terminated(e, kept - 1));
            assertEquals(!terminal, ds.truncated(e, kept - 1));
            e++;
        }
        assertEquals(e, ds.numEpisodes());
        assertEquals(dropped, r.droppedRows());
        return dropped;
    }

    @Test
    void badFilesNameTheFileFieldAndRow() {
        boolean[] term = {false, false, true, false};
        boolean[] time = {false, false, false, true};

        Map<String, Object> missing = rows(term, time, true);
        missing.remove("rewards");
        Path f1 = write(tmp.resolve("missing.hdf5"), missing);
        assertMessage(f1, "field rewards", "missing");

        Map<String, Object> shorter = rows(term, time, true);
        shorter.put("actions", new float[][] {{0}, {1}, {0}});
        Path f2 = write(tmp.resolve("short.hdf5"), shorter);
        assertMessage(f2, "field actions", "has length 3, expected 4");

        Map<String, Object> nan = rows(term, time, false);
        ((float[][]) nan.get("observations"))[2][0] = Float.NaN;
        Path f3 = write(tmp.resolve("nan.hdf5"), nan);
        assertMessage(f3, "row 2, field observations", "NaN");

        Map<String, Object> nanNext = rows(term, time, true);
        ((float[][]) nanNext.get("next_observations"))[3][0] = Float.POSITIVE_INFINITY;
        assertMessage(write(tmp.resolve("inf.hdf5"), nanNext), "row 3, field next_observations", "Infinity");

        Map<String, Object> nanReward = rows(term, time, true);
        ((float[]) nanReward.get("rewards"))[1] = Float.NaN;
        assertMessage(write(tmp.resolve("nanr.hdf5"), nanReward), "row 1, field rewards", "NaN");

        Map<String, Object> nanAction = rows(term, time, true);
        ((float[][]) nanAction.get("actions"))[0][0] = Float.NaN;
        assertMessage(write(tmp.resolve("nana.hdf5"), nanAction), "row 0, field actions", "NaN");
    }

    private static void assertMessage(Path f, String... parts) {
        QuiverUserException e = assertThrows(QuiverUserException.class, () -> D4rlReader.read(f));
        assertTrue(e.getMessage().contains(f.toString()), e.getMessage());
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), "'" + p + "' not in: " + e.getMessage());
        }
    }
}
