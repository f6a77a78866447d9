package dev.quiver.data.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.quiver.core.space.Box;
import dev.quiver.core.space.Discrete;
import dev.quiver.data.dataset.EpisodeDataset;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads files our writers wrote with the reference tools, when they are installed (skipped otherwise):
 * {@code h5dump} (Debian {@code hdf5-tools}) and Python's {@code h5py} ({@code python3-h5py}), reading the
 * Minari directory the way Minari's HDF5 storage does ({@code json.load} of metadata.json, one
 * {@code group[key][()]} per field) and the D4RL file the way d4rl's {@code get_dataset} does.
 */
class PythonInteropTest {
    @TempDir
    Path tmp;

    /** A Python interpreter with h5py, or null: {@code python3} on the PATH, else Debian's {@code /usr/bin/python3}. */
    static String pythonWithH5py() {
        for (String py : List.of("python3", "/usr/bin/python3")) {
            if (run(List.of(py, "-c", "import h5py, numpy"), null).code == 0) {
                return py;
            }
        }
        return null;
    }

    record Result(int code, String out) {
    }

    static Result run(List<String> cmd, String stdin) {
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
            Process p = pb.start();
            if (stdin != null) {
                p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
            }
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(-1, "timed out");
            }
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Result(-1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, e.toString());
        }
    }

    private static final String READ_MINARI = """
            import h5py, json, sys
            import numpy as np
            d = sys.argv[1]
            meta = json.load(open(d + '/data/metadata.json'))
            obs_space = json.loads(meta['observation_space'])
            act_space = json.loads(meta['action_space'])
            out = {'total_episodes': meta['total_episodes'], 'total_steps': meta['total_steps'],
                   'obs_low': np.array(obs_space['low'], dtype=obs_space['dtype']).reshape(obs_space['shape']).ravel().tolist(),
                   'act_type': act_space['type'], 'episodes': []}
            with h5py.File(d + '/data/main_data.hdf5', 'r') as f:
                for i in range(meta['total_episodes']):
                    g = f[f'episode_{i}']
                    ep = {k: g[k][()] for k in ('observations', 'actions', 'rewards', 'terminations', 'truncations')}
                    out['episodes'].append({
                        'attrs': {k: int(v) for k, v in g.attrs.items()},
                        'dtypes': {k: str(v.dtype) for k, v in ep.items()},
                        'obs_shape': list(ep['observations'].shape),
                        'observations': ep['observations'].astype(np.float64).ravel().tolist(),
                        'actions': ep['actions'].astype(np.float64).ravel().tolist(),
                        'rewards': ep['rewards'].tolist(),
                        'terminations': ep['terminations'].astype(bool).tolist(),
                        'truncations': ep['truncations'].astype(bool).tolist(),
                        'flag_values': sorted(set(ep['terminations'].tolist()) | set(ep['truncations'].tolist())),
                        'done': bool(np.logical_or(ep['terminations'], ep['truncations'])[-1]),
                    })
            print(json.dumps(out))
            """;

    private static final String READ_D4RL = """
            import h5py, json, sys
            import numpy as np
            data = {}
            with h5py.File(sys.argv[1], 'r') as f:
                f.visititems(lambda k, v: data.__setitem__(k, v[()]) if isinstance(v, h5py.Dataset) else None)
                attrs = {k: (v.decode() if isinstance(v, bytes) else str(v)) for k, v in f.attrs.items()}
            print(json.dumps({'keys': sorted(data), 'dtypes': {k: str(v.dtype) for k, v in data.items()},
                              'shapes': {k: list(v.shape) for k, v in data.items()},
                              'terminals': data['terminals'].astype(bool).tolist(),
                              'timeouts': data['timeouts'].astype(bool).tolist(),
                              'rewards': data['rewards'].astype(np.float64).tolist(),
                              'action_space': attrs.get('action_space')}))
            """;

    @Test
    void h5pyReadsOurMinariDataset() throws IOException {
        String py = pythonWithH5py();
        Assumptions.assumeTrue(py != null, "python3 with h5py not found (Debian: apt-get install python3-h5py): skipped");
        Box<float[]> obs = Box.float32(-2, 2, 3);
        Discrete act = new Discrete(3);
        EpisodeDataset data = Datasets.random(21, obs, act, 5, 12, false);
        List<OptionalLong> seeds = new ArrayList<>();
        for (int i = 0; i < data.numEpisodes(); i++) {
            seeds.add(OptionalLong.of(1000 + i));
        }
        Path dir = tmp.resolve("minari-v0");
        MinariWriter.of("minari-v0", obs, act).withEpisodeSeeds(seeds).write(dir, data);
        Path script = Files.writeString(tmp.resolve("read_minari.py"), READ_MINARI);
        Result r = run(List.of(py, script.toString(), dir.toString()), null);
        assertEquals(0, r.code(), r.out());
        JsonObject o = JsonParser.parseString(r.out().trim()).getAsJsonObject();
        assertEquals(data.numEpisodes(), o.get("total_episodes").getAsInt());
        assertEquals(data.numSteps(), o.get("total_steps").getAsInt());
        assertEquals("Discrete", o.get("act_type").getAsString());
        JsonArray eps = o.getAsJsonArray("episodes");
        for (int i = 0; i < data.numEpisodes(); i++) {
            JsonObject e = eps.get(i).getAsJsonObject();
            EpisodeDataset.Episode ep = data.episode(i);
            JsonObject dtypes = e.getAsJsonObject("dtypes");
            assertEquals("float32", dtypes.get("observations").getAsString());
            assertEquals("int64", dtypes.get("actions").getAsString());
            assertEquals("float64", dtypes.get("rewards").getAsString());
            // jhdf writes booleans as an 8-bit bitfield, which h5py reads as uint8 0/1 (h5py's own bools are an enum)
            assertEquals("uint8", dtypes.get("terminations").getAsString());
            assertEquals("uint8", dtypes.get("truncations").getAsString());
            assertTrue(List.of("[0]", "[0,1]").contains(e.get("flag_values").toString()), e.get("flag_values").toString());
            assertEquals(List.of(ep.length() + 1, 3), List.of(e.getAsJsonArray("obs_shape").get(0).getAsInt(),
                    e.getAsJsonArray("obs_shape").get(1).getAsInt()));
            assertArrayEquals(ep.observations(), floats(e.getAsJsonArray("observations")));
            assertArrayEquals(ep.rewards(), doubles(e.getAsJsonArray("rewards")));
            assertArrayEquals(ep.terminations(), bools(e.getAsJsonArray("terminations")));
            assertArrayEquals(ep.truncations(), bools(e.getAsJsonArray("truncations")));
            double[] a = doubles(e.getAsJsonArray("actions"));
            for (int t = 0; t < ep.length(); t++) {
                assertEquals(ep.discreteActions()[t], a[t]);
            }
            JsonObject attrs = e.getAsJsonObject("attrs");
            assertEquals(i, attrs.get("id").getAsInt());
            assertEquals(1000 + i, attrs.get("seed").getAsInt());
            assertEquals(ep.length(), attrs.get("total_steps").getAsInt());
            assertEquals(ep.terminations()[ep.length() - 1] || ep.truncations()[ep.length() - 1],
                    e.get("done").getAsBoolean());
        }
    }

    @Test
    void h5pyReadsOurD4rlFile() throws IOException {
        String py = pythonWithH5py();
        Assumptions.assumeTrue(py != null, "python3 with h5py not found (Debian: apt-get install python3-h5py): skipped");
        Box<float[]> obs = Box.float32(-2, 2, 3);
        Box<float[]> act = Box.float32(-1, 1, 2);
        EpisodeDataset data = Datasets.random(22, obs, act, 6, 12, true);
        Path f = tmp.resolve("d4rl.hdf5");
        D4rlWriter.of(obs, act).write(f, data);
        Path script = Files.writeString(tmp.resolve("read_d4rl.py"), READ_D4RL);
        Result r = run(List.of(py, script.toString(), f.toString()), null);
        assertEquals(0, r.code(), r.out());
        JsonObject o = JsonParser.parseString(r.out().trim()).getAsJsonObject();
        assertEquals("[\"actions\",\"next_observations\",\"observations\",\"rewards\",\"terminals\",\"timeouts\"]",
                o.get("keys").toString());
        int n = data.numSteps();
        assertEquals("[" + n + ",3]", o.getAsJsonObject("shapes").get("observations").toString());
        assertEquals("[" + n + ",2]", o.getAsJsonObject("shapes").get("actions").toString());
        assertEquals("float32", o.getAsJsonObject("dtypes").get("rewards").getAsString());
        assertEquals("uint8", o.getAsJsonObject("dtypes").get("terminals").getAsString());
        assertEquals(MinariJson.space(act, "t"), o.get("action_space").getAsString());
        boolean[] term = bools(o.getAsJsonArray("terminals"));
        double[] rew = doubles(o.getAsJsonArray("rewards"));
        int row = 0;
        for (int i = 0; i < data.numEpisodes(); i++) {
            for (int t = 0; t < data.episodeLength(i); t++, row++) {
                assertEquals(data.terminated(i, t), term[row]);
                assertEquals(data.reward(i, t), rew[row], 0.0);
            }
        }
    }

    @Test
    void h5dumpReadsOurFiles() {
        Assumptions.assumeTrue(run(List.of("h5dump", "--version"), null).code() == 0,
                "h5dump not found (Debian: apt-get install hdf5-tools): skipped");
        Box<float[]> obs = Box.float32(-2, 2, 2);
        Discrete act = new Discrete(2);
        EpisodeDataset data = Datasets.random(23, obs, act, 3, 4, false);
        Path dir = tmp.resolve("dump-v0");
        MinariWriter.of("dump-v0", obs, act).write(dir, data);
        Result r = run(List.of("h5dump", "-d", "/episode_0/terminations", dir.resolve("data/main_data.hdf5")
                .toString()), null);
        assertEquals(0, r.code(), r.out());
        assertTrue(r.out().contains("H5T_STD_B8LE"), r.out());
        Result all = run(List.of("h5dump", dir.resolve("data/main_data.hdf5").toString()), null);
        assertEquals(0, all.code(), all.out());
        for (int i = 0; i < 3; i++) {
            assertTrue(all.out().contains("GROUP \"episode_" + i + "\""), all.out());
        }
        Path f = tmp.resolve("dump.hdf5");
        D4rlWriter.of(obs, act).write(f, data);
        Result d = run(List.of("h5dump", "-H", f.toString()), null);
        assertEquals(0, d.code(), d.out());
        assertTrue(d.out().contains("DATASET \"next_observations\""), d.out());
    }

    private static float[] floats(JsonArray a) {
        float[] out = new float[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) a.get(i).getAsDouble();
        }
        return out;
    }

    private static double[] doubles(JsonArray a) {
        double[] out = new double[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).getAsDouble();
        }
        return out;
    }

    private static boolean[] bools(JsonArray a) {
        boolean[] out = new boolean[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).getAsBoolean();
        }
        return out;
    }
}
