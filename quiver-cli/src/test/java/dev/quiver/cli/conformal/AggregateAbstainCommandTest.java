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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@code quiver conformal aggregate|abstain} in-process on small generated data. */
class AggregateAbstainCommandTest {
    @TempDir
    Path dir;
    Path regression;
    Path classification;

    @BeforeEach
    void writeData() throws IOException {
        Random rng = new Random(2);
        StringBuilder r = new StringBuilder("x1,x2,y\n");
        StringBuilder c = new StringBuilder("a,b,label\n");
        for (int i = 0; i < 600; i++) {
            double x1 = rng.nextDouble();
            double x2 = rng.nextDouble();
            r.append(String.format(Locale.ROOT, "%.6f,%.6f,%.6f%n", x1, x2, 1 + 2 * x1 - x2 + (0.2 + x1)
                    * rng.nextGaussian()));
            int k = rng.nextInt(3);
            c.append(String.format(Locale.ROOT, "%.6f,%.6f,%s%n", Math.cos(2.1 * k) + rng.nextGaussian(),
                    Math.sin(2.1 * k) + rng.nextGaussian(), new String[] {"red", "green", "blue"}[k]));
        }
        regression = dir.resolve("reg.csv");
        classification = dir.resolve("cls.csv");
        Files.writeString(regression, r);
        Files.writeString(classification, c);
    }

    @Test
    void aggregatePrintsTheTablesAndWritesJson() throws IOException {
        Path out = dir.resolve("agg.json");
        CliRun r = run("conformal", "aggregate", "--data", regression.toString(), "--target", "y", "--models",
                "linear,ols-residual", "--no-local", "--repeats", "2", "--json", out.toString());
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("global-medium") && r.out().contains("best base (per split)"), r.out());
        assertTrue(r.out().contains("never above 0"), r.out());
        JsonObject j = JsonParser.parseString(Files.readString(out)).getAsJsonObject();
        assertTrue(j.getAsJsonObject("methods").has("global-fine"));
        assertTrue(j.get("max_sort_increase").getAsDouble() <= 0);
        assertEquals(2, j.get("repeats").getAsInt());
    }

    @Test
    void abstainRunsOnACsvFileAndOnTheSyntheticTask() throws IOException {
        Path out = dir.resolve("abs.json");
        CliRun r = run("conformal", "abstain", "--data", classification.toString(), "--target", "label", "--repeats", "2",
                "--json", out.toString());
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("policy-uncalibrated") && r.out().contains("calibrated miss cost"), r.out());
        JsonObject j = JsonParser.parseString(Files.readString(out)).getAsJsonObject();
        assertTrue(j.getAsJsonObject("methods").has("lac"));
        assertEquals(2, j.getAsJsonArray("calibrated_miss_cost").size());
        CliRun s = run("conformal", "abstain", "--synthetic", "1000", "--repeats", "2", "--bandit", "squarecb");
        assertEquals(0, s.code(), s.toString());
        assertTrue(s.out().contains("synthetic (1000 rows)"), s.out());
    }

    @Test
    void badInputIsAUserError() {
        assertUserError(run("conformal", "aggregate", "--data", regression.toString(), "--target", "y", "--levels",
                "0.1,0.5,0.8"), "symmetric");
        assertUserError(run("conformal", "aggregate", "--data", regression.toString(), "--target", "y", "--models",
                "linear,forest"), "forest");
        assertUserError(run("conformal", "abstain", "--data", classification.toString(), "--target", "label",
                "--bandit", "ucb9"), "--bandit ucb9");
        assertUserError(run("conformal", "abstain", "--data", classification.toString(), "--target", "label",
                "--alpha", "1.5"), "--alpha");
        assertUserError(run("conformal", "abstain", "--synthetic", "500", "--data", classification.toString()),
                "one of --synthetic");
        assertUserError(run("conformal", "abstain", "--data", classification.toString(), "--target", "label",
                "--size-cost", "-1"), "--size-cost");
    }

    private static void assertUserError(CliRun r, String needle) {
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().startsWith("quiver: error: "), r.toString());
        assertTrue(r.err().contains(needle), "expected '" + needle + "' in: " + r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r);
    }

    @Test
    void helpHasNoFormatWarnings() {
        for (String[] args : List.of(new String[] {"conformal", "aggregate", "--help"},
                new String[] {"conformal", "abstain", "--help"})) {
            CliRun.assertCleanHelp(args);
        }
    }
}
