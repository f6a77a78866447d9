package dev.quiver.cli.conformal;

import static dev.quiver.cli.CliRun.run;
import dev.quiver.cli.CliRun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Runs {@code quiver conformal regress|classify} in-process on small generated CSV files. */
class ConformalCommandTest {
    @TempDir
    Path dir;
    Path regression;
    Path classification;

    private static JsonObject json(Path p) throws IOException {
        return JsonParser.parseString(Files.readString(p)).getAsJsonObject();
    }

    @BeforeEach
    void writeData() throws IOException {
        Random rng = new Random(1);
        StringBuilder r = new StringBuilder("x1,x2,g,y\n");
        StringBuilder c = new StringBuilder("a,b,label\n");
        for (int i = 0; i < 200; i++) {
            double x1 = rng.nextDouble();
            double x2 = rng.nextDouble();
            int g = x1 > 0.5 ? 1 : 0;
            double y = 1 + 2 * x1 - x2 + (0.2 + x1) * rng.nextGaussian();
            r.append(String.format(Locale.ROOT, "%.6f,%.6f,%d,%.6f%n", x1, x2, g, y));
            int k = rng.nextInt(3);
            String label = new String[] {"red", "green", "blue"}[k];
            c.append(String.format(Locale.ROOT, "%.6f,%.6f,%s%n", Math.cos(2.1 * k) + rng.nextGaussian(),
                    Math.sin(2.1 * k) + rng.nextGaussian(), label));
        }
        regression = dir.resolve("reg.csv");
        classification = dir.resolve("cls.csv");
        Files.writeString(regression, r);
        Files.writeString(classification, c);
    }

    @Test
    void regressPrintsCoverageAndWidthAndWritesJson() throws IOException {
        Path out = dir.resolve("out/r.json");
        CliRun r = run("conformal", "regress", "--data", regression.toString(), "--target", "y", "--features", "x1,x2",
                "--method", "split", "--model", "ols", "--repeats", "3", "--seed", "5", "--json", out.toString());
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("method split, model ols, alpha 0.1, 3 repeats, seed 5"), r.out());
        assertTrue(r.out().contains("160 training (80 proper-training + 80 calibration), 40 test"), r.out());
        assertTrue(r.out().contains("coverage") && r.out().contains("mean width") && r.out().contains("band"), r.out());
        JsonObject j = json(out);
        double c = j.get("coverage").getAsDouble();
        assertTrue(c > 0.5 && c <= 1, j.toString());
        assertTrue(j.get("coverage_low").getAsDouble() <= c && c <= j.get("coverage_high").getAsDouble());
        assertTrue(j.get("mean_width").getAsDouble() > 0);
        assertEquals(80, j.get("n_calibration").getAsInt());
        assertEquals(40, j.get("n_test").getAsInt());
        assertEquals(3, j.getAsJsonObject("per_repeat").getAsJsonArray("coverage").size());
        assertEquals(0.9, j.get("band_low").getAsDouble(), 1e-12);
        assertEquals(0.9 + 1 / 81.0, j.get("band_high").getAsDouble(), 1e-12);
        // same seed, same numbers
        Path again = dir.resolve("out/r2.json");
        assertEquals(0, run("conformal", "regress", "--data", regression.toString(), "--target", "y", "--features",
                "x1,x2", "--repeats", "3", "--seed", "5", "--json", again.toString()).code());
        assertEquals(j.get("per_repeat"), json(again).get("per_repeat"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"split", "normalized", "cvplus", "jackknife+", "jackknife+ab", "cqr", "cqr-asym", "mondrian"})
    void everyRegressionMethodRuns(String method) throws IOException {
        Path out = dir.resolve(method + ".json");
        CliRun r = run("conformal", "regress", "--data", regression.toString(), "--target", "y", "--method", method,
                "--model", "ridge", "--group", "g", "--folds", "5", "--bootstrap", "10", "--repeats", "2", "--json",
                out.toString());
        assertEquals(0, r.code(), r.toString());
        JsonObject j = json(out);
        assertEquals(method, j.get("method").getAsString());
        assertTrue(j.get("coverage").getAsDouble() > 0.5, j.toString());
        boolean split = !List.of("cvplus", "jackknife+", "jackknife+ab").contains(method);
        assertEquals(split, !j.get("n_calibration").isJsonNull(), j.toString());
    }

    @Test
    void boostedModelsRun() {
        CliRun r = run("conformal", "regress", "--data", regression.toString(), "--target", "y", "--method", "cqr",
                "--model", "xgboost", "--xgb-rounds", "5");
        assertEquals(0, r.code(), r.toString());
        r = run("conformal", "classify", "--data", classification.toString(), "--target", "label", "--model",
                "xgboost", "--xgb-rounds", "5");
        assertEquals(0, r.code(), r.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"lac", "aps", "raps"})
    void classifyPrintsCoverageAndSetSize(String method) throws IOException {
        Path out = dir.resolve("c-" + method + ".json");
        CliRun r = run("conformal", "classify", "--data", classification.toString(), "--target", "label", "--method",
                method, "--repeats", "2", "--json", out.toString());
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("3 classes") && r.out().contains("mean set size")
                && r.out().contains("coverage by set size"), r.out());
        JsonObject j = json(out);
        assertEquals(List.of("blue", "green", "red"), j.getAsJsonArray("classes").asList().stream()
                .map(e -> e.getAsString()).toList());
        double size = j.get("mean_set_size").getAsDouble();
        assertTrue(size >= 0 && size <= 3, j.toString());
        assertTrue(j.get("coverage").getAsDouble() > 0.5, j.toString());
        assertFalse(j.getAsJsonObject("size_stratified_coverage").entrySet().isEmpty());
    }

    @Test
    void classConditionalRuns() {
        CliRun r = run("conformal", "classify", "--data", classification.toString(), "--target", "label",
                "--class-conditional", "--method", "aps", "--no-randomized");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("aps (class-conditional)"), r.out());
    }

    @Test
    void badInputIsAUserErrorNamingWhatAndWhere() throws IOException {
        assertUserError(run("conformal", "regress", "--data", regression.toString()), "--target");
        assertUserError(run("conformal", "regress", "--data", regression.toString(), "--target", "y", "--method",
                "magic"), "--method magic");
        assertUserError(run("conformal", "regress", "--data", regression.toString(), "--target", "y", "--model",
                "forest"), "--model forest");
        assertUserError(run("conformal", "regress", "--data", regression.toString(), "--target", "y", "--features",
                "x1,nope"), "no column 'nope'");
        assertUserError(run("conformal", "regress", "--data", regression.toString(), "--target", "y", "--alpha",
                "1.5"), "--alpha");
        assertUserError(run("conformal", "regress", "--data", regression.toString(), "--target", "y", "--method",
                "mondrian"), "--group");
        assertUserError(run("conformal", "regress", "--data", regression.toString(), "--target", "y", "--method",
                "mondrian", "--group", "x1"), "integer");
        assertUserError(run("conformal", "regress", "--data", regression.toString(), "--target", "y", "--dataset",
                "bike"), "exactly one");
        assertUserError(run("conformal", "regress", "--dataset", "bike", "--data-dir", dir.resolve("none").toString()),
                "--data-dir");
        assertUserError(run("conformal", "regress", "--dataset", "iris"), "concrete, bio");
        assertUserError(run("conformal", "classify", "--dataset", "bike"), "classification");
        assertUserError(run("conformal", "regress", "--data", dir.resolve("absent.csv").toString(), "--target", "y"),
                "does not exist");
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "x,y\n1,2\n2,oops\n3,4\n");
        assertUserError(run("conformal", "regress", "--data", bad.toString(), "--target", "y"), "bad.csv:3");
        Path tiny = dir.resolve("tiny.csv");
        Files.writeString(tiny, "x,y\n1,2\n2,3\n3,4\n4,5\n");
        assertUserError(run("conformal", "regress", "--data", tiny.toString(), "--target", "y"), "too few");
        assertUserError(run("conformal", "classify", "--data", classification.toString(), "--target", "label",
                "--method", "raps", "--lambda", "-1"), "--lambda");
    }

    private static void assertUserError(CliRun r, String needle) {
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().startsWith("quiver: error: "), r.toString());
        assertTrue(r.err().contains(needle), "expected '" + needle + "' in: " + r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r);
    }

    @Test
    void helpHasNoFormatWarnings() {
        for (String[] args : List.of(new String[] {"conformal", "--help"}, new String[] {"conformal", "regress", "--help"},
                new String[] {"conformal", "classify", "--help"})) {
            CliRun.assertCleanHelp(args);
        }
    }

    @Test
    void cqrBenchmarkLoadsFromTheDataDirectory() {
        Path data = null;
        for (String c : List.of("../../shared/data/cqr-datasets", "../shared/data/cqr-datasets")) {
            if (Files.isDirectory(Path.of(c))) {
                data = Path.of(c);
            }
        }
        Assumptions.assumeTrue(data != null, "shared/data/cqr-datasets not found: skipped");
        CliRun r = run("conformal", "regress", "--dataset", "concrete", "--data-dir", data.toString(), "--method", "cqr",
                "--model", "ridge");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("data: concrete (1030 rows, 8 features"), r.out());
    }
}
