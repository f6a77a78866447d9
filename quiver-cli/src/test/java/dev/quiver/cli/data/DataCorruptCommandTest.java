package dev.quiver.cli.data;

import dev.quiver.cli.CliRun;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.quiver.cli.QuiverCommand;
import dev.quiver.core.seed.Seeds;
import dev.quiver.core.space.Box;
import dev.quiver.data.corrupt.CorruptedDataset;
import dev.quiver.data.corrupt.CorruptionConfig;
import dev.quiver.data.corrupt.CorruptionKind;
import dev.quiver.data.corrupt.CorruptionMode;
import dev.quiver.data.corrupt.DataCorruption;
import dev.quiver.data.dataset.EpisodeDataset;
import dev.quiver.data.io.MinariDataset;
import dev.quiver.data.io.MinariReader;
import dev.quiver.data.io.MinariWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Runs {@code quiver data corrupt} in-process on a small dataset written here and on the shared fixtures. */
class DataCorruptCommandTest {
    /** The input, written once for all tests (they only read it). */
    @TempDir
    static Path inputDir;
    static Path input;
    static EpisodeDataset data;
    /** Each test's outputs. */
    @TempDir
    Path dir;

    /** The command on its own, as the brief's {@code new CommandLine(new DataCorruptCommand())}. */
    private static CliRun run(String... args) {
        return CliRun.run(new CommandLine(new DataCorruptCommand()), args);
    }

    /** The command under Quiver's root command, with its exit statuses for user errors. */
    private static CliRun runUnderQuiver(String... args) {
        CommandLine root = QuiverCommand.newCommandLine();
        root.addSubcommand("corrupt", new DataCorruptCommand());
        String[] full = new String[args.length + 1];
        full[0] = "corrupt";
        System.arraycopy(args, 0, full, 1, args.length);
        return CliRun.run(root, full);
    }

    @BeforeAll
    static void writeInput() {
        UniformRandomProvider rng = Seeds.rng(5);
        EpisodeDataset.Builder b = EpisodeDataset.continuousBuilder(3, 2);
        for (int e = 0; e < 25; e++) {
            int t = 5 + rng.nextInt(20);
            float[] obs = new float[(t + 1) * 3];
            for (int i = 0; i < obs.length; i++) {
                obs[i] = (float) (rng.nextDouble() * 4 - 2) * (i % 3 + 1);
            }
            float[] act = new float[t * 2];
            for (int i = 0; i < act.length; i++) {
                act[i] = (float) (rng.nextDouble() * 2 - 1);
            }
            double[] r = new double[t];
            for (int i = 0; i < t; i++) {
                r[i] = rng.nextDouble() - 0.5;
            }
            boolean[] term = new boolean[t];
            boolean[] trunc = new boolean[t];
            term[t - 1] = e % 2 == 0;
            trunc[t - 1] = e % 2 == 1;
            b.addEpisode(obs, act, r, term, trunc);
        }
        data = b.build();
        input = inputDir.resolve("toy-v0");
        MinariWriter.of("test/toy-v0", Box.float32(-20, 20, 3), Box.float32(-1, 1, 2)).write(input, data);
    }

    private static void assertSameEpisodes(EpisodeDataset want, EpisodeDataset got) {
        assertEquals(want.numEpisodes(), got.numEpisodes(), "episodes");
        assertEquals(want.numSteps(), got.numSteps(), "steps");
        for (int e = 0; e < want.numEpisodes(); e++) {
            EpisodeDataset.Episode a = want.episode(e);
            EpisodeDataset.Episode b = got.episode(e);
            assertArrayEquals(a.observations(), b.observations(), "observations of episode " + e);
            assertArrayEquals(a.continuousActions(), b.continuousActions(), "actions of episode " + e);
            assertArrayEquals(a.discreteActions(), b.discreteActions(), "actions of episode " + e);
            assertArrayEquals(a.rewards(), b.rewards(), "rewards of episode " + e);
            assertArrayEquals(a.terminations(), b.terminations(), "terminations of episode " + e);
            assertArrayEquals(a.truncations(), b.truncations(), "truncations of episode " + e);
        }
    }

    @Test
    void theWrittenInputReadsBackExactly() {
        MinariDataset m = MinariReader.readDataset(input);
        assertSameEpisodes(data, m.episodes());
        assertEquals("test/toy-v0", m.metadata().datasetId());
    }

    @Test
    void randomObservationCorruptionWritesTheLibrarysResultAndARecord() throws IOException {
        Path out = dir.resolve("corrupt-obs");
        CliRun r = run(input.toString(), "--kind", "obs", "--rate", "0.4", "--scale", "0.5", "--seed", "9", "--out",
                out.toString());
        assertEquals(0, r.code(), r.toString());
        CorruptedDataset want = DataCorruption.corrupt(data, new CorruptionConfig(CorruptionKind.OBSERVATION,
                CorruptionMode.RANDOM, 0.4, 0.5, 9));
        MinariDataset got = MinariReader.readDataset(out);
        assertSameEpisodes(want.dataset(), got.episodes());
        assertTrue(want.numSplits() > 0);

        List<String> lines = r.out().lines().toList();
        assertEquals("quiver data corrupt: random obs corruption, rate 0.4, scale 0.5, seed 9", lines.get(0));
        assertTrue(r.out().contains("corrupted " + want.numCorrupted() + " of " + data.numSteps() + " transitions"),
                r.out());
        assertTrue(r.out().contains(want.numSplits() + " splits"), r.out());

        JsonObject meta = JsonParser.parseString(Files.readString(out.resolve("data/metadata.json")))
                .getAsJsonObject();
        JsonObject inMeta = JsonParser.parseString(Files.readString(input.resolve("data/metadata.json")))
                .getAsJsonObject();
        assertEquals("test/toy-v0", meta.get("dataset_id").getAsString());
        assertTrue(meta.get("quiver_corruption").getAsString().startsWith("random obs corruption"), meta.toString());
        assertEquals(inMeta.get("observation_space"), meta.get("observation_space"));
        assertEquals(inMeta.get("action_space"), meta.get("action_space"));
        assertEquals(want.dataset().numEpisodes(), meta.get("total_episodes").getAsInt());
        JsonObject rec = JsonParser.parseString(Files.readString(out.resolve("corruption.json"))).getAsJsonObject();
        assertEquals("obs", rec.get("kind").getAsString());
        assertEquals("random", rec.get("mode").getAsString());
        assertEquals(9, rec.get("seed").getAsLong());
        assertEquals(want.numCorrupted(), rec.get("corrupted").getAsInt());
        int[] steps = want.corruptedSteps();
        assertEquals(steps.length, rec.getAsJsonArray("corrupted_steps").size());
        for (int i = 0; i < steps.length; i++) {
            assertEquals(steps[i], rec.getAsJsonArray("corrupted_steps").get(i).getAsInt());
        }
        assertEquals(want.dataset().numEpisodes(), rec.getAsJsonArray("source_episode").size());
        assertEquals(3, rec.getAsJsonArray("noise_scale").size());
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary directory is left behind");
        }

        // the same seed gives the same bytes of data; an existing OUT needs --overwrite
        CliRun again = runUnderQuiver(input.toString(), "--kind", "obs", "--out", out.toString());
        assertEquals(QuiverCommand.EXIT_USER_ERROR, again.code(), again.toString());
        assertTrue(again.err().contains("already exists; give --overwrite"), again.toString());
        CliRun over = run(input.toString(), "--kind", "obs", "--rate", "0.4", "--scale", "0.5", "--seed", "9", "--out",
                out.toString(), "--overwrite");
        assertEquals(0, over.code(), over.toString());
        assertSameEpisodes(want.dataset(), MinariReader.readDataset(out).episodes());
    }

    @Test
    void everyKindThatNeedsNoCriticRuns() {
        String[][] cases = {{"action", "random"}, {"reward", "random"}, {"dynamics", "random"},
            {"reward", "adversarial"}};
        for (String[] c : cases) {
            Path out = dir.resolve(c[0] + "-" + c[1]);
            CliRun r = run(input.toString(), "--kind", c[0], "--mode", c[1], "--seed", "3", "--out", out.toString());
            assertEquals(0, r.code(), r.toString());
            // corrupted actions are clipped to the input's bounded action space
            dev.quiver.core.space.Box<?> box = (dev.quiver.core.space.Box<?>) MinariReader.readDataset(input).metadata()
                    .actionSpace();
            CorruptedDataset want = DataCorruption.corrupt(data, CorruptionConfig.of(CorruptionKind.parse(c[0]),
                    CorruptionMode.parse(c[1])).withSeed(3), null, dev.quiver.data.corrupt.PgdConfig.DEFAULT,
                    box.lows(), box.highs());
            assertSameEpisodes(want.dataset(), MinariReader.readDataset(out).episodes());
        }
    }

    /**
     * Adversarial obs/action/dynamics corruption needs --critic; with a TD3+BC checkpoint trained on the clean
     * data (here 60 steps on random Pendulum episodes) the attack lowers the critic's value on the attacked rows,
     * and the record says by how much; a checkpoint without a critic is a clear error.
     */
    @Test
    void adversarialGradientAttacksUseATrainedCritic() throws IOException {
        CliRun missing = runUnderQuiver(input.toString(), "--kind", "obs", "--mode", "adversarial", "--out",
                dir.resolve("adv").toString());
        assertEquals(2, missing.code(), missing.toString());
        assertTrue(missing.err().contains("give --critic CHECKPOINT"), missing.toString());
        assertFalse(Files.exists(dir.resolve("adv")));

        CommandLine quiver = QuiverCommand.newCommandLine();
        Path clean = dir.resolve("pendulum-random");
        assertEquals(0, CliRun.run(quiver, "data", "collect", "--env", "Pendulum-v1", "--policy", "random", "--episodes", "3",
                "--seed", "0", "--out", clean.toString()).code());
        Path td3bc = dir.resolve("td3bc");
        CliRun train = CliRun.run("train", "td3bc", "--dataset", clean.toString(), "--env",
                "Pendulum-v1", "--steps", "60", "--set", "hidden=16", "--set", "batchSize=16", "--eval-every", "0",
                "--eval-episodes", "1", "--no-progress", "--out", td3bc.toString());
        assertEquals(0, train.code(), train.toString());
        Path critic = td3bc.resolve("seed-0").resolve("checkpoint");
        for (String kind : new String[] {"obs", "action", "dynamics"}) {
            Path out = dir.resolve("adv-" + kind);
            CliRun r = runUnderQuiver(clean.toString(), "--kind", kind, "--mode", "adversarial", "--critic",
                    critic.toString(), "--out", out.toString());
            assertEquals(0, r.code(), r.toString());
            JsonObject rec = JsonParser.parseString(Files.readString(out.resolve("corruption.json"))).getAsJsonObject();
            double before = rec.get("attack_value_before").getAsDouble();
            double after = rec.get("attack_value_after").getAsDouble();
            assertTrue(after < before, kind + ": " + before + " -> " + after);
            assertTrue(r.out().contains("mean attacked value"), r.toString());
        }
        CliRun bc = CliRun.run("train", "bc", "--dataset", clean.toString(), "--env",
                "Pendulum-v1", "--steps", "5", "--set", "hidden=8", "--eval-every", "0", "--eval-episodes", "1",
                "--no-progress", "--out", dir.resolve("bc").toString());
        assertEquals(0, bc.code(), bc.toString());
        CliRun noCritic = runUnderQuiver(clean.toString(), "--kind", "obs", "--mode", "adversarial", "--critic",
                dir.resolve("bc").resolve("seed-0").resolve("checkpoint").toString(), "--out",
                dir.resolve("adv-bc").toString());
        assertEquals(2, noCritic.code(), noCritic.toString());
        assertTrue(noCritic.err().contains("holds no critic"), noCritic.toString());
    }

    @Test
    void userErrorsExitWithTwo() {
        Path out = dir.resolve("x");
        CliRun badRate = runUnderQuiver(input.toString(), "--kind", "obs", "--rate", "1.5", "--out", out.toString());
        assertEquals(2, badRate.code(), badRate.toString());
        assertTrue(badRate.err().contains("quiver: error: corruption rate must be in [0, 1]"), badRate.toString());
        CliRun badKind = run(input.toString(), "--kind", "state", "--out", out.toString());
        assertEquals(2, badKind.code(), badKind.toString());
        assertTrue(badKind.err().contains("allowed: obs, action, reward, dynamics"), badKind.toString());
        CliRun badMode = run(input.toString(), "--kind", "obs", "--mode", "gaussian", "--out", out.toString());
        assertEquals(2, badMode.code(), badMode.toString());
        CliRun missing = runUnderQuiver(dir.resolve("nope").toString(), "--kind", "obs", "--out", out.toString());
        assertEquals(2, missing.code(), missing.toString());
        assertTrue(missing.err().contains("nope"), missing.toString());
        CliRun same = runUnderQuiver(input.toString(), "--kind", "obs", "--out", input.toString(), "--overwrite");
        assertEquals(2, same.code(), same.toString());
        assertTrue(same.err().contains("is the input dataset"), same.toString());
        CliRun noOut = run(input.toString(), "--kind", "obs");
        assertEquals(2, noOut.code(), noOut.toString());
        assertFalse(Files.exists(out));
    }

    @Test
    void helpIsCleanAndNamesTheOptions() {
        CliRun r = run("--help");
        assertEquals(0, r.code(), r.toString());
        assertFalse(r.out().contains("[picocli WARN]") || r.err().contains("[picocli WARN]"), r.toString());
        for (String s : new String[] {"--kind", "--mode", "--rate", "--scale", "--seed", "--critic", "--out",
            "2310.12955"}) {
            assertTrue(r.out().contains(s), s + " in\n" + r.out());
        }
    }

    /** {@code shared/data/minari-format} from the module or the repository root, or null. */
    private static Path sharedFixtures() {
        for (String c : List.of("../../shared/data/minari-format", "../shared/data/minari-format")) {
            if (Files.isRegularFile(Path.of(c, "episode_returns.csv"))) {
                return Path.of(c);
            }
        }
        return null;
    }

    @Test
    void corruptsTheH5pyWrittenFixtures() {
        Path shared = sharedFixtures();
        Assumptions.assumeTrue(shared != null, "shared/data/minari-format not found: skipped");
        Path pendulum = shared.resolve("pendulum-mixed-v0");
        Path out = dir.resolve("pendulum-dyn");
        CliRun r = run(pendulum.toString(), "--kind", "dynamics", "--seed", "1", "--out", out.toString());
        assertEquals(0, r.code(), r.toString());
        MinariDataset src = MinariReader.readDataset(pendulum);
        CorruptedDataset want = DataCorruption.corrupt(src.episodes(), CorruptionConfig.of(CorruptionKind.DYNAMICS,
                CorruptionMode.RANDOM).withSeed(1));
        MinariDataset got = MinariReader.readDataset(out);
        assertSameEpisodes(want.dataset(), got.episodes());
        assertEquals(src.metadata().observationSpace(), got.metadata().observationSpace());
        assertEquals(src.metadata().actionSpace(), got.metadata().actionSpace());

        // discrete CartPole: observations can be corrupted, actions cannot
        Path cartpole = shared.resolve("cartpole-mixed-v0");
        CliRun obs = run(cartpole.toString(), "--kind", "obs", "--out", dir.resolve("cp-obs").toString());
        assertEquals(0, obs.code(), obs.toString());
        assertSameEpisodes(DataCorruption.corrupt(MinariReader.read(cartpole), CorruptionConfig.of(
                CorruptionKind.OBSERVATION, CorruptionMode.RANDOM)).dataset(),
                MinariReader.read(dir.resolve("cp-obs")));
        CliRun act = runUnderQuiver(cartpole.toString(), "--kind", "action", "--out", dir.resolve("cp-act").toString());
        assertEquals(2, act.code(), act.toString());
        assertTrue(act.err().contains("needs continuous actions"), act.toString());
    }
}
