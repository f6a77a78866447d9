package dev.quiver.cli.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.cli.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code quiver train ALGO --dataset PATH} for the offline algorithms, on the h5py-written fixtures in
 * {@code shared/data/minari-format} (skipped when absent), and the refusals that need no data.
 */
class OfflineTrainCommandTest {
    @TempDir
    Path dir;

    /** {@code shared/data/minari-format} from the module or the repository root, or null. */
    private static Path fixtures() {
        for (String c : List.of("../../shared/data/minari-format", "../shared/data/minari-format")) {
            Path p = Path.of(c).toAbsolutePath().normalize();
            if (Files.isDirectory(p)) {
                return p;
            }
        }
        return null;
    }

    private static Path requireFixtures() {
        Path p = fixtures();
        Assumptions.assumeTrue(p != null, "shared/data/minari-format not found: skipped");
        return p;
    }

    @Test
    void trainsIqlOnAMinariDirectoryAndTheCheckpointEvaluates() throws IOException {
        Path data = requireFixtures().resolve("cartpole-mixed-v0");
        Path out = dir.resolve("run");
        Path json = dir.resolve("summary.json");
        CliRun r = CliRun.run("train", "iql", "--dataset", data.toString(), "--env", "CartPole-v1", "--steps",
                "200", "--set", "hidden=32,32", "--set", "batch_size=32", "--eval-every", "100",
                "--eval-every-episodes", "2", "--eval-episodes", "3", "--out", out.toString(), "--json", json.toString());
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("train iql offline on") && r.out().contains("IQM of final eval mean return"),
                r.toString());
        assertTrue(r.out().contains("normalised score"), r.toString());
        assertTrue(r.err().contains("seed 0: gradient step 200/200 (100%)"), r.toString());
        List<String> lines = Files.readAllLines(out.resolve("seed-0").resolve("metrics.jsonl"));
        assertTrue(lines.stream().anyMatch(l -> l.contains("\"train/q_loss\"")), lines.toString());
        assertEquals(2, lines.stream().filter(l -> l.contains("\"eval/mean_return\"")).count(), lines.toString());
        assertTrue(Files.exists(out.resolve("seed-0").resolve("best").resolve("manifest.json")));
        assertTrue(Files.readString(out.resolve("config.json")).contains("\"kind\": \"offline\""));
        String summary = Files.readString(json);
        assertTrue(summary.contains("\"iqm_normalised_score\"") && summary.contains("\"gradient_steps_per_second\""),
                summary);
        CliRun e = CliRun.run("eval", "--checkpoint", out.resolve("seed-0").toString(), "--episodes", "2");
        assertEquals(0, e.code(), e.toString());
        assertTrue(e.out().contains("mean return "), e.toString());
    }

    @Test
    void trainsTd3BcOnAD4rlFile() {
        Path data = requireFixtures().resolve("pendulum-mixed-d4rl.hdf5");
        CliRun r = CliRun.run("train", "td3bc", "--dataset", data.toString(), "--env", "Pendulum-v1", "--steps",
                "60", "--set", "hidden=16", "--set", "batchSize=16", "--eval-every", "0", "--eval-episodes", "1",
                "--out", dir.resolve("td3bc").toString(), "--no-progress");
        assertEquals(0, r.code(), r.toString());
        assertTrue(Files.exists(dir.resolve("td3bc").resolve("seed-0").resolve("checkpoint").resolve("manifest.json")));
    }

    /** --sampling aw trains with advantage-weighted trajectories, is recorded, and is refused where it cannot apply. */
    @Test
    void advantageWeightedSamplingIsOneOption() throws IOException {
        Path data = requireFixtures().resolve("pendulum-mixed-d4rl.hdf5");
        Path out = dir.resolve("td3bc-aw");
        CliRun r = CliRun.run("train", "td3bc", "--dataset", data.toString(), "--env", "Pendulum-v1", "--steps",
                "40", "--set", "hidden=16", "--set", "batchSize=16", "--eval-every", "0", "--eval-episodes", "1",
                "--sampling", "aw", "--out", out.toString(), "--no-progress");
        assertEquals(0, r.code(), r.toString());
        String config = Files.readString(out.resolve("config.json"));
        assertTrue(config.contains("\"sampling\": \"aw\"") && config.contains("\"sampling_temperature\": 0.1"), config);
        CliRun bad = CliRun.run("train", "td3bc", "--dataset", data.toString(), "--env", "Pendulum-v1", "--steps",
                "10", "--sampling", "best", "--out", dir.resolve("bad").toString());
        assertEquals(2, bad.code(), bad.toString());
        assertTrue(bad.err().contains("sampling scheme 'best'"), bad.toString());
        CliRun online = CliRun.run("train", "dqn", "--env", "CartPole-v1", "--steps", "10", "--sampling", "rw");
        assertEquals(2, online.code(), online.toString());
        assertTrue(online.err().contains("--sampling is only for the offline algorithms"), online.toString());
    }

    @Test
    void aDatasetForAnotherEnvIsRefusedNamingBoth() {
        Path data = requireFixtures().resolve("cartpole-mixed-v0");
        CliRun r = CliRun.run("train", "bc", "--dataset", data.toString(), "--env", "Pendulum-v1", "--steps",
                "10", "--out", dir.resolve("x").toString());
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().contains(data.toString()) && r.err().contains("Pendulum-v1"), r.toString());
    }

    @Test
    void datasetIsRequiredForOfflineAndRefusedForOnlineAlgorithms() {
        CliRun offline = CliRun.run("train", "iql", "--env", "CartPole-v1", "--steps", "10");
        assertEquals(2, offline.code(), offline.toString());
        assertTrue(offline.err().contains("offline algorithm") && offline.err().contains("--dataset"),
                offline.toString());
        CliRun online = CliRun.run("train", "dqn", "--dataset", "x.hdf5", "--env", "CartPole-v1", "--steps",
                "10");
        assertEquals(2, online.code(), online.toString());
        assertTrue(online.err().contains("--dataset is only for the offline algorithms")
                && online.err().contains("riql") && online.err().contains("'dqn'"), online.toString());
        CliRun missing = CliRun.run("train", "cql", "--dataset", dir.resolve("none").toString(), "--env",
                "CartPole-v1", "--steps", "10");
        assertEquals(2, missing.code(), missing.toString());
        assertTrue(missing.err().contains("no such file or directory"), missing.toString());
    }
}
