package dev.quiver.pipeline.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.core.error.QuiverUserException;
import dev.quiver.pipeline.Stage;
import dev.quiver.pipeline.demo.DemoStudies;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Study files are read with their line numbers; every mistake names the line, the key and what is allowed. */
class StudyParserTest {
    @TempDir
    Path dir;

    private static final String GOOD = """
            study: s
            kind: sequential
            tasks:
              - env: CartPole-v1
                data: {episodes: 10}
                candidates: [bc, iql+aw]
            learn: {steps: 100}
            """;

    private static QuiverUserException fails(String text) {
        return assertThrows(QuiverUserException.class, () -> StudyParser.parse(text, "study.yaml", Path.of(".")));
    }

    @Test
    void readsAGoodStudyWithDefaults() {
        StudyConfig c = StudyParser.parse(GOOD, "study.yaml", Path.of("."));
        assertEquals("s", c.name());
        assertEquals(0, c.seed());
        assertTrue(c.runs(Stage.VERIFY) && c.runs(Stage.QUANTIFY));
        TaskSpec t = c.sequential().tasks().get(0);
        assertEquals("CartPole-v1", t.env());
        assertEquals(List.of("bc", "iql+aw"), t.candidates().stream().map(CandidateSpec::label).toList());
        assertEquals("aw", t.candidates().get(1).sampling().scheme().shortName());
        assertEquals("scripted", t.data().behaviour());
        assertEquals(100, t.steps(c.sequential().learn()));
        assertEquals(List.of(0L, 1L, 2L), c.sequential().learn().seeds());
    }

    @Test
    void unknownStageNamesLineKeyAndAllowedStages() {
        QuiverUserException e = fails(GOOD + "stages: [data, learn, estimat, report]\n");
        assertTrue(e.getMessage().startsWith("study.yaml:8: stages[2]:"), e.getMessage());
        assertTrue(e.getMessage().contains("'estimat'") && e.getMessage().contains("did you mean 'estimate'")
                && e.getMessage().contains("allowed: data, learn, estimate, verify, quantify, report"), e.getMessage());
    }

    @Test
    void unknownAlgorithmNamesLineKeyAndAllowedAlgorithms() {
        QuiverUserException e = fails(GOOD.replace("[bc, iql+aw]", "[bc,\n      iqll]"));
        assertTrue(e.getMessage().startsWith("study.yaml:7: tasks[0].candidates[1]:"), e.getMessage());
        assertTrue(e.getMessage().contains("unknown offline algorithm 'iqll'")
                && e.getMessage().contains("allowed: bc, cql, iql, td3bc, riql"), e.getMessage());
    }

    @Test
    void unknownEnvNamesLineAndKnownIds() {
        QuiverUserException e = fails(GOOD.replace("CartPole-v1", "CartPol-v1"));
        assertTrue(e.getMessage().startsWith("study.yaml:4: tasks[0].env:"), e.getMessage());
        assertTrue(e.getMessage().contains("unknown env id 'CartPol-v1'") && e.getMessage().contains("CartPole-v1"),
                e.getMessage());
    }

    @Test
    void wrongTypeNamesLineKeyAndExpectedType() {
        QuiverUserException e = fails(GOOD.replace("steps: 100", "steps: many"));
        assertEquals("study.yaml:7: learn.steps: expected a whole number, got 'many'", e.getMessage());
        e = fails(GOOD + "estimate: {gamma: 1.5}\n");
        assertEquals("study.yaml:8: estimate.gamma: must be in [0, 1], got 1.5", e.getMessage());
        e = fails(GOOD.replace("candidates: [bc, iql+aw]", "candidates: bc"));
        assertTrue(e.getMessage().startsWith("study.yaml:6: tasks[0].candidates: expected a list"), e.getMessage());
    }

    @Test
    void unknownKeySuggestsTheNearestAndListsTheAllowed() {
        QuiverUserException e = fails(GOOD.replace("steps: 100", "stepz: 100"));
        assertTrue(e.getMessage().startsWith("study.yaml:7: learn.stepz: unknown key 'stepz' (did you mean 'steps'?)"),
                e.getMessage());
        assertTrue(e.getMessage().contains("allowed keys in learn: steps, seeds, hidden, batch_size"), e.getMessage());
    }

    @Test
    void missingDatasetFileNamesLineAndPath() {
        QuiverUserException e = fails(GOOD.replace("data: {episodes: 10}", "data: {source: minari, path: nowhere}"));
        assertTrue(e.getMessage().startsWith("study.yaml:5: tasks[0].data.path: no such Minari dataset directory"),
                e.getMessage());
        assertTrue(e.getMessage().contains("nowhere"), e.getMessage());
    }

    @Test
    void missingStudyFileIsAUserError() {
        QuiverUserException e = assertThrows(QuiverUserException.class,
                () -> StudyParser.read(dir.resolve("absent.yaml")));
        assertTrue(e.getMessage().contains("absent.yaml: no such study file"), e.getMessage());
    }

    @Test
    void readsRelativePathsAgainstTheStudyFile() throws Exception {
        Files.createDirectories(dir.resolve("logs/ds"));
        Path f = dir.resolve("study.yaml");
        Files.writeString(f, GOOD.replace("data: {episodes: 10}", "data: {source: minari, path: logs/ds}"));
        StudyConfig c = StudyParser.read(f);
        assertEquals(dir.resolve("logs/ds").toAbsolutePath().normalize(), c.sequential().tasks().get(0).data().path());
        assertEquals("unknown", c.sequential().tasks().get(0).data().behaviour());
    }

    @Test
    void algorithmThatCannotActInTheEnvIsRejectedAtItsLine() {
        QuiverUserException e = fails(GOOD.replace("[bc, iql+aw]", "[bc, td3bc]"));
        assertTrue(e.getMessage().startsWith("study.yaml:6: tasks[0].candidates[1]:"), e.getMessage());
        assertTrue(e.getMessage().contains("CartPole-v1"), e.getMessage());
    }

    @Test
    void configOverridesAreCheckedAgainstTheAlgorithm() {
        QuiverUserException e = fails(GOOD.replace("[bc, iql+aw]",
                "\n      - {algorithm: iql, config: {expectile: 0.8, temprature: 2}}"));
        assertTrue(e.getMessage().startsWith("study.yaml:7: tasks[0].candidates[0].config.temprature:"), e.getMessage());
        assertTrue(e.getMessage().contains("allowed:") && e.getMessage().contains("expectile"), e.getMessage());
        StudyConfig ok = StudyParser.parse(GOOD.replace("[bc, iql+aw]",
                "\n      - {algorithm: iql, name: iql-08, config: {expectile: 0.8}}"), "study.yaml", Path.of("."));
        CandidateSpec c = ok.sequential().tasks().get(0).candidates().get(0);
        assertEquals("iql-08", c.label());
        assertEquals(0.8, (Double) c.overrides().get("expectile"));
    }

    @Test
    void scriptedBehaviourNeedsAController() {
        QuiverUserException e = fails(GOOD.replace("CartPole-v1", "Acrobot-v1"));
        assertTrue(e.getMessage().startsWith("study.yaml:5: tasks[0].data:"), e.getMessage());
        assertTrue(e.getMessage().contains("no scripted controller") && e.getMessage().contains("behaviour: uniform"),
                e.getMessage());
    }

    @Test
    void invalidYamlNamesLineAndColumn() {
        QuiverUserException e = fails("study: s\nkind: [sequential\n");
        assertTrue(e.getMessage().startsWith("study.yaml:3:"), e.getMessage());
        assertTrue(e.getMessage().contains("not valid YAML"), e.getMessage());
        e = fails("study: s\nstudy: t\nkind: bandit\n");
        assertTrue(e.getMessage().contains("study.yaml:"), e.getMessage());
    }

    @Test
    void banditStudiesRejectQuantifyAndMisplacedParameters() {
        String bandit = """
                study: b
                kind: bandit
                data: {source: synthetic, rounds: 1000}
                candidates: [logging, {kind: linucb, alpha: 0.5}]
                """;
        assertEquals(2, StudyParser.parse(bandit, "b.yaml", null).bandit().candidates().size());
        QuiverUserException e = fails(bandit + "stages: [data, learn, estimate, quantify, report]\n");
        assertTrue(e.getMessage().startsWith("study.yaml:5: stages[3]:"), e.getMessage());
        e = fails(bandit.replace("alpha: 0.5", "epsilon: 0.5"));
        assertTrue(e.getMessage().startsWith("study.yaml:4: candidates[1].epsilon: 'epsilon' does not apply to kind"
                + " 'linucb'; its parameter is 'alpha'"), e.getMessage());
        e = fails(bandit + "estimate: {estimators: [dr, ipx]}\n");
        assertTrue(e.getMessage().startsWith("study.yaml:5: estimate.estimators[1]: unknown estimator 'ipx'"),
                e.getMessage());
    }

    @Test
    void banditDataKeysMustApplyToTheSource() {
        String bandit = """
                study: b
                kind: bandit
                data: {source: synthetic, rounds: 1000}
                candidates: [logging, uniform]
                """;
        // path without source: obd was silently ignored before
        QuiverUserException e = fails(bandit.replace("{source: synthetic, rounds: 1000}",
                "{path: logs, rounds: 1000}"));
        assertTrue(e.getMessage().startsWith("study.yaml:3: data.path: 'path' does not apply to source 'synthetic'"),
                e.getMessage());
        assertTrue(e.getMessage().contains("allowed keys for source synthetic: source, rounds, actions, context_dim,"
                + " reward_function, beta, eval_fraction"), e.getMessage());
        e = fails(bandit.replace("{source: synthetic, rounds: 1000}", "{source: synthetic, policy: bts}"));
        assertTrue(e.getMessage().startsWith("study.yaml:3: data.policy: 'policy' does not apply to source"
                + " 'synthetic'"), e.getMessage());
        e = fails(bandit.replace("data: {source: synthetic, rounds: 1000}", """
                data:
                  source: obd
                  path: logs
                  beta: 2"""));
        assertTrue(e.getMessage().startsWith("study.yaml:6: data.beta: 'beta' does not apply to source 'obd'"),
                e.getMessage());
        assertTrue(e.getMessage().contains("allowed keys for source obd: source, path, policy, campaign,"
                + " eval_fraction"), e.getMessage());
    }

    @Test
    void episodesApplyOnlyToCollectedData() throws Exception {
        Files.createDirectories(dir.resolve("ds"));
        Path f = dir.resolve("study.yaml");
        Files.writeString(f, GOOD.replace("data: {episodes: 10}", "data: {source: minari, path: ds, episodes: 10}"));
        QuiverUserException e = assertThrows(QuiverUserException.class, () -> StudyParser.read(f));
        assertTrue(e.getMessage().contains("study.yaml:5: tasks[0].data.episodes: 'episodes' is the number of"
                + " episodes to collect"), e.getMessage());
    }

    @Test
    void behaviourIsAReservedCandidateName() {
        QuiverUserException e = fails(GOOD.replace("[bc, iql+aw]",
                "\n      - bc\n      - {algorithm: iql, name: behaviour}"));
        assertTrue(e.getMessage().startsWith("study.yaml:8: tasks[0].candidates[1].name: candidate name 'behaviour'"
                + " is reserved for the behaviour policy"), e.getMessage());
    }

    @Test
    void quantifyNeedsEnoughFittingEpisodesForTheObservation() {
        // fit_fraction 0.05 of 10 episodes: 0 fitting episodes; CartPole's 4 observation numbers need 5
        QuiverUserException e = fails(GOOD + "quantify: {episodes: 10, fit_fraction: 0.05, alpha: 0.5}\n");
        assertTrue(e.getMessage().startsWith("study.yaml:8: quantify.episodes: quantify: fit_fraction 0.05 of 10"
                + " episodes gives 0 fitting episode(s)"), e.getMessage());
        assertTrue(e.getMessage().contains("(4 dimensions) needs at least 5; use episodes: 100 or more"),
                e.getMessage());
        // floor(0.2 * 20) = 4: the smallest valid values are 25 episodes or fit_fraction 0.25
        e = fails(GOOD + "quantify: {episodes: 20, fit_fraction: 0.2, alpha: 0.5}\n");
        assertTrue(e.getMessage().endsWith("use episodes: 25 or more (or fit_fraction: 0.25 or more)"),
                e.getMessage());
        StudyParser.parse(GOOD + "quantify: {episodes: 25, fit_fraction: 0.2, alpha: 0.5}\n", "study.yaml",
                Path.of("."));
        // not checked when the study does not quantify
        StudyParser.parse(GOOD + "quantify: {episodes: 20, fit_fraction: 0.2, alpha: 0.5}\n"
                + "stages: [data, learn, estimate, verify, report]\n", "study.yaml", Path.of("."));
    }

    @Test
    void fitAndCalibrationFractionsLeaveATestPart() {
        QuiverUserException e = fails(GOOD + "quantify: {fit_fraction: 0.5, calibration_fraction: 0.46}\n");
        assertTrue(e.getMessage().startsWith("study.yaml:8: quantify: fit_fraction + calibration_fraction = 0.96"
                + " leaves too few test episodes; keep the sum at most 0.95"), e.getMessage());
        StudyParser.parse(GOOD + "quantify: {fit_fraction: 0.5, calibration_fraction: 0.45}\n", "study.yaml",
                Path.of("."));
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void theShippedDemoStudiesParse(boolean quick) {
        List<StudyConfig> studies = DemoStudies.load(quick, null);
        assertEquals(2, studies.size());
        assertEquals(2, studies.get(0).sequential().tasks().size());
        assertTrue(studies.get(1).bandit().data().synthetic());
    }
}
