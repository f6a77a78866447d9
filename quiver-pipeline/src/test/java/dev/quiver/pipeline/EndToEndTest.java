package dev.quiver.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import dev.quiver.core.estimate.Estimate;
import dev.quiver.pipeline.io.JsonValues;
import dev.quiver.pipeline.run.RunOptions;
import dev.quiver.pipeline.run.StudyResult;
import dev.quiver.pipeline.run.StudyRunner;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tiny sequential study (CartPole, 12 logged episodes, BC and IQL for 200 gradient steps) from logs to report:
 * the run folder's files, results.json's numbers and their intervals, and that two worker processes give the
 * same numbers as one thread.
 */
class EndToEndTest {
    @TempDir
    static Path tmp;
    static StudyResult result;
    static JsonObject results;
    static JsonObject task;

    @BeforeAll
    static void run() {
        result = StudyRunner.run(TinyStudies.parse(TinyStudies.SEQUENTIAL),
                RunOptions.defaults().withOutRoot(tmp.resolve("runs")).withThreads(1));
        results = JsonValues.read(result.runDir().resolve("results.json"));
        task = results.getAsJsonObject("tasks").getAsJsonObject("CartPole-v1");
    }

    @Test
    void runFolderHoldsReportJsonCsvLogsAndCheckpoints() {
        Path d = result.runDir();
        assertTrue(d.getFileName().toString().matches("tiny-\\d{8}-\\d{6}(-\\d+)?"), d.toString());
        for (String f : List.of("report.html", "results.json", "summary.txt", "CartPole-v1/data/episodes.csv",
                "CartPole-v1/data/data.json", "CartPole-v1/learn/candidates/bc/seed-0/metrics.csv",
                "CartPole-v1/learn/candidates/iql/seed-0/checkpoint/manifest.json",
                "CartPole-v1/estimate/estimates.csv", "CartPole-v1/verify/online_returns.csv",
                "CartPole-v1/quantify/quantify.csv")) {
            assertTrue(Files.isRegularFile(d.resolve(f)), f);
        }
        assertFalse(Files.exists(d.resolve("CartPole-v1/data/train")), "the logged datasets stay in the cache");
        assertEquals(5, result.stagesComputed() + result.stagesReused(), "data, learn, estimate, verify, quantify");
    }

    @Test
    void resultsHoldEveryNumberWithItsInterval() {
        assertEquals("tiny", results.get("study").getAsString());
        assertEquals(12, task.getAsJsonObject("data").get("episodes").getAsInt());
        JsonObject est = task.getAsJsonObject("estimate");
        List<String> ids = new ArrayList<>();
        task.getAsJsonObject("learn").getAsJsonArray("policies").forEach(p -> ids.add(p.getAsJsonObject().get("id")
                .getAsString()));
        assertEquals(List.of("bc/seed-0", "iql/seed-0"), ids);
        assertTrue(ids.contains(est.get("selected").getAsString()));
        for (String id : ids) {
            for (String e : List.of("fqe", "dr", "wis", "pdis")) {
                checkEstimate(est.getAsJsonObject("policies").getAsJsonObject(id).getAsJsonObject(e));
            }
        }
        // the ranking follows the lower ends of FQE's intervals
        String first = est.getAsJsonArray("ranking").get(0).getAsString();
        String second = est.getAsJsonArray("ranking").get(1).getAsString();
        assertTrue(low(est, first) >= low(est, second));
        JsonObject ver = task.getAsJsonObject("verify");
        Estimate poi = checkEstimate(ver.getAsJsonObject("poi_selected_vs_behaviour"));
        assertTrue(poi.low() >= 0 && poi.high() <= 1, poi.toString());
        for (String id : List.of("bc/seed-0", "iql/seed-0", "behaviour")) {
            JsonObject p = ver.getAsJsonObject("policies").getAsJsonObject(id);
            checkEstimate(p.getAsJsonObject("mean_return"));
            assertEquals(4, p.getAsJsonArray("returns").size());
        }
        checkEstimate(ver.getAsJsonObject("behaviour_value"));
        Estimate regret = checkEstimate(ver.getAsJsonObject("selection_regret"));
        // the best online policy's value minus the recommended one's: never negative (up to rounding)
        assertTrue(regret.point() >= -1e-9, regret.toString());
        checkEstimate(est.getAsJsonObject("behaviour_logged_value"));
        checkEstimate(est.getAsJsonObject("logged_return"));
        JsonObject ope = ver.getAsJsonObject("ope_vs_truth").getAsJsonObject("fqe");
        assertEquals(2, ope.getAsJsonArray("top_k").size());
        JsonObject q = task.getAsJsonObject("quantify");
        assertEquals(40, q.get("episodes").getAsInt());
        assertEquals(10 + 20 + 10, q.get("fit_episodes").getAsInt() + q.get("calibration_episodes").getAsInt()
                + q.get("test_episodes").getAsInt());
        // alpha 0.2 with 20 calibration episodes: rank ceil(21 * 0.8) = 17
        assertEquals(17, q.get("rank").getAsInt());
        checkEstimate(q.getAsJsonObject("empirical_coverage"));
        Estimate qMean = checkEstimate(q.getAsJsonObject("mean_return"));
        assertEquals(0.95, qMean.confidence(), 1e-12, "the study's confidence");
        assertTrue(results.getAsJsonObject("aggregates").getAsJsonObject("bc").has("iqm"));
        assertFalse(results.getAsJsonArray("summary").isEmpty());
        assertTrue(result.summary().get(0).startsWith("CartPole-v1: recommended "), result.summary().toString());
    }

    @Test
    void resultsJsonIsStrictJsonWithUndefinedNumbersAsNull() throws Exception {
        for (String f : List.of("results.json", "CartPole-v1/verify/verify.json", "CartPole-v1/quantify/quantify.json",
                "CartPole-v1/estimate/estimate.json", "CartPole-v1/data/data.json")) {
            String text = Files.readString(result.runDir().resolve(f));
            // a strict (RFC 8259) parser, as jq, JSON.parse and Jackson are: it rejects NaN and Infinity
            JsonReader reader = new JsonReader(new StringReader(text));
            reader.setStrictness(Strictness.STRICT);
            JsonElement parsed = JsonParser.parseReader(reader);
            assertTrue(parsed.isJsonObject(), f);
            assertFalse(Pattern.compile("[:\\[,]\\s*-?(NaN|Infinity)\\b").matcher(text).find(), f + " has a bare NaN");
            assertFalse(text.contains("\"NaN\"") || text.contains("Infinity\""), f + " has NaN as a string");
        }
        // SharpeRatio@1 is undefined (0 / 0): written as null, not NaN
        JsonObject k1 = task.getAsJsonObject("verify").getAsJsonObject("ope_vs_truth").getAsJsonObject("fqe")
                .getAsJsonArray("top_k").get(0).getAsJsonObject();
        assertTrue(k1.get("sharpe_ratio").isJsonNull(), k1.toString());
        // integers stay integers
        assertTrue(Files.readString(result.runDir().resolve("results.json")).contains("\"episodes\": 12,"));
    }

    @Test
    void workerProcessesGiveTheSameNumbersAsOneThread() {
        StudyResult two = StudyRunner.run(TinyStudies.parse(TinyStudies.SEQUENTIAL), RunOptions.defaults()
                .withOutRoot(tmp.resolve("runs-2")).withThreads(2).withForce(java.util.Set.of()));
        JsonObject t2 = JsonValues.read(two.runDir().resolve("results.json")).getAsJsonObject("tasks")
                .getAsJsonObject("CartPole-v1");
        for (String stage : List.of("estimate", "quantify")) {
            assertEquals(task.get(stage), t2.get(stage), stage);
        }
        JsonObject v1 = task.getAsJsonObject("verify").deepCopy();
        JsonObject v2 = t2.getAsJsonObject("verify").deepCopy();
        assertEquals(v1, v2);
        JsonElement l1 = task.getAsJsonObject("learn").getAsJsonArray("policies").get(0).getAsJsonObject()
                .get("final_metrics");
        JsonElement l2 = t2.getAsJsonObject("learn").getAsJsonArray("policies").get(0).getAsJsonObject()
                .get("final_metrics");
        assertEquals(l1, l2);
    }

    @Test
    void reportIsWellFormedXhtmlWithEveryImageInline() throws Exception {
        ReportChecks.Report r = ReportChecks.check(result.report());
        // OPE vs truth, aggregates, performance profiles, probability of improvement
        assertEquals(4, r.images(), r.toString());
        assertTrue(r.text().contains("Recommendation") && r.text().contains("How well OPE ranked"), r.toString());
        assertTrue(r.tables() >= 6, r.toString());
    }

    private static double low(JsonObject est, String id) {
        return JsonValues.estimate(est.getAsJsonObject("policies").getAsJsonObject(id).getAsJsonObject("fqe")).low();
    }

    static Estimate checkEstimate(JsonObject o) {
        Estimate e = JsonValues.estimate(o);
        assertTrue(Double.isFinite(e.point()) && e.low() <= e.high(), e.toString());
        assertTrue(e.confidence() > 0 && e.confidence() < 1 && !e.method().isBlank(), e.toString());
        return e;
    }
}
