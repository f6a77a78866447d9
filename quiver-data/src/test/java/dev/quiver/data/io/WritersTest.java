package dev.quiver.data.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.quiver.core.error.QuiverUserException;
import dev.quiver.core.space.Box;
import dev.quiver.core.space.Discrete;
import dev.quiver.core.space.Space;
import dev.quiver.data.dataset.EpisodeDataset;
import io.jhdf.HdfFile;
import io.jhdf.api.Group;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Minari and D4RL writers: round trips through our readers, the exact metadata layout, atomicity. */
class WritersTest {
    @TempDir
    Path tmp;

    static final Box<float[]> OBS4 = Box.float32(-2, 2, 4);
    static final Discrete ACT2 = new Discrete(2);

    @Test
    void minariRoundTripIsExactForDiscreteAndContinuousActions() {
        List<Space<?>[]> cases = List.of(
                new Space<?>[] {OBS4, ACT2},
                new Space<?>[] {Box.float32(-2, 2, 3), Box.float32(-1, 1, 2)},
                // a float64 box of shape [2, 3] and actions of shape [2, 1], and actions starting at -1
                new Space<?>[] {Box.float64(-2, 2, 2, 3), Box.float64(-1, 1, 2, 1)},
                new Space<?>[] {OBS4, new Discrete(3, -1)});
        int k = 0;
        for (Space<?>[] c : cases) {
            EpisodeDataset data = Datasets.random(10 + k, c[0], c[1], 7, 30, false);
            Path dir = tmp.resolve("case-" + k++);
            List<OptionalLong> seeds = new ArrayList<>();
            for (int i = 0; i < data.numEpisodes(); i++) {
                seeds.add(i == 2 ? OptionalLong.empty() : OptionalLong.of(100 + i));
            }
            MinariWriter.of("test/case-v0", c[0], c[1]).withEpisodeSeeds(seeds).withMetadata("algorithm_name", "random")
                    .write(dir, data);
            MinariDataset read = MinariReader.readDataset(dir);
            Datasets.assertSame(data, read.episodes());
            assertEquals(c[0], read.metadata().observationSpace(), "observation space");
            assertEquals(c[1], read.metadata().actionSpace(), "action space");
            assertEquals("test/case-v0", read.metadata().datasetId());
            try (HdfFile h = new HdfFile(dir.resolve("data/main_data.hdf5"))) {
                Group g0 = (Group) h.getChild("episode_0");
                assertEquals(0L, g0.getAttribute("id").getData());
                assertEquals(100L, g0.getAttribute("seed").getData());
                assertEquals((long) data.episodeLength(0), g0.getAttribute("total_steps").getData());
                assertNull(((Group) h.getChild("episode_2")).getAttribute("seed"), "no seed when reset without one");
                Box<?> obs = (Box<?>) c[0];
                int[] dims = ((io.jhdf.api.Dataset) g0.getChild("observations")).getDimensions();
                assertEquals(data.episodeLength(0) + 1, dims[0]);
                assertArrayEquals(obs.shape(), java.util.Arrays.copyOfRange(dims, 1, dims.length), "observation shape");
            }
        }
    }

    @Test
    void metadataLaysOutSpacesExactlyAsMinariDoes() throws IOException {
        Path dir = ReadersTest.dataDir();
        Assumptions.assumeTrue(dir != null, "shared/data/minari-format not found: skipped");
        for (String name : List.of("cartpole-mixed-v0", "pendulum-mixed-v0")) {
            Path meta = dir.resolve(name).resolve("data/metadata.json");
            JsonObject raw = JsonParser.parseString(Files.readString(meta)).getAsJsonObject();
            MinariMetadata m = MinariReader.readMetadata(meta);
            assertEquals(raw.get("observation_space").getAsString(), MinariJson.space(m.observationSpace(), "t"), name);
            assertEquals(raw.get("action_space").getAsString(), MinariJson.space(m.actionSpace(), "t"), name);

            // the whole fixture written again: same episodes, and metadata.json keys in Minari's order
            MinariDataset fixture = MinariReader.readDataset(dir.resolve(name));
            Path out = tmp.resolve(name);
            MinariWriter.of(name, m.observationSpace(), m.actionSpace()).withMetadata("author", "quiver fixtures")
                    .write(out, fixture.episodes());
            Datasets.assertSame(fixture.episodes(), MinariReader.read(out));
            String written = Files.readString(out.resolve("data/metadata.json"));
            String original = Files.readString(meta);
            assertEquals(original, written, "metadata.json as h5py/json.dumps wrote it for the fixture");
        }
    }

    @Test
    void pythonFloatReprMatchesPython() {
        // values and the strings Python's repr gives for them
        assertEquals("4.800000190734863", MinariJson.pyFloat((float) 4.8));
        assertEquals("3.4028234663852886e+38", MinariJson.pyFloat(Float.MAX_VALUE));
        assertEquals("-3.4028234663852886e+38", MinariJson.pyFloat(-Float.MAX_VALUE));
        assertEquals("1e-05", MinariJson.pyFloat(1e-5));
        assertEquals("0.0001", MinariJson.pyFloat(1e-4));
        assertEquals("1e+16", MinariJson.pyFloat(1e16));
        assertEquals("1000000000000000.0", MinariJson.pyFloat(1e15));
        assertEquals("2.0", MinariJson.pyFloat(2));
        assertEquals("-0.0", MinariJson.pyFloat(-0.0));
        assertEquals("Infinity", MinariJson.pyFloat(Double.POSITIVE_INFINITY));
        assertEquals("0.1", MinariJson.pyFloat(0.1));
        assertEquals("{\"type\": \"Box\", \"dtype\": \"float32\", \"shape\": [2], \"low\": [-Infinity, 0.0], \"high\":"
                + " [Infinity, 1.5]}", MinariJson.space(Box.float32(new double[] {Double.NEGATIVE_INFINITY, 0},
                        new double[] {Double.POSITIVE_INFINITY, 1.5}), "t"));
        assertEquals("{\"type\": \"Box\", \"dtype\": \"float64\", \"shape\": [2, 1], \"low\": [[-1.0], [-1.0]],"
                + " \"high\": [[1.0], [1.0]]}", MinariJson.space(Box.float64(-1, 1, 2, 1), "t"));
        StringBuilder sb = new StringBuilder();
        MinariJson.string(sb, "a\"b\\c\né\u007f");
        assertEquals("\"a\\\"b\\\\c\\n\\u00e9\\u007f\"", sb.toString());
    }

    @Test
    void unboundedBoxesRoundTripThroughMetadata() {
        Box<float[]> obs = Box.float32(new double[] {Double.NEGATIVE_INFINITY, -1}, new double[] {Double.POSITIVE_INFINITY,
            1});
        EpisodeDataset data = Datasets.random(3, Box.float32(-1, 1, 2), ACT2, 3, 5, false);
        MinariWriter.of("inf-v0", obs, ACT2).write(tmp.resolve("inf"), data);
        assertEquals(obs, MinariReader.readDataset(tmp.resolve("inf")).metadata().observationSpace());
    }

    @Test
    void d4rlRoundTripIsExactWithFloat32Rewards() {
        EpisodeDataset data = Datasets.random(5, OBS4, ACT2, 9, 25, true);
        Path f = tmp.resolve("cartpole.hdf5");
        D4rlWriter.of(OBS4, ACT2).withAttribute("env_id", "CartPole-v1").write(f, data);
        D4rlDataset read = D4rlReader.readDataset(f);
        assertEquals(ACT2, read.actionSpace());
        assertEquals(OBS4, read.observationSpace());
        assertEquals(0, read.droppedRows());
        assertFalse(read.nextObservationsReconstructed());
        EpisodeDataset back = read.episodes();
        assertTrue(back.discrete(), "discrete actions from the action_space attribute");
        // episodes cut by the end of collection (i % 3 == 2) come back truncated: D4RL has no other end marker
        EpisodeDataset.Builder expected = EpisodeDataset.discreteBuilder(4, 2);
        for (int i = 0; i < data.numEpisodes(); i++) {
            EpisodeDataset.Episode e = data.episode(i);
            boolean[] trunc = e.truncations().clone();
            trunc[trunc.length - 1] |= !e.terminations()[trunc.length - 1];
            expected.addEpisode(e.observations(), e.discreteActions(), e.rewards(), e.terminations(), trunc);
        }
        Datasets.assertSame(expected.build(), back);

        Box<float[]> act = Box.float32(-1, 1, 2);
        EpisodeDataset cont = Datasets.random(6, Box.float32(-2, 2, 3), act, 6, 20, true);
        Path g = tmp.resolve("pendulum.hdf5");
        D4rlWriter.plain().write(g, cont);
        EpisodeDataset contBack = D4rlReader.read(g);
        assertEquals(2, contBack.actDim());
        for (int i = 0; i < cont.numEpisodes(); i++) {
            EpisodeDataset.Episode e = cont.episode(i);
            EpisodeDataset.Episode b = contBack.episode(i);
            assertArrayEquals(e.observations(), b.observations());
            assertArrayEquals(e.continuousActions(), b.continuousActions());
            assertArrayEquals(e.rewards(), b.rewards());
        }
    }

    @Test
    void d4rlRewardsAreFloat32() {
        EpisodeDataset data = Datasets.random(7, OBS4, ACT2, 3, 10, false);
        Path f = tmp.resolve("r.hdf5");
        D4rlWriter.plain().write(f, data);
        EpisodeDataset back = D4rlReader.read(f, D4rlReader.ActionKind.DISCRETE);
        for (int i = 0; i < data.numEpisodes(); i++) {
            for (int t = 0; t < data.episodeLength(i); t++) {
                assertEquals((double) (float) data.reward(i, t), back.reward(i, t), 0.0);
            }
        }
    }

    @Test
    void aFailedWriteLeavesNothingBehind() throws IOException {
        EpisodeDataset data = Datasets.random(8, OBS4, ACT2, 4, 10, false);
        Path parent = Files.createDirectories(tmp.resolve("out"));
        Path dir = parent.resolve("ds");
        RuntimeException boom = assertThrows(IllegalStateException.class, () -> MinariWriter.of("ds", OBS4, ACT2)
                .beforeCommit(() -> {
                    throw new IllegalStateException("disk pulled out");
                }).write(dir, data));
        assertEquals("disk pulled out", boom.getMessage());
        assertEmpty(parent);

        Path file = parent.resolve("ds.hdf5");
        assertThrows(IllegalStateException.class, () -> D4rlWriter.of(OBS4, ACT2).beforeCommit(() -> {
            throw new IllegalStateException("disk pulled out");
        }).write(file, data));
        assertEmpty(parent);

        // data that does not match the spaces fails before anything is written
        QuiverUserException e = assertThrows(QuiverUserException.class,
                () -> MinariWriter.of("ds", Box.float32(-1, 1, 5), ACT2).write(dir, data));
        assertTrue(e.getMessage().contains("observation space"), e.getMessage());
        e = assertThrows(QuiverUserException.class, () -> MinariWriter.of("ds", OBS4, new Discrete(1)).write(dir, data));
        assertTrue(e.getMessage().contains("field actions"), e.getMessage());
        assertEmpty(parent);
    }

    @Test
    void existingTargetsAreNotReplaced() throws IOException {
        EpisodeDataset data = Datasets.random(9, OBS4, ACT2, 2, 5, false);
        Path dir = Files.createDirectories(tmp.resolve("taken"));
        Files.writeString(dir.resolve("keep.txt"), "mine");
        QuiverUserException e = assertThrows(QuiverUserException.class,
                () -> MinariWriter.of("x", OBS4, ACT2).write(dir, data));
        assertTrue(e.getMessage().contains("already exists") && e.getMessage().contains(dir.toString()), e.getMessage());
        assertEquals("mine", Files.readString(dir.resolve("keep.txt")));
        Path f = tmp.resolve("taken.hdf5");
        Files.writeString(f, "mine");
        assertThrows(QuiverUserException.class, () -> D4rlWriter.plain().write(f, data));
        assertEquals("mine", Files.readString(f));
    }

    private static void assertEmpty(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> left = s.toList();
            assertTrue(left.isEmpty(), "left behind: " + left);
        }
    }
}
