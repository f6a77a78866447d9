package dev.quiver.cli.ope;

import dev.quiver.cli.CliRun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.quiver.cli.QuiverCommand;
import dev.quiver.core.error.QuiverUserException;
import dev.quiver.data.dataset.EpisodeDataset;
import dev.quiver.data.io.MinariReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Runs {@code quiver ope rl} in-process on a tiny dataset: a DQN checkpoint trained for a few hundred steps
 * records 6 CartPole episodes with epsilon 0.3, and the command evaluates the same checkpoint at other epsilons.
 */
class OpeRlCommandTest {
    @TempDir
    static Path dir;
    private static Path checkpoint;
    private static Path data;

    /** {@code quiver ope rl ARGS} through its own command line, user errors exiting 2 as in QuiverCommand. */
    static CliRun ope(String... args) {
        CommandLine cl = new CommandLine(new OpeRlCommand());
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            if (ex instanceof QuiverUserException) {
                cmd.getErr().println("quiver: error: " + ex.getMessage());
                return QuiverCommand.EXIT_USER_ERROR;
            }
            throw ex;
        });
        return CliRun.run(cl, args);
    }

    @BeforeAll
    static void checkpointAndData() {
        Path run = dir.resolve("run");
        CliRun t = CliRun.run("train", "dqn", "--env", "CartPole-v1", "--steps", "300", "--seed", "1", "--set",
                "learning_starts=100", "--set", "hidden=16,16", "--eval-episodes", "1", "--eval-every", "0",
                "--no-progress", "--out", run.toString());
        assertEquals(0, t.code(), t.toString());
        checkpoint = run.resolve("seed-1");
        data = dir.resolve("cartpole-eps03");
        CliRun c = CliRun.run("data", "collect", "--policy", checkpoint.toString(), "--episodes", "6", "--epsilon",
                "0.3", "--seed", "2", "--out", data.toString());
        assertEquals(0, c.code(), c.toString());
    }

    @Test
    void estimatesEveryChosenEstimatorAndWritesJson() throws IOException {
        Path json = dir.resolve("out/ope.json");
        CliRun r = ope("--dataset", data.toString(), "--policy", checkpoint.toString(), "--epsilon", "0.1",
                "--behaviour", checkpoint.toString(), "--behaviour-epsilon", "0.3", "--estimators", "pdis,wis,dr,fqe",
                "--fqe-steps", "30", "--bootstrap", "200", "--json", json.toString());
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("6 episodes") && r.out().contains("dqn checkpoint"), r.toString());
        JsonObject doc = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
        assertEquals(List.of("pdis", "wis", "dr", "fqe"), List.copyOf(doc.keySet()));
        for (String k : doc.keySet()) {
            JsonObject e = doc.getAsJsonObject(k);
            double v = e.get("value").getAsDouble();
            double low = e.get("low").getAsDouble();
            double high = e.get("high").getAsDouble();
            assertTrue(Double.isFinite(v) && low <= high, k + ": " + e);
        }
        try (var files = Files.list(json.getParent())) {
            assertEquals(1, files.count(), "no temporary file is left beside the JSON");
        }
        // FQE refitted on resamples for its interval; the point is the same fit as above
        Path refits = dir.resolve("refits.json");
        CliRun f = ope("--dataset", data.toString(), "--policy", checkpoint.toString(), "--epsilon", "0.1",
                "--behaviour", checkpoint.toString(), "--behaviour-epsilon", "0.3", "--estimators", "fqe",
                "--fqe-steps", "30", "--fqe-refits", "2", "--bootstrap", "200", "--json", refits.toString());
        assertEquals(0, f.code(), f.toString());
        JsonObject fqe = JsonParser.parseString(Files.readString(refits)).getAsJsonObject().getAsJsonObject("fqe");
        assertTrue(fqe.get("method").getAsString().contains("2 refits"), fqe.toString());
        assertEquals(doc.getAsJsonObject("fqe").get("value").getAsDouble(), fqe.get("value").getAsDouble(), 0.0);
    }

    /** Evaluating the behaviour policy itself: every ratio is 1, so PDIS and WIS give the data's mean return. */
    @Test
    void onPolicyImportanceSamplingIsTheMeanReturn() throws IOException {
        Path json = dir.resolve("on-policy.json");
        CliRun r = ope("--dataset", data.toString(), "--policy", checkpoint.toString(), "--epsilon", "0.3",
                "--behaviour", checkpoint.toString(), "--behaviour-epsilon", "0.3", "--estimators", "wis,pdis",
                "--gamma", "0.9", "--bootstrap", "50", "--json", json.toString());
        assertEquals(0, r.code(), r.toString());
        EpisodeDataset ds = MinariReader.read(data);
        double mean = 0;
        for (double g : ds.discountedReturns(0.9)) {
            mean += g / ds.numEpisodes();
        }
        JsonObject doc = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
        assertEquals(List.of("pdis", "wis"), List.copyOf(doc.keySet()), "output in the estimators' fixed order");
        assertEquals(mean, doc.getAsJsonObject("pdis").get("value").getAsDouble(), 1e-9);
        assertEquals(mean, doc.getAsJsonObject("wis").get("value").getAsDouble(), 1e-9);
    }

    @Test
    void userErrorsNameWhatIsWrong() {
        CliRun unknown = ope("--dataset", data.toString(), "--policy", checkpoint.toString(), "--behaviour", "uniform",
                "--estimators", "pdis,magic");
        assertEquals(2, unknown.code(), unknown.toString());
        assertTrue(unknown.err().contains("unknown estimator 'magic'") && unknown.err().contains("wdr"),
                unknown.toString());
        CliRun missing = ope("--dataset", data.toString(), "--policy", dir.resolve("nope").toString(), "--behaviour",
                "uniform");
        assertEquals(2, missing.code(), missing.toString());
        assertTrue(missing.err().contains("--policy " + dir.resolve("nope")), missing.toString());
        // a greedy behaviour policy never takes the other actions the evaluation policy may take
        CliRun support = ope("--dataset", data.toString(), "--policy", checkpoint.toString(), "--epsilon", "0.5",
                "--behaviour", checkpoint.toString(), "--estimators", "pdis");
        assertEquals(2, support.code(), support.toString());
        assertTrue(support.err().contains("never takes it"), support.toString());
        CliRun rate = ope("--dataset", data.toString(), "--policy", checkpoint.toString(), "--behaviour", "uniform",
                "--epsilon", "2");
        assertEquals(2, rate.code(), rate.toString());
        assertTrue(rate.err().contains("--epsilon must be in [0, 1]"), rate.toString());
        assertFalse(Files.exists(dir.resolve("never.json")));
        CliRun help = ope("--help");
        assertEquals(0, help.code());
        assertFalse(help.out().contains("[picocli WARN]") || help.err().contains("[picocli WARN]"), help.toString());
        assertTrue(help.out().contains("95% percentile-bootstrap"), help.out());
    }
}
