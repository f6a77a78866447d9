package dev.quiver.data.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.core.error.QuiverUserException;
import dev.quiver.core.space.Box;
import dev.quiver.core.space.Discrete;
import dev.quiver.data.dataset.EpisodeDataset;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads the h5py-written fixtures in {@code shared/data/minari-format} (skipped when absent) and checks
 * them against {@code episode_returns.csv}.
 */
class ReadersTest {

    /** {@code shared/data/minari-format} from the module or the repository root, or null. */
    static Path dataDir() {
        for (String c : List.of("../../shared/data/minari-format", "../shared/data/minari-format")) {
            if (Files.isRegularFile(Path.of(c, "episode_returns.csv"))) {
                return Path.of(c);
            }
        }
        return null;
    }

    private static Path requireData() {
        Path dir = dataDir();
        Assumptions.assumeTrue(dir != null, "shared/data/minari-format not found: skipped");
        return dir;
    }

    /** {steps, return} per episode of {@code dataset}, from episode_returns.csv. */
    private static List<double[]> expected(Path dir, String dataset) throws IOException {
        List<double[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("episode_returns.csv"))) {
            String[] f = line.split(",");
            if (f[0].equals(dataset)) {
                assertEquals(rows.size(), Integer.parseInt(f[1]), "csv episodes in order");
                rows.add(new double[] {Integer.parseInt(f[2]), Double.parseDouble(f[3])});
            }
        }
        assertFalse(rows.isEmpty(), "no rows for " + dataset);
        return rows;
    }

    private static void assertMatches(List<double[]> want, EpisodeDataset ds, double relTol) {
        assertEquals(want.size(), ds.numEpisodes(), "episodes");
        for (int i = 0; i < want.size(); i++) {
            assertEquals((int) want.get(i)[0], ds.episodeLength(i), "length of episode " + i);
            double r = want.get(i)[1];
            assertEquals(r, ds.episodeReturn(i), relTol * Math.max(1.0, Math.abs(r)), "return of episode " + i);
        }
    }

    @Test
    void readsMinariCartPole() throws IOException {
        Path dir = requireData();
        MinariDataset m = MinariReader.readDataset(dir.resolve("cartpole-mixed-v0"));
        EpisodeDataset ds = m.episodes();
        assertMatches(expected(dir, "cartpole-mixed-v0"), ds, 1e-9);
        assertEquals("cartpole-mixed-v0", m.metadata().datasetId());
        assertEquals(new Discrete(2), m.metadata().actionSpace());
        Box<?> obs = assertInstanceOf(Box.class, m.metadata().observationSpace());
        assertArrayEquals(new int[] {4}, obs.shape());
        assertEquals(4, ds.obsDim());
        assertTrue(ds.discrete());
        assertEquals(m.metadata().totalSteps(), ds.numSteps());
        for (int i = 0; i < ds.numEpisodes(); i++) {
            int last = ds.episodeLength(i) - 1;
            assertTrue(ds.terminated(i, last) || ds.truncated(i, last), "episode " + i + " ends with a flag");
            for (int t = 0; t < ds.episodeLength(i); t++) {
                int a = ds.discreteAction(i, t);
                assertTrue(a == 0 || a == 1);
            }
        }
        // the data directory itself is accepted too
        assertEquals(ds.numSteps(), MinariReader.read(dir.resolve("cartpole-mixed-v0/data")).numSteps());
    }

    @Test
    void readsMinariPendulum() throws IOException {
        Path dir = requireData();
        MinariDataset m = MinariReader.readDataset(dir.resolve("pendulum-mixed-v0"));
        EpisodeDataset ds = m.episodes();
        assertMatches(expected(dir, "pendulum-mixed-v0"), ds, 1e-9);
        Box<?> act = assertInstanceOf(Box.class, m.metadata().actionSpace());
        assertArrayEquals(new int[] {1}, act.shape());
        assertEquals(-2.0, act.low(0));
        assertEquals(2.0, act.high(0));
        Box<?> obs = assertInstanceOf(Box.class, m.metadata().observationSpace());
        assertArrayEquals(new int[] {3}, obs.shape());
        assertFalse(ds.discrete());
        assertEquals(1, ds.actDim());
        assertEquals(3, ds.obsDim());
        for (int i = 0; i < ds.numEpisodes(); i++) {
            assertTrue(ds.truncated(i, ds.episodeLength(i) - 1), "pendulum episodes end by time limit");
        }
    }

    @Test
    void readsD4rlCartPoleAsDiscreteAndMatchesMinari() throws IOException {
        Path dir = requireData();
        EpisodeDataset ds = D4rlReader.read(dir.resolve("cartpole-mixed-d4rl.hdf5"), D4rlReader.ActionKind.DISCRETE);
        assertMatches(expected(dir, "cartpole-mixed-v0"), ds, 1e-6);
        assertTrue(ds.discrete());
        assertEquals(4, ds.obsDim());
        EpisodeDataset minari = MinariReader.read(dir.resolve("cartpole-mixed-v0"));
        float[] a = new float[4];
        float[] b = new float[4];
        for (int i = 0; i < ds.numEpisodes(); i++) {
            int len = ds.episodeLength(i);
            for (int t = 0; t <= len; t++) {
                ds.observation(i, t, a);
                minari.observation(i, t, b);
                assertArrayEquals(b, a, "observation " + t + " of episode " + i);
            }
            for (int t = 0; t < len; t++) {
                assertEquals(minari.discreteAction(i, t), ds.discreteAction(i, t));
            }
            assertEquals(minari.terminated(i, len - 1), ds.terminated(i, len - 1));
            assertEquals(minari.truncated(i, len - 1), ds.truncated(i, len - 1));
        }
        EpisodeDataset explicit = D4rlReader.readDiscrete(dir.resolve("cartpole-mixed-d4rl.hdf5"), 2);
        assertEquals(ds.numSteps(), explicit.numSteps());
        // as continuous, the float actions are kept
        EpisodeDataset cont = D4rlReader.read(dir.resolve("cartpole-mixed-d4rl.hdf5"), D4rlReader.ActionKind.CONTINUOUS);
        assertEquals(1, cont.actDim());
    }

    @Test
    void readsD4rlPendulum() throws IOException {
        Path dir = requireData();
        EpisodeDataset ds = D4rlReader.read(dir.resolve("pendulum-mixed-d4rl.hdf5"), D4rlReader.ActionKind.CONTINUOUS);
        // float32 rewards summed over 200 steps: ~1e-7 relative per reward
        assertMatches(expected(dir, "pendulum-mixed-v0"), ds, 1e-5);
        assertEquals(3, ds.obsDim());
        assertEquals(1, ds.actDim());
        QuiverUserException e = assertThrows(QuiverUserException.class,
                () -> D4rlReader.read(dir.resolve("pendulum-mixed-d4rl.hdf5"), D4rlReader.ActionKind.DISCRETE));
        assertTrue(e.getMessage().contains("pendulum-mixed-d4rl.hdf5") && e.getMessage().contains("actions"),
                e.getMessage());
    }

    @Test
    void truncatedHdf5NamesTheFile(@TempDir Path tmp) throws IOException {
        Path dir = requireData();
        Path d4rl = tmp.resolve("cut-d4rl.hdf5");
        Files.copy(dir.resolve("cartpole-mixed-d4rl.hdf5"), d4rl);
        try (RandomAccessFile f = new RandomAccessFile(d4rl.toFile(), "rw")) {
            f.setLength(f.length() / 2);
        }
        QuiverUserException e = assertThrows(QuiverUserException.class,
                () -> D4rlReader.read(d4rl, D4rlReader.ActionKind.DISCRETE));
        assertTrue(e.getMessage().contains(d4rl.toString()), e.getMessage());

        Path data = Files.createDirectories(tmp.resolve("cut-v0/data"));
        Files.copy(dir.resolve("cartpole-mixed-v0/data/metadata.json"), data.resolve("metadata.json"));
        Path h5 = data.resolve("main_data.hdf5");
        Files.copy(dir.resolve("cartpole-mixed-v0/data/main_data.hdf5"), h5);
        try (RandomAccessFile f = new RandomAccessFile(h5.toFile(), "rw")) {
            f.setLength(f.length() / 2);
        }
        e = assertThrows(QuiverUserException.class, () -> MinariReader.read(tmp.resolve("cut-v0")));
        assertTrue(e.getMessage().contains(h5.toString()), e.getMessage());

        // a file that is not HDF5 at all
        Path junk = tmp.resolve("junk.hdf5");
        Files.writeString(junk, "not an hdf5 file");
        e = assertThrows(QuiverUserException.class, () -> D4rlReader.read(junk, D4rlReader.ActionKind.CONTINUOUS));
        assertTrue(e.getMessage().contains(junk.toString()), e.getMessage());
    }

    @Test
    void missingFilesNameTheFile(@TempDir Path tmp) throws IOException {
        Path dir = requireData();
        Path data = Files.createDirectories(tmp.resolve("nometa-v0/data"));
        Files.copy(dir.resolve("cartpole-mixed-v0/data/main_data.hdf5"), data.resolve("main_data.hdf5"));
        QuiverUserException e = assertThrows(QuiverUserException.class, () -> MinariReader.read(tmp.resolve("nometa-v0")));
        assertTrue(e.getMessage().contains(data.resolve("metadata.json").toString()), e.getMessage());

        Path data2 = Files.createDirectories(tmp.resolve("nodata-v0/data"));
        Files.copy(dir.resolve("cartpole-mixed-v0/data/metadata.json"), data2.resolve("metadata.json"));
        e = assertThrows(QuiverUserException.class, () -> MinariReader.read(tmp.resolve("nodata-v0")));
        assertTrue(e.getMessage().contains(data2.resolve("main_data.hdf5").toString()), e.getMessage());

        Path none = tmp.resolve("absent.hdf5");
        e = assertThrows(QuiverUserException.class, () -> D4rlReader.read(none, D4rlReader.ActionKind.CONTINUOUS));
        assertTrue(e.getMessage().contains(none.toString()), e.getMessage());
    }

    @Test
    void metadataMismatchAndUnsupportedSpaceAreReported(@TempDir Path tmp) throws IOException {
        Path dir = requireData();
        String meta = Files.readString(dir.resolve("cartpole-mixed-v0/data/metadata.json"));

        Path data = Files.createDirectories(tmp.resolve("steps-v0/data"));
        Files.copy(dir.resolve("cartpole-mixed-v0/data/main_data.hdf5"), data.resolve("main_data.hdf5"));
        Files.writeString(data.resolve("metadata.json"), meta.replace("\"total_steps\": 1966", "\"total_steps\": 1967"));
        QuiverUserException e = assertThrows(QuiverUserException.class, () -> MinariReader.read(tmp.resolve("steps-v0")));
        assertTrue(e.getMessage().contains("total_steps") && e.getMessage().contains("1967"), e.getMessage());

        Path data2 = Files.createDirectories(tmp.resolve("space-v0/data"));
        Files.copy(dir.resolve("cartpole-mixed-v0/data/main_data.hdf5"), data2.resolve("main_data.hdf5"));
        Files.writeString(data2.resolve("metadata.json"), meta.replace("\\\"type\\\": \\\"Discrete\\\"",
                "\\\"type\\\": \\\"MultiBinary\\\""));
        e = assertThrows(QuiverUserException.class, () -> MinariReader.read(tmp.resolve("space-v0")));
        assertTrue(e.getMessage().contains("metadata.json") && e.getMessage().contains("action_space")
                && e.getMessage().contains("MultiBinary"), e.getMessage());

        // wrong observation width: the dataset's shape does not match observation_space
        Path data3 = Files.createDirectories(tmp.resolve("shape-v0/data"));
        Files.copy(dir.resolve("cartpole-mixed-v0/data/main_data.hdf5"), data3.resolve("main_data.hdf5"));
        Files.writeString(data3.resolve("metadata.json"), meta.replace("\\\"shape\\\": [4]", "\\\"shape\\\": [5]")
                .replace("\\\"low\\\": [", "\\\"low\\\": [0.0, ").replace("\\\"high\\\": [", "\\\"high\\\": [0.0, "));
        e = assertThrows(QuiverUserException.class, () -> MinariReader.read(tmp.resolve("shape-v0")));
        assertTrue(e.getMessage().contains("main_data.hdf5") && e.getMessage().contains("episode 0")
                && e.getMessage().contains("observations"), e.getMessage());
    }
}
