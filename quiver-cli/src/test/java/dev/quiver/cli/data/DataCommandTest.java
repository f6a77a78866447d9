package dev.quiver.cli.data;

import static dev.quiver.cli.CliRun.run;
import dev.quiver.cli.CliRun;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.core.space.Box;
import dev.quiver.core.space.Discrete;
import dev.quiver.data.collect.Collector;
import dev.quiver.data.dataset.EpisodeDataset;
import dev.quiver.data.io.D4rlDataset;
import dev.quiver.data.io.D4rlReader;
import dev.quiver.data.io.MinariDataset;
import dev.quiver.data.io.MinariReader;
import io.jhdf.HdfFile;
import io.jhdf.api.Group;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@code quiver data collect|info} and {@code quiver train --collect} in-process. */
class DataCommandTest {
    @TempDir
    Path dir;

    static void assertSameEpisodes(EpisodeDataset a, EpisodeDataset b) {
        assertEquals(a.numEpisodes(), b.numEpisodes());
        for (int i = 0; i < a.numEpisodes(); i++) {
            assertArrayEquals(a.episode(i).observations(), b.episode(i).observations());
            assertArrayEquals(a.episode(i).rewards(), b.episode(i).rewards());
        }
    }

    @Test
    void collectsRandomEpisodesAndDescribesThem() throws IOException {
        Path out = dir.resolve("cartpole-random-v0");
        Path json = dir.resolve("collect.json");
        CliRun r = run("data", "collect", "--env", "CartPole-v1", "--policy", "random", "--episodes", "20", "--seed", "3",
                "--out", out.toString(), "--json", json.toString());
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("CartPole-v1: 20 episodes") && r.out().contains("return mean")
                && r.out().contains("wrote Minari dataset " + out), r.toString());
        MinariDataset m = MinariReader.readDataset(out);
        assertEquals(new Discrete(2), m.metadata().actionSpace());
        assertEquals("cartpole-random-v0", m.metadata().datasetId());
        EpisodeDataset ds = m.episodes();
        assertEquals(20, ds.numEpisodes());
        String meta = Files.readString(out.resolve("data/metadata.json"));
        assertTrue(meta.contains("\"algorithm_name\": \"random\"") && meta.contains("\"env_id\": \"CartPole-v1\""), meta);
        try (HdfFile h = new HdfFile(out.resolve("data/main_data.hdf5"))) {
            assertEquals(Collector.episodeSeed(3, 4), ((Group) h.getChild("episode_4")).getAttribute("seed").getData());
        }
        String summary = Files.readString(json);
        assertTrue(summary.contains("\"steps\": " + ds.numSteps()), summary);

        // the same command gives the same dataset
        Path again = dir.resolve("again");
        assertEquals(0, run("data", "collect", "--env", "CartPole-v1", "--episodes", "20", "--seed", "3", "--out",
                again.toString()).code());
        assertSameEpisodes(ds, MinariReader.read(again));

        Path infoJson = dir.resolve("info.json");
        CliRun info = run("data", "info", out.toString(), "--json", infoJson.toString());
        assertEquals(0, info.code(), info.toString());
        assertTrue(info.out().contains("Minari dataset 'cartpole-random-v0'")
                && info.out().contains("action space:      Discrete(2)")
                && info.out().contains("episodes: 20 (") && info.out().contains("steps: " + ds.numSteps()), info.toString());
        double mean = 0;
        for (double g : ds.returns()) {
            mean += g / 20;
        }
        String infoDoc = Files.readString(infoJson);
        assertTrue(infoDoc.contains("\"episodes\": 20") && infoDoc.contains("\"return_mean\": "), infoDoc);
        assertEquals(mean, Double.parseDouble(infoDoc.replaceAll("(?s).*\"return_mean\": ([-0-9.Ee]+).*", "$1")),
                1e-9);
    }

    @Test
    void writesD4rlFilesWithEpsilon() throws IOException {
        Path out = dir.resolve("pendulum.hdf5");
        CliRun r = run("data", "collect", "--env", "Pendulum-v1", "--episodes", "3", "--epsilon", "0.5", "--seed", "1",
                "--out", out.toString());
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("wrote D4RL file " + out), r.toString());
        D4rlDataset d = D4rlReader.readDataset(out);
        assertEquals(Box.float32(-2, 2, 1), d.actionSpace());
        assertEquals(600, d.rows());
        assertEquals(3, d.episodes().numEpisodes());
        CliRun info = run("data", "info", out.toString());
        assertEquals(0, info.code(), info.toString());
        assertTrue(info.out().contains("D4RL file, 600 rows") && info.out().contains("(0 terminated, 3 truncated)"),
                info.toString());
    }

    @Test
    void describesTheSharedFixtures() {
        Path fixtures = null;
        for (String c : List.of("../../shared/data/minari-format", "../shared/data/minari-format")) {
            if (Files.isDirectory(Path.of(c))) {
                fixtures = Path.of(c);
            }
        }
        Assumptions.assumeTrue(fixtures != null, "shared/data/minari-format not found: skipped");
        CliRun m = run("data", "info", fixtures.resolve("cartpole-mixed-v0").toString());
        assertEquals(0, m.code(), m.toString());
        assertTrue(m.out().contains("episodes: 12") && m.out().contains("steps: 1966"), m.toString());
        CliRun d = run("data", "info", fixtures.resolve("cartpole-mixed-d4rl.hdf5").toString(), "--actions", "discrete");
        assertEquals(0, d.code(), d.toString());
        assertTrue(d.out().contains("1966 rows") && d.out().contains("discrete (no action_space attribute)"),
                d.toString());
        CliRun bad = run("data", "info", fixtures.resolve("cartpole-mixed-v0").toString(), "--actions", "discrete");
        assertEquals(2, bad.code(), bad.toString());
    }

    @Test
    void userErrorsNameTheFlag() throws IOException {
        Path taken = Files.createDirectories(dir.resolve("taken"));
        CliRun exists = run("data", "collect", "--env", "CartPole-v1", "--out", taken.toString());
        assertEquals(2, exists.code(), exists.toString());
        assertTrue(exists.err().contains("--out " + taken) && exists.err().contains("already exists"), exists.toString());

        CliRun noEnv = run("data", "collect", "--out", dir.resolve("a").toString());
        assertEquals(2, noEnv.code(), noEnv.toString());
        assertTrue(noEnv.err().contains("--env"), noEnv.toString());

        CliRun noCheckpoint = run("data", "collect", "--env", "CartPole-v1", "--policy", dir.resolve("nothing").toString(),
                "--out", dir.resolve("b").toString());
        assertEquals(2, noCheckpoint.code(), noCheckpoint.toString());
        assertTrue(noCheckpoint.err().contains("--policy") && noCheckpoint.err().contains("nothing"),
                noCheckpoint.toString());

        CliRun mixAlone = run("data", "collect", "--env", "CartPole-v1", "--policy", "mix", "--out",
                dir.resolve("c").toString());
        assertEquals(2, mixAlone.code(), mixAlone.toString());
        assertTrue(mixAlone.err().contains("--expert"), mixAlone.toString());

        CliRun tooFew = run("data", "collect", "--env", "CartPole-v1", "--policy", "mix", "--expert", taken.toString(),
                "--expert-fraction", "0.01", "--episodes", "10", "--out", dir.resolve("d").toString());
        assertEquals(2, tooFew.code(), tooFew.toString());
        assertTrue(tooFew.err().contains("--expert-fraction 0.01") && tooFew.err().contains("at least 50 episodes"),
                tooFew.toString());

        CliRun expertWithoutMix = run("data", "collect", "--env", "CartPole-v1", "--expert-fraction", "0.1", "--out",
                dir.resolve("e").toString());
        assertEquals(2, expertWithoutMix.code(), expertWithoutMix.toString());

        CliRun eps = run("data", "collect", "--env", "CartPole-v1", "--epsilon", "1.5", "--out", dir.resolve("f").toString());
        assertEquals(2, eps.code(), eps.toString());
        assertTrue(eps.err().contains("--epsilon"), eps.toString());

        CliRun missing = run("data", "info", dir.resolve("nope").toString());
        assertEquals(2, missing.code(), missing.toString());
        assertTrue(missing.err().contains("nope"), missing.toString());

        Path junk = Files.writeString(dir.resolve("junk.hdf5"), "not hdf5");
        CliRun notHdf5 = run("data", "info", junk.toString());
        assertEquals(2, notHdf5.code(), notHdf5.toString());
        assertTrue(notHdf5.err().contains(junk.toString()), notHdf5.toString());

        for (String s : List.of("a", "b", "c", "d", "e", "f")) {
            assertFalse(Files.exists(dir.resolve(s)), s + " must not be created by a failed command");
        }
    }

    @Test
    void trainingRecordsEveryStepAndItsCheckpointCollects() throws IOException {
        Path run = dir.resolve("run");
        Path replay = dir.resolve("cartpole-medium-replay-v0");
        CliRun t = run("train", "dqn", "--env", "CartPole-v1", "--steps", "700", "--seed", "2", "--set",
                "learning_starts=200", "--set", "hidden=16,16", "--eval-episodes", "2", "--eval-every", "0",
                "--no-progress", "--out", run.toString(), "--collect", replay.toString());
        assertEquals(0, t.code(), t.toString());
        assertTrue(t.out().contains("seed 2: recorded ") && t.out().contains(replay.toString()), t.toString());
        EpisodeDataset ds = MinariReader.read(replay);
        assertEquals(700, ds.numSteps(), "every training step is recorded");
        long episodeLines = Files.readAllLines(run.resolve("seed-2/metrics.jsonl")).stream()
                .filter(l -> l.contains("\"episode/return\"")).count();
        assertTrue(ds.numEpisodes() == episodeLines || ds.numEpisodes() == episodeLines + 1,
                ds.numEpisodes() + " episodes, " + episodeLines + " logged");
        assertTrue(ds.truncated(ds.numEpisodes() - 1, ds.episodeLength(ds.numEpisodes() - 1) - 1)
                || ds.terminated(ds.numEpisodes() - 1, ds.episodeLength(ds.numEpisodes() - 1) - 1));

        // the trained checkpoint collects (a seed-S folder works too), and mixes with random episodes
        Path medium = dir.resolve("medium.hdf5");
        CliRun c = run("data", "collect", "--policy", run.resolve("seed-2").toString(), "--episodes", "3", "--epsilon",
                "0.1", "--out", medium.toString());
        assertEquals(0, c.code(), c.toString());
        assertTrue(c.out().contains("CartPole-v1: 3 episodes") && c.out().contains("dqn checkpoint"), c.toString());
        assertEquals(3, D4rlReader.read(medium).numEpisodes());

        Path mixed = dir.resolve("mixed");
        CliRun mix = run("data", "collect", "--policy", "mix", "--expert", run.resolve("seed-2/checkpoint").toString(),
                "--expert-fraction", "0.1", "--episodes", "20", "--seed", "5", "--out", mixed.toString());
        assertEquals(0, mix.code(), mix.toString());
        assertTrue(mix.out().contains("expert episodes 2 of 20"), mix.toString());
        assertEquals(20, MinariReader.read(mixed).numEpisodes());

        CliRun wrongEnv = run("data", "collect", "--policy", run.resolve("seed-2").toString(), "--env", "Pendulum-v1",
                "--out", dir.resolve("w").toString());
        assertEquals(2, wrongEnv.code(), wrongEnv.toString());
        assertTrue(wrongEnv.err().contains("cannot play env 'Pendulum-v1'"), wrongEnv.toString());

        CliRun exists = run("train", "dqn", "--env", "CartPole-v1", "--steps", "10", "--out", dir.resolve("r2").toString(),
                "--collect", replay.toString());
        assertEquals(2, exists.code(), exists.toString());
        assertTrue(exists.err().contains("--collect " + replay), exists.toString());
        assertFalse(Files.exists(dir.resolve("r2")), "refused before anything is written");
    }

    @Test
    void collectRefusesWhatItCannotRecord() {
        CliRun seeds = run("train", "dqn", "--env", "CartPole-v1", "--steps", "10", "--seeds", "0..1", "--collect",
                dir.resolve("x").toString());
        assertEquals(2, seeds.code(), seeds.toString());
        assertTrue(seeds.err().contains("--collect") && seeds.err().contains("single --seed"), seeds.toString());
        CliRun resume = run("train", "--resume", dir.toString(), "--collect", dir.resolve("y").toString());
        assertEquals(2, resume.code(), resume.toString());
        assertTrue(resume.err().contains("--collect cannot be used with --resume"), resume.toString());
        CliRun ppo = run("train", "ppo", "--env", "CartPole-v1", "--steps", "10", "--collect", dir.resolve("z").toString());
        assertEquals(2, ppo.code(), ppo.toString());
        assertTrue(ppo.err().contains("num_envs=1"), ppo.toString());
    }
}
