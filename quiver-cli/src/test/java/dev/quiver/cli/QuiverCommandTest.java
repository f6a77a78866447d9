package dev.quiver.cli;

import static dev.quiver.cli.CliRun.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@link QuiverCommand} in-process and checks exit codes, output and JSON files. */
class QuiverCommandTest {
    @TempDir
    Path dir;

    @SuppressWarnings("unchecked")
    static Map<String, Object> readJson(Path p) throws IOException {
        return (Map<String, Object>) MiniJson.parse(Files.readString(p));
    }

    @SuppressWarnings("unchecked")
    static double meanReturn(Map<String, Object> doc) {
        return (Double) ((Map<String, Object>) doc.get("mean_return")).get("point");
    }

    @Test
    void everyCommandHasHelp() {
        for (String[] args : List.of(new String[] {"--help"}, new String[] {"envs", "--help"},
                new String[] {"envs", "list", "--help"}, new String[] {"envs", "run", "--help"},
                new String[] {"envs", "verify", "--help"}, new String[] {"envs", "tour", "--help"},
                new String[] {"demo", "--help"}, new String[] {"run", "--help"},
                new String[] {"bench", "--help"}, new String[] {"bench", "envs", "--help"})) {
            CliRun.assertCleanHelp(args);
        }
        CliRun r = run("envs", "run", "--help");
        assertTrue(r.out().contains("gamma = 1"), "run --help must say optimal uses gamma = 1: " + r);
        assertTrue(r.out().contains("--seed") && r.out().contains("--json") && r.out().contains("--verbose"), r.toString());
        assertEquals(0, run("--version").code());
    }

    @Test
    void envsListShowsTheRegisteredEnvs() {
        CliRun r = run("envs", "list");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("CartPole-v1"), r.toString());
        assertTrue(r.out().contains("Discrete(2)") && r.out().contains("500") && r.out().contains("475"), r.toString());
        assertTrue(r.out().contains("max steps") && r.out().contains("reward threshold"), r.toString());
    }

    @Test
    void unknownEnvIdIsAUserErrorWithASuggestion() {
        CliRun r = run("envs", "run", "CartPol-v1");
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().startsWith("quiver: error: "), r.toString());
        assertTrue(r.err().contains("did you mean 'CartPole-v1'"), r.toString());
        assertFalse(r.err().contains("\tat "), "no stack trace without --verbose: " + r);
        assertEquals("", r.out());
    }

    @Test
    void verbosePrintsTheStackTraceOnAnyLevel() {
        for (String[] args : List.of(new String[] {"--verbose", "envs", "run", "CartPol-v1"},
                new String[] {"envs", "run", "CartPol-v1", "--verbose"})) {
            CliRun r = run(args);
            assertEquals(2, r.code(), r.toString());
            assertTrue(r.err().startsWith("quiver: error: "), r.toString());
            assertTrue(r.err().contains("\tat dev.quiver"), r.toString());
        }
    }

    @Test
    void badArgumentsAreUserErrors() {
        String[][] cases = {
            {"envs", "run", "CartPole-v1", "--bogus"},
            {"envs", "run", "CartPole-v1", "--episodes", "0"},
            {"envs", "run", "CartPole-v1", "--episodes", "x"},
            {"envs", "run", "CartPole-v1", "--policy", "clever"},
            {"envs", "run", "CartPole-v1", "--option", "no-equals-sign"},
            {"envs", "run", "CartPole-v1", "--option", "max_episode_steps=abc"},
            {"envs", "run", "CartPole-v1", "--option", "unknown_kwarg=1"},
            {"envs", "run"},
            {"envs"},
            {},
            {"envs", "verify"},
        };
        for (String[] args : cases) {
            CliRun r = run(args);
            assertEquals(2, r.code(), String.join(" ", args) + ": " + r);
            assertTrue(r.err().startsWith("quiver: error: "), String.join(" ", args) + ": " + r);
            assertFalse(r.err().contains("\tat "), String.join(" ", args) + ": " + r);
        }
        assertTrue(run("envs").err().contains("list, run, verify"), run("envs").toString());
    }

    @Test
    void optimalPolicyNeedsATabularModel() {
        CliRun r = run("envs", "run", "CartPole-v1", "--policy", "optimal");
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().contains("no exact tabular model"), r.toString());
    }

    @Test
    void runPrintsEachReturnAndWritesValidJson() throws IOException {
        Path out = dir.resolve("results/run.json");
        CliRun r = run("envs", "run", "CartPole-v1", "--episodes", "20", "--seed", "5", "--json", out.toString());
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("mean return") && r.out().contains("95% interval"), r.toString());
        Map<String, Object> doc = readJson(out);
        assertEquals("CartPole-v1", doc.get("env"));
        assertEquals("random", doc.get("policy"));
        assertEquals(20.0, doc.get("episodes"));
        assertEquals(5.0, doc.get("seed"));
        @SuppressWarnings("unchecked")
        List<Double> returns = (List<Double>) doc.get("returns");
        assertEquals(20, returns.size());
        double mean = returns.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        assertEquals(mean, meanReturn(doc), 1e-9);
        @SuppressWarnings("unchecked")
        Map<String, Object> est = (Map<String, Object>) doc.get("mean_return");
        assertTrue((Double) est.get("low") <= mean && mean <= (Double) est.get("high"), est.toString());
        assertEquals(0.95, est.get("confidence"));
        assertEquals("percentile bootstrap, 10000 reps", est.get("method"));
        for (Double g : returns) {
            assertTrue(r.out().contains(Format.num(g)), "each return is printed: " + r);
        }
        try (Stream<Path> files = Files.list(out.getParent())) {
            assertEquals(List.of(out), files.toList(), "no temporary files left behind");
        }
    }

    @Test
    void sameSeedSameOutput() {
        CliRun a = run("envs", "run", "CartPole-v1", "--episodes", "10", "--seed", "3");
        CliRun b = run("envs", "run", "CartPole-v1", "--episodes", "10", "--seed", "3");
        CliRun c = run("envs", "run", "CartPole-v1", "--episodes", "10", "--seed", "4");
        assertEquals(a.out(), b.out());
        assertNotEquals(a.out(), c.out());
    }

    @Test
    void maxEpisodeStepsOptionLimitsEpisodes() throws IOException {
        Path out = dir.resolve("short.json");
        CliRun r = run("envs", "run", "MountainCar-v0", "--episodes", "3", "--option", "max_episode_steps=7", "--json",
                out.toString());
        assertEquals(0, r.code(), r.toString());
        assertEquals(List.of(7.0, 7.0, 7.0), readJson(out).get("lengths"));
        assertEquals(-7.0, meanReturn(readJson(out)), 0);
    }

    @Test
    void jsonToADirectoryIsAUserError() {
        CliRun r = run("envs", "run", "CartPole-v1", "--episodes", "2", "--json", dir.toString());
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().contains("is a directory"), r.toString());
    }

    @Test
    void optimalBeatsRandomOnFrozenLake() throws IOException {
        Path opt = dir.resolve("opt.json");
        Path rnd = dir.resolve("rnd.json");
        CliRun a = run("envs", "run", "FrozenLake-v1", "--policy", "optimal", "--episodes", "200", "--json", opt.toString());
        CliRun b = run("envs", "run", "FrozenLake-v1", "--policy", "random", "--episodes", "200", "--json", rnd.toString());
        assertEquals(0, a.code(), a.toString());
        assertEquals(0, b.code(), b.toString());
        double optimal = meanReturn(readJson(opt));
        double random = meanReturn(readJson(rnd));
        // slippery FrozenLake: the optimal policy succeeds about 74% of the time within 100 steps, random ~1.5%
        assertTrue(optimal > random, "optimal " + optimal + " vs random " + random);
        assertTrue(optimal > 0.5, "optimal " + optimal);
        CliRun det = run("envs", "run", "FrozenLake-v1", "--policy", "optimal", "--episodes", "20", "--option",
                "is_slippery=false");
        assertEquals(0, det.code(), det.toString());
        assertTrue(det.out().contains("mean return 1.000"), det.toString());
    }

    @Test
    void envsTourRunsAndWritesJson() throws IOException {
        Path out = dir.resolve("tour.json");
        CliRun r = run("envs", "tour", "--json", out.toString());
        assertEquals(0, r.code(), r.toString());
        for (String id : List.of("FrozenLake-v1", "FrozenLake8x8-v1", "CliffWalking-v0", "Taxi-v3", "CartPole-v1")) {
            assertTrue(r.out().contains(id), id + ": " + r);
        }
        Map<String, Object> doc = readJson(out);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = (List<Map<String, Object>>) doc.get("rows");
        assertEquals(9, rows.size());
        for (int i = 0; i < 8; i += 2) {
            assertEquals("random", rows.get(i).get("policy"));
            assertEquals("optimal", rows.get(i + 1).get("policy"));
            assertTrue(meanReturn(rows.get(i + 1)) > meanReturn(rows.get(i)), rows.get(i) + " vs " + rows.get(i + 1));
            double exactRandom = ((Number) rows.get(i).get("exact_return")).doubleValue();
            double exactOptimal = ((Number) rows.get(i + 1).get("exact_return")).doubleValue();
            assertTrue(exactOptimal > exactRandom, rows.get(i) + " vs " + rows.get(i + 1));
        }
        // CliffWalking's optimal path is 13 steps of -1; slippery FrozenLake 4x4 within 100 steps: ~0.74
        assertEquals(-13.0, ((Number) rows.get(5).get("exact_return")).doubleValue(), 1e-9);
        assertEquals(0.74, ((Number) rows.get(1).get("exact_return")).doubleValue(), 0.01);
        assertFalse(rows.get(8).containsKey("exact_return"), "CartPole has no exact model");
        CliRun tour = run("demo", "--tour");
        assertEquals(0, tour.code(), tour.toString());
        assertTrue(tour.out().contains("FrozenLake-v1") && tour.out().contains("CartPole-v1"), tour.toString());
    }

    /** {@code shared/data/gymnasium-reference} from the module or the repo root; null when absent. */
    static Path referenceDir() {
        for (String c : List.of("../../shared/data/gymnasium-reference", "../shared/data/gymnasium-reference")) {
            if (Files.isRegularFile(Path.of(c, "CartPole-v1.csv"))) {
                return Path.of(c);
            }
        }
        return null;
    }

    @Test
    void verifyPassesOnTheReferenceData() throws IOException {
        Path ref = referenceDir();
        Assumptions.assumeTrue(ref != null, "shared/data/gymnasium-reference not found: skipped");
        Path out = dir.resolve("verify.json");
        CliRun r = run("envs", "verify", "--reference", ref.toString(), "--json", out.toString());
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("PASS: 50/50 episodes"), r.toString());
        Map<String, Object> doc = readJson(out);
        assertEquals(Boolean.TRUE, doc.get("passed"));
        assertEquals(5, ((List<?>) doc.get("files")).size());
    }

    @Test
    void verifyFailsWithExit1WhenTheDataDiffers() throws IOException {
        Path ref = referenceDir();
        Assumptions.assumeTrue(ref != null, "shared/data/gymnasium-reference not found: skipped");
        List<String> lines = new ArrayList<>(Files.readAllLines(ref.resolve("MountainCar-v0.csv")));
        String[] f = lines.get(5).split(",", -1);
        f[4] = "-2.0"; // reward of lcg seed 0, t = 4
        lines.set(5, String.join(",", f));
        Path bad = dir.resolve("MountainCar-v0.csv");
        Files.write(bad, lines);
        CliRun r = run("envs", "verify", "--reference", bad.toString());
        assertEquals(1, r.code(), r.toString());
        assertTrue(r.out().contains("FAIL: 9/10 episodes"), r.toString());
        assertTrue(r.out().contains("t=4 (line 6)"), r.toString());
        CliRun tight = run("envs", "verify", "--reference", bad.toString(), "--env", "MountainCar-v0", "--tolerance", "2");
        assertEquals(0, tight.code(), tight.toString());
    }

    @Test
    void verifyReportsMalformedFilesAsUserErrors() throws IOException {
        Path bad = dir.resolve("CartPole-v1.csv");
        Files.writeString(bad, "policy,seed,t,action,reward,terminated,truncated,obs_x,state_x\nlcg,0,0,,,0,0,zero,1\n");
        CliRun r = run("envs", "verify", "--reference", bad.toString());
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().contains(bad + ":2:8 (column 'obs_x'): not a number: 'zero'"), r.toString());
        CliRun two = run("envs", "verify", "--reference", bad.toString(), "--reference", bad.toString(), "--env", "X");
        assertEquals(2, two.code(), two.toString());
        CliRun missing = run("envs", "verify", "--reference", dir.resolve("none.csv").toString());
        assertEquals(2, missing.code(), missing.toString());
    }
}
