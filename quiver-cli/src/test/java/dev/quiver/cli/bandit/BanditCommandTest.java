package dev.quiver.cli.bandit;

import static dev.quiver.cli.CliRun.run;
import dev.quiver.cli.CliRun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@code quiver bandit simulate|sparse} in-process at reduced sizes. */
class BanditCommandTest {
    @TempDir
    Path dir;

    @Test
    void simulatePrintsFinalRegretWithIntervalsAndWritesJsonAndPlot() throws Exception {
        Path json = dir.resolve("out/regret.json");
        Path png = dir.resolve("out/regret.png");
        CliRun r = run("bandit", "simulate", "--algo", "linucb,neusquarecb", "--env", "nonlinear", "--rounds", "300",
                "--seeds", "0..2", "--arms", "3", "--dim", "5", "--threads", "2", "--points", "20", "--reps", "200",
                "--json", json.toString(), "--plot", png.toString());
        assertEquals(0, r.code(), r.toString());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.get(0).startsWith("quiver bandit simulate: cos(3.0 x.theta), K=3, d=5"), r.out());
        assertTrue(lines.stream().anyMatch(l -> l.matches("linucb\\s+\\d+\\.\\d{3}\\s+\\[\\d+\\.\\d{3}, \\d+\\.\\d{3}\\].*")),
                r.out());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("neusquarecb ")), r.out());
        assertTrue(r.err().contains("run 4/4") || r.err().contains("run 6/6"), r.err());

        JsonObject doc = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
        assertEquals("bandit simulate", doc.get("command").getAsString());
        assertEquals(300, doc.get("rounds").getAsInt());
        JsonObject lin = doc.getAsJsonObject("algorithms").getAsJsonObject("linucb");
        assertEquals(20, lin.getAsJsonObject("curve").getAsJsonArray("mean").size());
        assertEquals(300, lin.getAsJsonObject("curve").getAsJsonArray("round").get(19).getAsInt());
        assertEquals(3, lin.getAsJsonArray("per_seed_final_regret").size());
        JsonObject fin = lin.getAsJsonObject("final_regret");
        assertTrue(fin.get("low").getAsDouble() <= fin.get("point").getAsDouble());
        byte[] head = Files.readAllBytes(png);
        assertTrue(head.length > 1000 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G', "a PNG file");

        // the same run on one thread gives the same numbers
        Path json1 = dir.resolve("out/regret1.json");
        assertEquals(0, run("bandit", "simulate", "--algo", "linucb,neusquarecb", "--rounds", "300", "--seeds", "0..2",
                "--arms", "3", "--dim", "5", "--threads", "1", "--points", "20", "--reps", "200", "--no-progress",
                "--json", json1.toString()).code());
        JsonObject one = JsonParser.parseString(Files.readString(json1)).getAsJsonObject();
        assertEquals(doc.get("algorithms"), one.get("algorithms"));
    }

    @Test
    void sparseReportsQueriesAndGapsPerMethod() throws Exception {
        Path json = dir.resolve("sparse.json");
        CliRun r = run("bandit", "sparse", "--dim", "6", "--sparsity", "2", "--arms", "300", "--seeds", "0..1",
                "--reps", "200", "--no-progress", "--json", json.toString());
        assertEquals(0, r.code(), r.toString());
        for (String m : List.of("sparse-net", "sparse-design", "dense-design", "exhaustive")) {
            assertTrue(r.out().lines().anyMatch(l -> l.startsWith(m + " ")), m + ": " + r.out());
        }
        assertTrue(r.out().lines().anyMatch(l -> l.matches("exhaustive\\s+300\\s+\\[300, 300\\].*2/2")), r.out());
        JsonObject doc = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
        assertEquals(2, doc.getAsJsonObject("methods").getAsJsonObject("sparse-net").get(
                "successes_gap_at_most_3_epsilon").getAsInt());
    }

    @Test
    void badInputIsAUserErrorNamingTheOption() {
        CliRun r = run("bandit", "simulate", "--algo", "linucb,bogus", "--rounds", "10");
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().contains("--algo") && r.err().contains("bogus") && r.err().contains("neusquarecb"), r.err());
        CliRun e = run("bandit", "simulate", "--env", "weird");
        assertEquals(2, e.code());
        assertTrue(e.err().contains("--env") && e.err().contains("nonlinear"), e.err());
        CliRun s = run("bandit", "sparse", "--methods", "nope");
        assertEquals(2, s.code());
        assertTrue(s.err().contains("--methods"), s.err());
        CliRun seeds = run("bandit", "simulate", "--seeds", "3..1");
        assertEquals(2, seeds.code());
        CliRun param = run("bandit", "simulate", "--algo", "linucb", "--param", "linucb.gamma=3", "--rounds", "10");
        assertEquals(2, param.code());
        assertTrue(param.err().contains("--param") && param.err().contains("alpha, lambda"), param.err());
    }

    @Test
    void paramsChangeOneAlgorithmsSettings() throws Exception {
        Path json = dir.resolve("p.json");
        CliRun r = run("bandit", "simulate", "--algo", "linucb,neufastcb", "--rounds", "50", "--seeds", "0", "--reps",
                "10", "--no-progress", "--param", "linucb.alpha=0.5", "--param", "neufastcb.hidden=8x4",
                "--param", "neufastcb.lr=0.3", "--json", json.toString());
        assertEquals(0, r.code(), r.toString());
        String doc = Files.readString(json);
        assertTrue(doc.contains("LinUcbConfig[alpha=0.5, lambda=1.0]"), doc);
        assertTrue(doc.contains("hidden=[8, 4], learningRate=0.3"), doc);
    }

    @Test
    void helpHasNoPicocliWarnings() {
        for (String[] args : List.of(new String[] {"bandit", "--help"}, new String[] {"bandit", "simulate", "--help"},
                new String[] {"bandit", "sparse", "--help"})) {
            CliRun.assertCleanHelp(args);
        }
    }
}
