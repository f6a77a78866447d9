package dev.quiver.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.quiver.core.estimate.Estimate;
import dev.quiver.pipeline.io.JsonValues;
import dev.quiver.pipeline.run.RunOptions;
import dev.quiver.pipeline.run.StudyResult;
import dev.quiver.pipeline.run.StudyRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bandit study on synthetic logs (with the truth) and, when the shared data is here, on the Open Bandit Dataset. */
class BanditStudyTest {
    @TempDir
    Path tmp;

    @Test
    void syntheticStudyEstimatesRanksAndChecksAgainstTheTruth() throws Exception {
        StudyResult r = StudyRunner.run(TinyStudies.parse(TinyStudies.BANDIT), RunOptions.defaults()
                .withOutRoot(tmp).withThreads(1));
        JsonObject b = JsonValues.read(r.runDir().resolve("results.json")).getAsJsonObject("bandit");
        JsonObject est = b.getAsJsonObject("estimate");
        JsonObject truth = b.getAsJsonObject("verify").getAsJsonObject("true_values");
        assertEquals(5, truth.size());
        // the logging policy is softmax(beta = 1) over expected rewards in [0, 1]: close to uniform, far from greedy
        assertTrue(truth.get("greedy-logistic").getAsDouble() > truth.get("logging").getAsDouble() + 0.05,
                truth.toString());
        for (String c : truth.keySet()) {
            Estimate dr = JsonValues.estimate(est.getAsJsonObject("candidates").getAsJsonObject(c)
                    .getAsJsonObject("dr"));
            assertTrue(dr.low() <= dr.high());
            // DR is unbiased with correct propensities: with 1,000 evaluation rounds its error is a few hundredths
            assertEquals(truth.get(c).getAsDouble(), dr.point(), 0.08, c);
        }
        JsonObject sel = b.getAsJsonObject("verify").getAsJsonObject("ope_vs_truth").getAsJsonObject("dr");
        assertEquals(5, sel.getAsJsonArray("top_k").size());
        assertTrue(Files.isRegularFile(r.runDir().resolve("bandit/estimate/estimates.csv")));
        assertEquals(1, ReportChecks.check(r.report()).images());
    }

    @Test
    void openBanditDatasetRunsWithoutTruth() {
        Path obd = Path.of("..", "shared", "data", "open-bandit-dataset").toAbsolutePath().normalize();
        Path alt = Path.of("..", "..", "shared", "data", "open-bandit-dataset").toAbsolutePath().normalize();
        Path dir = Files.isDirectory(obd) ? obd : alt;
        Assumptions.assumeTrue(Files.isDirectory(dir.resolve("random/men")), "no Open Bandit Dataset sample at " + dir);
        String study = TinyStudies.BANDIT.replace("data: {source: synthetic, rounds: 2000, actions: 5, context_dim: 3}",
                "data: {source: obd, path: '" + dir.toString().replace('\\', '/') + "', policy: random, campaign: men}");
        StudyResult r = StudyRunner.run(TinyStudies.parse(study), RunOptions.defaults().withOutRoot(tmp).withThreads(1));
        JsonObject b = JsonValues.read(r.runDir().resolve("results.json")).getAsJsonObject("bandit");
        assertEquals(10_000, b.getAsJsonObject("data").get("rounds").getAsInt());
        assertTrue(!b.has("verify"));
        // the uniform candidate is the random logging policy itself: IPW weights are all 1, so IPW is the logged mean
        Estimate ipw = JsonValues.estimate(b.getAsJsonObject("estimate").getAsJsonObject("candidates")
                .getAsJsonObject("uniform").getAsJsonObject("ipw"));
        Estimate logged = JsonValues.estimate(b.getAsJsonObject("estimate").getAsJsonObject("logged_mean_reward"));
        assertEquals(logged.point(), ipw.point(), 1e-12);
    }
}
