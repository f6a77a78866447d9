package dev.quiver.cli.train;

import static dev.quiver.cli.CliRun.run;
import dev.quiver.cli.CliRun;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.core.error.QuiverUserException;
import dev.quiver.rl.Algorithms;
import dev.quiver.rl.dqn.DqnConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@code quiver train} and {@code quiver eval} in-process on short CartPole runs. */
class TrainCommandTest {
    @TempDir
    Path dir;

    @Test
    void trainsTwoSeedsAndEvaluatesTheCheckpoint() throws IOException {
        Path out = dir.resolve("run");
        Path json = dir.resolve("summary.json");
        CliRun r = run("train", "dqn", "--env", "CartPole-v1", "--steps", "2000", "--seeds", "0..1", "--set",
                "learning_starts=500", "--eval-episodes", "3", "--out", out.toString(), "--json", json.toString());
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("IQM of final eval mean return over 2 seed(s)"), r.toString());
        assertTrue(r.err().contains("seed 1: step 2000/2000 (100%)"), r.toString());
        for (String s : List.of("seed-0", "seed-1")) {
            List<String> lines = Files.readAllLines(out.resolve(s).resolve("metrics.jsonl"));
            assertTrue(lines.size() > 10, s + ": " + lines.size() + " lines");
            assertTrue(lines.stream().allMatch(l -> l.startsWith("{\"step\": ") && l.endsWith("}")), lines.get(0));
            assertTrue(lines.stream().anyMatch(l -> l.contains("\"train/loss\"")), "no train/loss line");
            assertTrue(lines.stream().anyMatch(l -> l.contains("\"episode/return\"")), "no episode/return line");
            assertTrue(Files.exists(out.resolve(s).resolve("checkpoint").resolve("manifest.json")));
            assertEquals(2, lines.stream().filter(l -> l.contains("\"eval/mean_return\"")).count(),
                    s + ": periodic evaluations at steps 1000 and 2000");
            assertTrue(Files.exists(out.resolve(s).resolve("best").resolve("manifest.json")), s + ": best policy");
        }
        assertTrue(r.out().contains("IQM of best-checkpoint eval mean return"), r.toString());
        String summary = Files.readString(json);
        assertTrue(summary.contains("\"iqm_eval_mean_return\"") && summary.contains("\"steps_per_second\""), summary);
        assertTrue(summary.contains("\"learningStarts\": 500"), summary);

        Path evalJson = dir.resolve("eval.json");
        CliRun e = run("eval", "--checkpoint", out.resolve("seed-0").resolve("checkpoint").toString(), "--env",
                "CartPole-v1", "--episodes", "3", "--seed", "7", "--json", evalJson.toString());
        assertEquals(0, e.code(), e.toString());
        assertTrue(e.out().contains("mean return "), e.toString());
        assertTrue(Files.readString(evalJson).contains("\"mean_return\""));

        CliRun wrong = run("eval", "--checkpoint", out.resolve("seed-1").toString(), "--env", "Acrobot-v1");
        assertEquals(2, wrong.code(), wrong.toString());
        assertTrue(wrong.err().contains("Acrobot-v1") && wrong.err().contains("Discrete(2)"), wrong.toString());
    }

    @Test
    void resumedRunGivesTheNumbersOfAnUninterruptedOne() throws IOException {
        String[] common = {"train", "dqn", "--env", "CartPole-v1", "--steps", "3000", "--seeds", "0..1", "--set",
            "learning_starts=200", "--set", "hidden=32,32", "--set", "train_frequency=2", "--checkpoint-every", "500",
            "--eval-episodes", "3", "--no-progress"};
        Path a = dir.resolve("a");
        CliRun full = run(concat(common, "--out", a.toString()));
        assertEquals(0, full.code(), full.toString());

        Path b = dir.resolve("b");
        CliRun crashed = run(concat(common, "--out", b.toString(), "--debug-interrupt-at", "1:2200"));
        assertEquals(2, crashed.code(), crashed.toString());
        assertTrue(crashed.err().contains("seed 1 interrupted at step 2200"), crashed.toString());
        assertTrue(Files.isDirectory(b.resolve("seed-1").resolve(TrainCommand.STATE_DIR)));
        assertTrue(Files.exists(b.resolve("seed-0").resolve("eval.json")));

        Path json = dir.resolve("resumed.json");
        CliRun resumed = run("train", "--resume", b.toString(), "--no-progress", "--json", json.toString());
        assertEquals(0, resumed.code(), resumed.toString());
        assertTrue(resumed.out().contains("seed 0: finished before") && resumed.out().contains("seed 1: continuing"
                + " from the training state saved at step"), resumed.toString());
        for (String s : List.of("seed-0", "seed-1")) {
            assertEquals(Files.readAllLines(a.resolve(s).resolve("metrics.jsonl")),
                    Files.readAllLines(b.resolve(s).resolve("metrics.jsonl")), s + " metrics");
            assertEquals(evalReturns(a.resolve(s)), evalReturns(b.resolve(s)), s + " eval");
        }
        assertTrue(Files.notExists(b.resolve("seed-1").resolve(TrainCommand.STATE_DIR)), "state removed when done");
        assertEquals(iqmText(full.out()), iqmText(resumed.out()));

        CliRun again = run("train", "dqn", "--resume", b.toString());
        assertEquals(2, again.code(), again.toString());
        assertTrue(again.err().contains("takes the algorithm"), again.toString());
        CliRun nowhere = run("train", "--resume", dir.resolve("nothing").toString());
        assertEquals(2, nowhere.code(), nowhere.toString());
        assertTrue(nowhere.err().contains("no config.json"), nowhere.toString());
    }

    /**
     * PPO saves its training state at rollout ends (128 env steps here; saves after steps 383 and 767, with the
     * vector env's copies mid-episode), so an interrupted seed continues with the numbers of an uninterrupted
     * run, including the periodic evaluation at step 1000 after the resume.
     */
    @Test
    void resumedPpoRunGivesTheNumbersOfAnUninterruptedOne() throws IOException {
        String[] common = {"train", "ppo", "--env", "CartPole-v1", "--steps", "1024", "--seed", "0", "--set",
            "num_steps=32", "--set", "update_epochs=1", "--set", "hidden=16,16", "--checkpoint-every", "300",
            "--eval-episodes", "2", "--no-progress"};
        Path a = dir.resolve("a");
        CliRun full = run(concat(common, "--out", a.toString()));
        assertEquals(0, full.code(), full.toString());

        Path b = dir.resolve("b");
        CliRun crashed = run(concat(common, "--out", b.toString(), "--debug-interrupt-at", "0:900"));
        assertEquals(2, crashed.code(), crashed.toString());
        assertTrue(Files.isDirectory(b.resolve("seed-0").resolve(TrainCommand.STATE_DIR)), crashed.toString());
        CliRun resumed = run("train", "--resume", b.toString(), "--no-progress");
        assertEquals(0, resumed.code(), resumed.toString());
        assertTrue(resumed.out().contains("seed 0: continuing from the training state saved at step 767"),
                resumed.toString());
        List<String> lines = Files.readAllLines(a.resolve("seed-0").resolve("metrics.jsonl"));
        assertTrue(lines.stream().anyMatch(l -> l.contains("\"eval/mean_return\"")), "periodic evaluation");
        assertEquals(lines, Files.readAllLines(b.resolve("seed-0").resolve("metrics.jsonl")));
        assertEquals(evalReturns(a.resolve("seed-0")), evalReturns(b.resolve("seed-0")));
        assertTrue(Files.notExists(b.resolve("seed-0").resolve(TrainCommand.STATE_DIR)), "state removed when done");
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static String evalReturns(Path seedDir) throws IOException {
        String s = Files.readString(seedDir.resolve("eval.json"));
        return s.substring(s.indexOf("\"returns\""), s.indexOf("\"lengths\""));
    }

    private static String iqmText(String out) {
        String l = out.lines().filter(x -> x.startsWith("IQM of final eval")).findFirst().orElseThrow();
        return l.substring(0, l.indexOf("; total wall"));
    }

    @Test
    void continuousAgentsTrainAndTheirCheckpointsEvaluate() throws IOException {
        for (String algo : List.of("sac", "td3")) {
            Path out = dir.resolve(algo);
            CliRun r = run("train", algo, "--env", "Pendulum-v1", "--steps", "600", "--set", "learning_starts=200",
                    "--set", "hidden=16,16", "--eval-episodes", "2", "--eval-every", "300", "--no-progress", "--out",
                    out.toString());
            assertEquals(0, r.code(), r.toString());
            assertTrue(Files.exists(out.resolve("seed-0").resolve("best").resolve("manifest.json")), algo);
            CliRun e = run("eval", "--checkpoint", out.resolve("seed-0").toString(), "--episodes", "2");
            assertEquals(0, e.code(), e.toString());
            assertTrue(e.out().contains("Pendulum-v1: 2 episodes"), e.toString());
            CliRun wrong = run("eval", "--checkpoint", out.resolve("seed-0").toString(), "--env",
                    "MountainCarContinuous-v0");
            assertEquals(2, wrong.code(), wrong.toString());
            assertTrue(wrong.err().contains("cannot play env 'MountainCarContinuous-v0'"), wrong.toString());
        }
        CliRun d = run("train", "sac-discrete", "--env", "CartPole-v1", "--steps", "400", "--set", "learning_starts=100",
                "--set", "hidden=16,16", "--eval-episodes", "2", "--no-progress", "--out", dir.resolve("sd").toString());
        assertEquals(0, d.code(), d.toString());
        CliRun mismatch = run("train", "sac", "--env", "CartPole-v1", "--steps", "10", "--out", dir.resolve("x").toString());
        assertEquals(2, mismatch.code(), mismatch.toString());
        assertTrue(mismatch.err().contains("SAC needs"), mismatch.toString());
    }

    @Test
    void unknownAlgorithmIsAUserError() {
        CliRun r = run("train", "a2c", "--env", "CartPole-v1", "--steps", "10", "--out", dir.toString());
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().contains("'a2c'") && r.err().contains("available: dqn, qrdqn, ppo, sac, td3, sac-discrete"), r.toString());
    }

    @Test
    void ppoTrainsAndItsCheckpointEvaluates() throws IOException {
        Path out = dir.resolve("ppo");
        CliRun r = run("train", "ppo", "--env", "CartPole-v1", "--steps", "512", "--seed", "3", "--set", "num_steps=64",
                "--set", "update_epochs=1", "--eval-episodes", "2", "--no-progress", "--out", out.toString());
        assertEquals(0, r.code(), r.toString());
        assertTrue(Files.readString(out.resolve("seed-3").resolve("metrics.jsonl")).contains("train/policy_loss"),
                r.toString());
        CliRun e = run("eval", "--checkpoint", out.resolve("seed-3").toString(), "--episodes", "2");
        assertEquals(0, e.code(), e.toString());
        assertTrue(e.out().contains("CartPole-v1") && e.out().contains("mean return "), e.toString());
        CliRun bad = run("train", "ppo", "--env", "CartPole-v1", "--steps", "10", "--set", "clip=0.1", "--out",
                dir.resolve("bad").toString());
        assertEquals(2, bad.code(), bad.toString());
        assertTrue(bad.err().contains("unknown PPO config key 'clip'") && bad.err().contains("clipCoef"), bad.toString());
    }

    @Test
    void unknownEnvIsAUserError() {
        CliRun r = run("train", "dqn", "--env", "NoSuchEnv-v9", "--steps", "10", "--out", dir.toString());
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().contains("NoSuchEnv-v9"), r.toString());
    }

    @Test
    void dqnOnABoxActionSpaceIsAUserError() {
        CliRun r = run("train", "dqn", "--env", "Pendulum-v1", "--steps", "10", "--out", dir.resolve("p").toString());
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().contains("Pendulum-v1") && r.err().contains("Discrete action space"), r.toString());
        assertTrue(Files.notExists(dir.resolve("p")), "nothing is written for a rejected env");
    }

    @Test
    void unknownConfigKeyIsAUserErrorListingTheKeys() {
        CliRun r = run("train", "dqn", "--env", "CartPole-v1", "--steps", "10", "--set", "learning_rat=0.1", "--out",
                dir.toString());
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().contains("learning_rat") && r.err().contains("learningRate"), r.toString());
    }

    @Test
    void badSeedsAndYamlConfigAreUserErrors() {
        CliRun seeds = run("train", "dqn", "--env", "CartPole-v1", "--steps", "10", "--seeds", "4..1");
        assertEquals(2, seeds.code(), seeds.toString());
        assertTrue(seeds.err().contains("--seeds 4..1"), seeds.toString());
        CliRun both = run("train", "dqn", "--env", "CartPole-v1", "--steps", "10", "--seed", "1", "--seeds", "0,1");
        assertEquals(2, both.code(), both.toString());
        CliRun yaml = run("train", "dqn", "--env", "CartPole-v1", "--steps", "10", "--config", "x.yaml");
        assertEquals(2, yaml.code(), yaml.toString());
        assertTrue(yaml.err().contains("--config x.yaml: no such file"), yaml.toString());
    }

    @Test
    void yamlConfigIsReadAndSetOverridesIt() throws IOException {
        Path yaml = dir.resolve("dqn.yaml");
        Files.writeString(yaml, "# tuned\nlearning_rate: 1e-3\nhidden: [64, 32]\ndouble_q: true\nbatchSize: 32\n");
        Map<String, String> file = YamlConfigFile.read(yaml);
        assertEquals(Map.of("learning_rate", "0.001", "hidden", "64,32", "double_q", "true", "batchSize", "32"), file);
        DqnConfig c = (DqnConfig) ConfigOverrides.configure(Algorithms.get("dqn"), yaml, file,
                Map.of("batch_size", "16"));
        assertEquals(1e-3, c.learningRate());
        assertEquals(List.of(64, 32), c.hidden());
        assertTrue(c.doubleQ());
        assertEquals(16, c.batchSize(), "--set is applied after the file");
    }

    @Test
    void badYamlFilesAreUserErrorsNamingFileAndPlace() throws IOException {
        Path syntax = dir.resolve("syntax.yaml");
        Files.writeString(syntax, "learning_rate: 1e-3\nhidden: [64, 32\n");
        CliRun r = run("train", "dqn", "--env", "CartPole-v1", "--steps", "10", "--config", syntax.toString());
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().contains(syntax + ":") && r.err().contains("not valid YAML"), r.toString());

        Path unknown = dir.resolve("unknown.yaml");
        Files.writeString(unknown, "learning_rat: 0.1\n");
        CliRun u = run("train", "dqn", "--env", "CartPole-v1", "--steps", "10", "--config", unknown.toString());
        assertEquals(2, u.code(), u.toString());
        assertTrue(u.err().contains("--config " + unknown + ": key learning_rat") && u.err().contains("learningRate"),
                u.toString());

        Path badValue = dir.resolve("bad.yaml");
        Files.writeString(badValue, "gamma: 1.5\n");
        CliRun b = run("train", "dqn", "--env", "CartPole-v1", "--steps", "10", "--config", badValue.toString());
        assertEquals(2, b.code(), b.toString());
        assertTrue(b.err().contains("gamma = 1.5"), b.toString());

        Path list = dir.resolve("list.yaml");
        Files.writeString(list, "- 1\n- 2\n");
        CliRun l = run("train", "dqn", "--env", "CartPole-v1", "--steps", "10", "--config", list.toString());
        assertEquals(2, l.code(), l.toString());
        assertTrue(l.err().contains("expected a mapping"), l.toString());

        Path nested = dir.resolve("nested.yaml");
        Files.writeString(nested, "hidden:\n  a: 1\n");
        CliRun n = run("train", "dqn", "--env", "CartPole-v1", "--steps", "10", "--config", nested.toString());
        assertEquals(2, n.code(), n.toString());
        assertTrue(n.err().contains("key 'hidden' must be a scalar or a list"), n.toString());
    }

    @Test
    void helpDescribesTheOptions() {
        CliRun t = run("train", "--help");
        assertEquals(0, t.code(), t.toString());
        assertTrue(t.out().contains("--seeds") && t.out().contains("--no-progress") && t.out().contains("configs/ALGO/ENV.yaml"),
                t.toString());
        CliRun e = run("eval", "--help");
        assertEquals(0, e.code(), e.toString());
        assertTrue(e.out().contains("--checkpoint"), e.toString());
        CliRun top = run("--help");
        assertTrue(top.out().contains("train") && top.out().contains("eval"), top.toString());
    }

    @Test
    void seedListsParse() {
        assertArrayEquals(new long[] {0, 1, 2, 3, 4}, SeedList.parse("0..4", "--seeds"));
        assertArrayEquals(new long[] {3, 1, 7}, SeedList.parse("3, 1,7", "--seeds"));
        assertArrayEquals(new long[] {5}, SeedList.parse("5", "--seeds"));
        assertThrows(QuiverUserException.class, () -> SeedList.parse("1,1", "--seeds"));
        assertThrows(QuiverUserException.class, () -> SeedList.parse("a..b", "--seeds"));
        assertThrows(QuiverUserException.class, () -> SeedList.parse("", "--seeds"));
    }

    @Test
    void overridesParseEachFieldType() {
        Map<String, String> o = new LinkedHashMap<>();
        o.put("learning_starts", "500");
        o.put("learningRate", "1e-3");
        o.put("hidden", "64,32");
        o.put("double_q", "true");
        o.put("loss", "huber");
        DqnConfig c = (DqnConfig) ConfigOverrides.configure(Algorithms.get("dqn"), null, Map.of(), o);
        assertEquals(500, c.learningStarts());
        assertEquals(1e-3, c.learningRate());
        assertEquals(List.of(64, 32), c.hidden());
        assertTrue(c.doubleQ());
        assertEquals("HUBER", c.loss().name());
        assertThrows(QuiverUserException.class, () -> ConfigOverrides.configure(Algorithms.get("dqn"), null, Map.of(), Map.of("dueling", "yes")));
        assertThrows(QuiverUserException.class, () -> ConfigOverrides.configure(Algorithms.get("dqn"), null, Map.of(), Map.of("loss", "l1")));
    }

    @Test
    void iqmOfOneSeedIsThatSeed() {
        assertEquals(3.5, TrainCommand.iqm(new double[] {3.5}, 0).point());
        var e = TrainCommand.iqm(new double[] {1, 2, 3, 4, 100}, 0);
        assertTrue(e.low() <= e.point() && e.point() <= e.high(), e.toString());
    }
}
