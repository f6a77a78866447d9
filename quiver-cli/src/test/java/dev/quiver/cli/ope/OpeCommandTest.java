package dev.quiver.cli.ope;

import static dev.quiver.cli.CliRun.run;
import dev.quiver.cli.CliRun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code quiver ope bandit} and {@code quiver ope synthetic} in-process. */
class OpeCommandTest {
    @TempDir
    Path dir;
    Path logs;

    /**
     * Four rows, two actions, a uniform evaluation policy: weights 0.5/0.5 = 1, 0.5/0.25 = 2, 0.5/0.8 =
     * 0.625, 0.5/0.5 = 1, so IPW = (1 * 1 + 1 * 1) / 4 = 0.5 and SNIPW = 2 / 4.625.
     */
    @BeforeEach
    void writeLogs() throws IOException {
        logs = Files.writeString(dir.resolve("logs.csv"),
                "x,action,reward,propensity\n0.1,0,1,0.5\n0.2,1,0,0.25\n-0.3,0,0,0.8\n0.4,1,1,0.5\n");
    }

    private static double field(String json, String estimator, String key) {
        String flat = json.replace(" ", "").replace("\n", "");
        int at = flat.indexOf("\"" + estimator + "\":{");
        assertTrue(at >= 0, estimator + " missing in " + json);
        Matcher v = Pattern.compile("\"" + key + "\":([-0-9.eE]+)").matcher(flat.substring(at));
        assertTrue(v.find(), key + " missing in " + json);
        return Double.parseDouble(v.group(1));
    }

    @Test
    void estimatesFromACsvOfLogsWithJson() throws IOException {
        Path json = dir.resolve("out/est.json");
        CliRun r = run("ope", "bandit", "--logs", logs.toString(), "--estimators", "ipw,snipw,dm,dr,switch-dr:1",
                "--bootstrap", "300", "--json", json.toString());
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("ipw") && r.out().contains("95% CI") && r.out().contains("switch-dr:1"), r.out());
        String doc = Files.readString(json);
        assertEquals(0.5, field(doc, "ipw", "value"), 1e-12);
        assertEquals(2 / 4.625, field(doc, "snipw", "value"), 1e-12);
        assertTrue(field(doc, "ipw", "low") <= 0.5 && field(doc, "ipw", "high") >= 0.5, doc);
        for (String key : List.of("\"dm\"", "\"dr\"", "\"switch-dr:1\"", "\"low\"", "\"high\"")) {
            assertTrue(doc.contains(key), key + " missing in " + doc);
        }
        // same seed, same numbers; another seed, other intervals
        CliRun again = run("ope", "bandit", "--logs", logs.toString(), "--estimators", "ipw,snipw,dm,dr,switch-dr:1",
                "--bootstrap", "300");
        CliRun other = run("ope", "bandit", "--logs", logs.toString(), "--estimators", "ipw,snipw,dm,dr,switch-dr:1",
                "--bootstrap", "300", "--seed", "1");
        assertEquals(r.out(), again.out());
        assertNotEquals(r.out(), other.out());
    }

    @Test
    void onPolicyComparisonAndAFilePolicy() throws IOException {
        Path pi = Files.writeString(dir.resolve("pi.csv"), "p0,p1\n1,0\n1,0\n1,0\n1,0\n");
        Path json = dir.resolve("rel.json");
        CliRun r = run("ope", "bandit", "--logs", logs.toString(), "--eval-policy", pi.toString(), "--estimators", "ipw",
                "--on-policy", logs.toString(), "--bootstrap", "200", "--json", json.toString());
        assertEquals(0, r.code(), r.toString());
        String doc = Files.readString(json);
        // always action 0: weights 2, -, 1.25, - and IPW = (2 * 1) / 4 = 0.5; on-policy mean reward 0.5
        assertEquals(0.5, field(doc, "ipw", "value"), 1e-12);
        assertTrue(doc.contains("\"relative_error\"") && doc.contains("\"on-policy\""), doc);
        assertTrue(r.out().contains("on-policy value"), r.out());
    }

    @Test
    void userErrorsNameWhatAndWhere() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.csv"), "x,action,reward,propensity\n0.1,0,1,0.5\n0.2,1,oops,0.5\n");
        CliRun r = run("ope", "bandit", "--logs", bad.toString());
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().contains("bad.csv line 3, column 3 ('reward')") && r.err().contains("oops"), r.toString());
        r = run("ope", "bandit", "--logs", logs.toString(), "--estimators", "ipw,magic");
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().contains("unknown estimator 'magic'") && r.err().contains("sndr"), r.toString());
        r = run("ope", "bandit", "--logs", logs.toString(), "--eval-policy", "nope.csv");
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().contains("--eval-policy 'nope.csv'") && r.err().contains("uniform"), r.toString());
        r = run("ope", "bandit", "--obd", logs.toString());
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().contains("--obd") && r.err().contains("not a folder"), r.toString());
        r = run("ope", "bandit", "--logs", logs.toString(), "--obd", dir.toString());
        assertEquals(2, r.code(), r.toString());
        r = run("ope", "bandit");
        assertEquals(2, r.code(), r.toString());
    }

    @Test
    void openBanditDatasetFolder() {
        Path root = null;
        for (String c : List.of("../../shared/data/open-bandit-dataset", "../shared/data/open-bandit-dataset")) {
            if (Files.isDirectory(Path.of(c, "bts", "men"))) {
                root = Path.of(c);
            }
        }
        Assumptions.assumeTrue(root != null, "shared/data/open-bandit-dataset not found: skipped");
        CliRun r = run("ope", "bandit", "--obd", root.resolve("random/men").toString(), "--eval-policy",
                "frequencies:" + root.resolve("bts/men"), "--estimators", "ipw,snipw", "--bootstrap", "200",
                "--on-policy", root.resolve("bts/men").toString());
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("10000 rows, 34 actions, 3 positions, mean reward 0.00460"), r.out());
        assertTrue(r.out().contains("on-policy value") && r.out().contains("0.00690"), r.out());
    }

    @Test
    void syntheticBenchmarkWritesJson() throws IOException {
        Path json = dir.resolve("syn.json");
        CliRun r = run("ope", "synthetic", "--sizes", "200,400", "--replications", "3", "--truth-contexts", "2000",
                "--estimators", "ipw,dm,dr", "--json", json.toString());
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("MSE x 1000") && r.out().contains("bias"), r.out());
        String doc = Files.readString(json);
        assertTrue(doc.contains("\"truth\"") && doc.contains("\"cells\"") && doc.contains("\"mse_se\""), doc);
        assertEquals(6, doc.split("\"estimator\"").length - 1, doc);
        CliRun bad = run("ope", "synthetic", "--reward-function", "cubic");
        assertEquals(2, bad.code(), bad.toString());
        assertTrue(bad.err().contains("--reward-function"), bad.toString());
    }
}
