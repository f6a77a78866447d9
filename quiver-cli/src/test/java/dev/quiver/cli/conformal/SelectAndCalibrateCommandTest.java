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

/** Runs {@code quiver conformal select} and {@code quiver calibrate} in-process on small generated CSV files. */
class SelectAndCalibrateCommandTest {
    @TempDir
    Path dir;
    Path regression;
    Path binary;
    Path threeClasses;

    private static JsonObject json(Path p) throws IOException {
        return JsonParser.parseString(Files.readString(p)).getAsJsonObject();
    }

    @BeforeEach
    void writeData() throws IOException {
        Random rng = new Random(3);
        StringBuilder r = new StringBuilder("x1,x2,y\n");
        StringBuilder b = new StringBuilder("a,b,sick\n");
        StringBuilder c = new StringBuilder("a,b,label\n");
        for (int i = 0; i < 400; i++) {
            double x1 = rng.nextDouble();
            double x2 = rng.nextDouble();
            r.append(String.format(Locale.ROOT, "%.6f,%.6f,%.6f%n", x1, x2, 3 * x1 - x2 + 0.5 * rng.nextGaussian()));
            double z = 3 * (x1 - 0.5) + rng.nextGaussian();
            b.append(String.format(Locale.ROOT, "%.6f,%.6f,%s%n", x1, x2, z > 0 ? "yes" : "no"));
            int k = rng.nextInt(3);
            c.append(String.format(Locale.ROOT, "%.6f,%.6f,%s%n", Math.cos(2.1 * k) + rng.nextGaussian(),
                    Math.sin(2.1 * k) + rng.nextGaussian(), new String[] {"red", "green", "blue"}[k]));
        }
        regression = dir.resolve("reg.csv");
        binary = dir.resolve("bin.csv");
        threeClasses = dir.resolve("three.csv");
        Files.writeString(regression, r);
        Files.writeString(binary, b);
        Files.writeString(threeClasses, c);
    }

    @Test
    void selectReportsSelectionFdpAndPowerAndIsDeterministic() throws IOException {
        Path out = dir.resolve("s.json");
        CliRun r = run("conformal", "select", "--data", regression.toString(), "--target", "y", "--threshold", "1.5",
                "--q", "0.2", "--models", "ols,ridge,linear-q0.7", "--repeats", "3", "--seed", "4", "--optcs-beta",
                "0.9", "--json", out.toString());
        assertEquals(0, r.code(), r.toString());
        for (String s : List.of("BH ols", "BH ridge", "BH linear-q0.7", "random single model", "naive max", "OptCS",
                "OptCS (beta 0.9)", "model choices", "160 training, 160 calibration, 80 test")) {
            assertTrue(r.out().contains(s), s + " in\n" + r.out());
        }
        JsonObject j = json(out);
        JsonObject optcs = j.getAsJsonObject("results").getAsJsonObject("OptCS");
        double fdr = optcs.get("fdr").getAsDouble();
        double power = optcs.get("power").getAsDouble();
        assertTrue(fdr >= 0 && fdr <= 1 && power >= 0 && power <= 1, optcs.toString());
        assertTrue(j.getAsJsonObject("results").getAsJsonObject("BH ols").get("power").getAsDouble() > 0.3,
                j.toString());
        assertEquals(3, j.getAsJsonObject("per_repeat").getAsJsonObject("OptCS").getAsJsonArray("fdp").size());
        Path again = dir.resolve("s2.json");
        assertEquals(0, run("conformal", "select", "--data", regression.toString(), "--target", "y", "--threshold",
                "1.5", "--q", "0.2", "--models", "ols,ridge,linear-q0.7", "--repeats", "3", "--seed", "4",
                "--optcs-beta", "0.9", "--json", again.toString()).code());
        assertEquals(j.get("per_repeat"), json(again).get("per_repeat"));
    }

    @Test
    void selectOnOneSplitListsTheSelectedRows() throws IOException {
        Path out = dir.resolve("one.json");
        CliRun r = run("conformal", "select", "--data", regression.toString(), "--target", "y", "--threshold", "1.5",
                "--models", "ols", "--method", "bh", "--json", out.toString());
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains(">FDP") || r.out().contains("FDP"), r.out());
        JsonObject j = json(out);
        assertEquals(j.getAsJsonObject("results").getAsJsonObject("BH ols").get("selected").getAsDouble(),
                j.getAsJsonArray("selected_data_rows").size(), 0);
        assertFalse(j.getAsJsonObject("results").has("OptCS"));
    }

    @Test
    void selectSimulatesJinAndCandesSettings() {
        CliRun r = run("conformal", "select", "--simulate", "6", "--sigma", "0.5", "--models", "ols,xgboost",
                "--xgb-rounds", "5", "--n-train", "60", "--n-calib", "60", "--n-test", "30", "--repeats", "2");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("simulation setting 6 (sigma 0.5); per repeat 60 training, 60 calibration, 30 test"),
                r.out());
    }

    @Test
    void calibrateReportsMetricsConformalSetsAndDrawsTheDiagram() throws IOException {
        Path out = dir.resolve("c.json");
        Path png = dir.resolve("plots/reliability.png");
        CliRun r = run("calibrate", "--data", binary.toString(), "--target", "sick", "--model", "logistic", "--repeats",
                "3", "--bins", "5", "--json", out.toString(), "--plot", png.toString());
        assertEquals(0, r.code(), r.toString());
        for (String s : List.of("ECE (5 bins)", "adaptive ECE", "Brier", "log loss", "ROC AUC", "platt", "isotonic",
                "temperature", "LAC coverage", "APS size", "fitted temperature")) {
            assertTrue(r.out().contains(s), s + " in\n" + r.out());
        }
        assertTrue(Files.size(png) > 1000);
        JsonObject j = json(out);
        JsonObject raw = j.getAsJsonObject("results").getAsJsonObject("raw");
        double auc = raw.getAsJsonObject("auc").get("point").getAsDouble();
        assertTrue(auc > 0.7 && auc <= 1, raw.toString());
        JsonObject platt = j.getAsJsonObject("results").getAsJsonObject("platt");
        // Platt is strictly increasing in the score: the ranking, hence the AUC, is the raw one
        assertEquals(0, platt.getAsJsonObject("auc_change").get("point").getAsDouble(), 1e-12);
        assertEquals(5, raw.getAsJsonArray("reliability").size());
        assertEquals(3, j.getAsJsonArray("temperature").size());
        Path svg = dir.resolve("r.svg");
        assertEquals(0, run("calibrate", "--data", binary.toString(), "--target", "sick", "--method", "isotonic",
                "--plot", svg.toString()).code());
        assertTrue(Files.readString(svg).contains("<svg"));
    }

    @Test
    void calibrateThresholdsANumericTargetAndHandlesThreeClasses() {
        CliRun r = run("calibrate", "--data", regression.toString(), "--target", "y", "--positive-above", "median",
                "--model", "xgboost", "--xgb-rounds", "10", "--method", "temperature");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("target y > median"), r.out());
        r = run("calibrate", "--data", threeClasses.toString(), "--target", "label", "--method", "platt,temperature");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("top-label ECE") && r.out().contains("n/a"), r.out());
    }

    @Test
    void badInputIsAUserError() {
        assertUserError(run("conformal", "select", "--data", regression.toString(), "--target", "y"), "--threshold");
        assertUserError(run("conformal", "select", "--data", regression.toString(), "--target", "y", "--threshold",
                "1", "--q", "1.5"), "--q");
        assertUserError(run("conformal", "select", "--data", regression.toString(), "--target", "y", "--threshold",
                "1", "--models", "ols,forest"), "--models forest");
        assertUserError(run("conformal", "select", "--data", regression.toString(), "--target", "y", "--threshold",
                "1", "--models", "xgboost-q1.5"), "quantile level");
        assertUserError(run("conformal", "select", "--simulate", "9"), "setting must be 1..8");
        assertUserError(run("conformal", "select", "--simulate", "1", "--data", regression.toString()), "not both");
        assertUserError(run("conformal", "select", "--data", regression.toString(), "--target", "y", "--threshold",
                "1", "--method", "bh", "--optcs-beta", "0.9"), "--optcs-beta");
        assertUserError(run("calibrate", "--data", binary.toString(), "--target", "sick", "--method", "magic"),
                "--method magic");
        assertUserError(run("calibrate", "--data", binary.toString(), "--target", "sick", "--bins", "0"), "--bins");
        assertUserError(run("calibrate", "--dataset", "concrete"), "--positive-above");
        assertUserError(run("calibrate", "--data", regression.toString(), "--target", "y", "--positive-above", "99"),
                "one side");
        assertUserError(run("calibrate", "--data", regression.toString(), "--target", "y", "--positive-above", "lots"),
                "number or median");
        assertUserError(run("calibrate", "--data", binary.toString(), "--target", "sick", "--plot",
                dir.resolve("x.gif").toString()), ".png or .svg");
    }

    private static void assertUserError(CliRun r, String needle) {
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().startsWith("quiver: error: "), r.toString());
        assertTrue(r.err().contains(needle), "expected '" + needle + "' in: " + r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r);
    }

    @Test
    void helpHasNoFormatWarnings() {
        for (String[] args : List.of(new String[] {"conformal", "select", "--help"}, new String[] {"calibrate",
            "--help"})) {
            CliRun.assertCleanHelp(args);
        }
    }

    @Test
    void calibrateReadsACqrBenchmark() {
        Path data = null;
        for (String c : List.of("../../shared/data/cqr-datasets", "../shared/data/cqr-datasets")) {
            if (Files.isDirectory(Path.of(c))) {
                data = Path.of(c);
            }
        }
        Assumptions.assumeTrue(data != null, "shared/data/cqr-datasets not found: skipped");
        CliRun r = run("calibrate", "--dataset", "concrete", "--data-dir", data.toString(), "--positive-above", "median",
                "--method", "platt");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("data: concrete (1030 rows, 8 features"), r.out());
    }
}
