package dev.quiver.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.quiver.core.error.QuiverUserException;
import dev.quiver.pipeline.io.JsonValues;
import dev.quiver.pipeline.run.RunOptions;
import dev.quiver.pipeline.run.StudyResult;
import dev.quiver.pipeline.run.StudyRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stages are cached by content: unchanged stages are reused, forced or changed ones recomputed, failures leave no trace. */
class CachingTest {
    @TempDir
    Path tmp;

    private static final String STUDY = """
            study: cached
            kind: sequential
            stages: [data, learn, estimate, verify, report]
            tasks:
              - env: CartPole-v1
                data: {episodes: 8, eval_fraction: 0.5}
                candidates: [bc]
            learn: {steps: 100, seeds: 1, hidden: [8], batch_size: 32}
            estimate: {estimators: [fqe, wis], bootstrap: 100, fqe: {steps: 100, hidden: [8], batch_size: 32}}
            verify: {episodes: 2, bootstrap: 100}
            """;

    private StudyResult run(String text, Set<Stage> force) {
        return StudyRunner.run(TinyStudies.parse(text), RunOptions.defaults().withOutRoot(tmp.resolve("runs"))
                .withThreads(1).withForce(force));
    }

    private static JsonObject estimate(StudyResult r) {
        return JsonValues.read(r.runDir().resolve("results.json")).getAsJsonObject("tasks")
                .getAsJsonObject("CartPole-v1").getAsJsonObject("estimate");
    }

    @Test
    void rerunReusesForceRecomputesAndChangesPropagate() {
        StudyResult first = run(STUDY, Set.of());
        assertEquals(4, first.stagesComputed());
        assertEquals(0, first.stagesReused());

        StudyResult again = run(STUDY, Set.of());
        assertEquals(0, again.stagesComputed());
        assertEquals(4, again.stagesReused());
        assertEquals(estimate(first), estimate(again));
        assertTrue(!first.runDir().equals(again.runDir()) && Files.isDirectory(first.runDir()),
                "each run gets its own folder; earlier ones stay");

        // learn is recomputed; its output is byte-identical (deterministic), so estimate and verify are reused
        StudyResult forced = run(STUDY, Set.of(Stage.LEARN));
        assertEquals(1, forced.stagesComputed());
        assertEquals(3, forced.stagesReused());

        // a changed estimate setting recomputes estimate and, through its content hash, verify; not data or learn
        StudyResult changed = run(STUDY.replace("bootstrap: 100, fqe", "bootstrap: 150, fqe"), Set.of());
        assertEquals(2, changed.stagesComputed());
        assertEquals(2, changed.stagesReused());
    }

    private static boolean reused(StudyResult r, String stage) {
        for (var e : r.results().getAsJsonArray("stages")) {
            JsonObject s = e.getAsJsonObject();
            if (s.get("stage").getAsString().equals("CartPole-v1/" + stage)) {
                return s.get("reused").getAsBoolean();
            }
        }
        throw new AssertionError("no stage " + stage);
    }

    @Test
    void estimateSettingsNeverRecollectOrRetrainButLearnSettingsRetrain() {
        run(STUDY, Set.of());
        // confidence and gamma are estimate settings: data collection and training are reused
        StudyResult confidence = run(STUDY.replace("bootstrap: 100, fqe", "confidence: 0.9, bootstrap: 100, fqe"),
                Set.of());
        assertTrue(reused(confidence, "data") && reused(confidence, "learn"), confidence.results().get("stages")
                .toString());
        assertTrue(!reused(confidence, "estimate") && !reused(confidence, "verify"));
        assertEquals(0.9, JsonValues.estimate(estimate(confidence).getAsJsonObject("behaviour_logged_value"))
                .confidence());
        StudyResult gamma = run(STUDY.replace("bootstrap: 100, fqe", "gamma: 0.9, bootstrap: 100, fqe"), Set.of());
        assertTrue(reused(gamma, "data") && reused(gamma, "learn") && !reused(gamma, "estimate"));
        // a learn setting retrains (and everything after it), but does not collect again
        StudyResult steps = run(STUDY.replace("steps: 100, seeds: 1", "steps: 120, seeds: 1"), Set.of());
        assertTrue(reused(steps, "data"));
        assertTrue(!reused(steps, "learn") && !reused(steps, "estimate") && !reused(steps, "verify"));
    }

    @Test
    void failedRunOverwritesNothingAndLeavesNoPartialFolders() throws Exception {
        StudyResult good = run(STUDY, Set.of());
        String before = Files.readString(good.runDir().resolve("results.json"));
        Path bogus = tmp.resolve("not-a-dataset");
        Files.createDirectories(bogus);
        String bad = STUDY.replace("data: {episodes: 8, eval_fraction: 0.5}", "data: {source: minari, path: "
                + bogus.toString().replace('\\', '/') + "}");
        assertThrows(QuiverUserException.class, () -> run(bad, Set.of()));
        assertEquals(before, Files.readString(good.runDir().resolve("results.json")));
        try (Stream<Path> s = Files.list(tmp.resolve("runs"))) {
            List<String> names = s.map(p -> p.getFileName().toString()).sorted().toList();
            assertEquals(List.of(".cache", good.runDir().getFileName().toString()), names);
        }
        try (Stream<Path> s = Files.walk(tmp.resolve("runs/.cache"))) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().contains(".tmp-")), "no half-written stage");
        }
    }
}
