package dev.quiver.nn.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.quiver.core.error.QuiverUserException;
import dev.quiver.core.seed.Seeds;
import dev.quiver.core.state.NamedArrays;
import dev.quiver.nn.net.Mlp;
import dev.quiver.nn.net.Network;
import dev.quiver.nn.optim.Adam;
import dev.quiver.nn.optim.Optimizer;
import dev.quiver.nn.train.GradientStep;
import dev.quiver.nn.train.LossFunction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.RestorableUniformRandomProvider;
import org.apache.commons.rng.core.RandomProviderDefaultState;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointTest {
    private static final Mlp SPEC = Mlp.of(3, 2, 16);

    @TempDir
    Path tmp;

    /** A regression batch drawn from {@code rng} (whose state the checkpoint carries). */
    private static LossFunction batch(Network net, RestorableUniformRandomProvider rng) {
        return sub -> {
            float[] x = new float[16 * 3];
            float[] y = new float[16 * 2];
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) rng.nextDouble();
            }
            for (int i = 0; i < 16; i++) {
                y[2 * i] = x[3 * i] - x[3 * i + 1];
                y[2 * i + 1] = x[3 * i + 2] * x[3 * i];
            }
            NDArray d = net.forward(sub.create(x, new Shape(16, 3)), true).sub(sub.create(y, new Shape(16, 2)));
            return d.square().mean();
        };
    }

    @Test
    void resumesExactlyWhereItStopped() {
        float[] straight = new float[60];
        try (Network net = Network.create(SPEC, Seeds.of(4)); Optimizer opt = new Adam(Adam.Config.adam(1e-2), net)) {
            RestorableUniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(77L);
            GradientStep step = new GradientStep(opt, net.manager(), 1.0);
            for (int s = 0; s < 60; s++) {
                straight[s] = step.step(batch(net, rng)).loss();
            }
        }
        float[] resumed = new float[60];
        Path dir = tmp.resolve("ckpt");
        try (Network net = Network.create(SPEC, Seeds.of(4)); Optimizer opt = new Adam(Adam.Config.adam(1e-2), net)) {
            RestorableUniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(77L);
            GradientStep step = new GradientStep(opt, net.manager(), 1.0);
            for (int s = 0; s < 30; s++) {
                resumed[s] = step.step(batch(net, rng)).loss();
            }
            new CheckpointWriter().algorithm("test").step(30).config(Map.of("lr", 1e-2, "hidden", List.of(16)))
                    .network("net", net).optimizer("opt", opt)
                    .rngState("batches", ((RandomProviderDefaultState) rng.saveState()).getState()).write(dir);
        }
        CheckpointReader ck = CheckpointReader.open(dir);
        assertEquals(30, ck.step());
        assertEquals("test", ck.algorithm());
        assertEquals(0.01, (Double) ck.config().get("lr"));
        try (Network net = Network.create(SPEC, Seeds.of(999)); Optimizer opt = new Adam(Adam.Config.adam(1e-2), net)) {
            ck.restore("net", net);
            ck.restore("opt", opt);
            assertEquals(30, opt.stepCount());
            RestorableUniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(0L);
            rng.restoreState(new RandomProviderDefaultState(ck.rngState("batches")));
            GradientStep step = new GradientStep(opt, net.manager(), 1.0);
            for (int s = 30; s < 60; s++) {
                resumed[s] = step.step(batch(net, rng)).loss();
            }
        }
        assertArrayEquals(straight, resumed);
    }

    @Test
    void saveLoadGivesIdenticalParametersAndOutputsAndReplacesAtomically() throws Exception {
        Path dir = tmp.resolve("c");
        try (Network a = Network.create(SPEC, Seeds.of(1)); Network b = Network.create(SPEC, Seeds.of(2))) {
            new CheckpointWriter().network("q", a).write(dir);
            new CheckpointWriter().network("q", a).step(5).write(dir); // replaces the first one
            try (var files = Files.list(tmp)) {
                assertEquals(List.of(dir), files.toList(), "no temporary directories left behind");
            }
            CheckpointReader.open(dir).restore("q", b);
            List<NDArray> pa = a.parameterList();
            List<NDArray> pb = b.parameterList();
            for (int i = 0; i < pa.size(); i++) {
                assertArrayEquals(pa.get(i).toFloatArray(), pb.get(i).toFloatArray());
            }
            try (NDManager sub = a.manager().newSubManager()) {
                NDArray x = sub.randomUniform(-1, 1, new Shape(5, 3));
                assertArrayEquals(a.forward(x).toFloatArray(), b.forward(x).toFloatArray());
            }
            String manifest = Files.readString(dir.resolve("manifest.json"));
            assertTrue(manifest.contains("\"formatVersion\": 1") && manifest.contains("\"pytorch\""), manifest);
        }
    }

    @Test
    void mismatchedOrCorruptCheckpointsAreClearErrors() throws Exception {
        Path dir = tmp.resolve("c");
        try (Network a = Network.create(SPEC, Seeds.of(1));
                Network other = Network.create(Mlp.of(3, 2, 8), Seeds.of(1))) {
            new CheckpointWriter().network("q", a).write(dir);
            QuiverUserException e = assertThrows(QuiverUserException.class,
                    () -> CheckpointReader.open(dir).restore("q", other));
            assertTrue(e.getMessage().contains("01Linear_weight") && e.getMessage().contains("expected [8, 3]"),
                    e.getMessage());
            e = assertThrows(QuiverUserException.class, () -> CheckpointReader.open(dir).restore("pi", a));
            assertTrue(e.getMessage().contains("'pi'") && e.getMessage().contains("[q]"), e.getMessage());
            Path tensors = dir.resolve(CheckpointReader.TENSORS);
            byte[] raw = Files.readAllBytes(tensors);
            Files.write(tensors, java.util.Arrays.copyOf(raw, raw.length - 10));
            assertThrows(QuiverUserException.class, () -> CheckpointReader.open(dir));
            e = assertThrows(QuiverUserException.class, () -> CheckpointReader.open(tmp.resolve("nothing")));
            assertTrue(e.getMessage().contains("manifest.json"));
            assertFalse(Files.exists(tmp.resolve("nothing")));
        }
    }

    /** Named arrays of every kind come back under their names, without the prefix, bit for bit. */
    @Test
    void namedArraysRoundTripUnderAPrefix() {
        Path dir = tmp.resolve("arrays");
        NamedArrays env = new NamedArrays("test").put("obs", new float[] {1.5f, Float.NaN, -0f})
                .put("x", new double[] {Math.PI, -1e-300}).put("elapsed", new int[] {3, 499})
                .put("length", new long[] {Long.MAX_VALUE}).put("done", new boolean[] {true, false})
                .put("rng", new byte[] {-128, 0, 127});
        NamedArrays other = new NamedArrays("test").put("x", new double[] {2});
        new CheckpointWriter().arrays("env/", env).arrays("ppo/", other).array("plain", Tensor.ofInts(new int[] {1}, 1))
                .write(dir);
        CheckpointReader r = CheckpointReader.open(dir);
        NamedArrays back = r.arrays("env/");
        assertEquals(env, back);
        assertEquals(List.copyOf(env.names()).stream().sorted().toList(), back.names().stream().sorted().toList());
        assertArrayEquals(new byte[] {-128, 0, 127}, back.bytes("rng", 3));
        assertEquals(other, r.arrays("ppo/"));
        assertEquals(Tensor.ofBytes(new byte[] {-128, 0, 127}, 3), r.array("env/rng"));
        QuiverUserException e = assertThrows(QuiverUserException.class, () -> back.doubles("obs", 3));
        assertTrue(e.getMessage().contains("'obs' holds float[], expected double[]")
                && e.getMessage().contains(dir.getFileName().toString()), e.getMessage());
        e = assertThrows(QuiverUserException.class, () -> back.ints("elapsed", 4));
        assertTrue(e.getMessage().contains("'elapsed' has 2 values, expected 4"), e.getMessage());
        e = assertThrows(QuiverUserException.class, () -> back.longs("steps", 1));
        assertTrue(e.getMessage().contains("no array 'steps'"), e.getMessage());
    }
}
