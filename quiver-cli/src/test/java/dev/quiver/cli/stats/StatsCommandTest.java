package dev.quiver.cli.stats;

import static dev.quiver.cli.CliRun.run;
import dev.quiver.cli.CliRun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code quiver stats}, {@code stats profile} and {@code stats poi} in-process on small score files. */
class StatsCommandTest {
    @TempDir
    Path dir;
    Path scores;
    Path reference;

    /** Two algorithms on three games; B = A + 10 on every run, so B dominates A everywhere. */
    @BeforeEach
    void writeFiles() throws IOException {
        StringBuilder sb = new StringBuilder("algorithm,game,run,score,note\n");
        String[] games = {"Pong", "Breakout", "Qbert"};
        for (int g = 0; g < games.length; g++) {
            for (int r = 0; r < 8; r++) {
                double a = 10 * g + r;
                sb.append("A,").append(games[g]).append(',').append(r).append(',').append(a).append(",x\n");
                sb.append("B,").append(games[g]).append(',').append(r).append(',').append(a + 10).append(",x\n");
            }
        }
        scores = Files.writeString(dir.resolve("scores.csv"), sb.toString());
        reference = Files.writeString(dir.resolve("ref.csv"), "game,random,human\nPong,0,10\nBreakout,0,20\nQbert,0,40\n");
    }

    @Test
    void tableJsonAndPlot() throws IOException {
        Path json = dir.resolve("out.json");
        Path png = dir.resolve("agg.png");
        CliRun r = run("stats", "--scores", scores.toString(), "--reference", reference.toString(), "--reps", "2000",
                "--json", json.toString(), "--plot", png.toString());
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("IQM") && r.out().contains("Optimality Gap"), r.toString());
        String doc = Files.readString(json);
        for (String key : List.of("\"A\"", "\"B\"", "\"iqm\"", "\"mean\"", "\"median\"", "\"og\"", "\"point\"", "\"low\"",
                "\"high\"")) {
            assertTrue(doc.contains(key), key + " missing in " + doc);
        }
        // A's normalised mean: per game mean of r/span (r = 0..7 -> mean 3.5) plus offset 10g/span
        double expectedMeanA = ((3.5 + 0) / 10 + (3.5 + 10) / 20 + (3.5 + 20) / 40) / 3;
        Matcher m = Pattern.compile("\"A\":\\{\"iqm\":\\{[^}]*\\},\"mean\":\\{\"point\":([0-9.eE-]+)").matcher(
                doc.replace(" ", "").replace("\n", ""));
        assertTrue(m.find(), doc);
        assertEquals(expectedMeanA, Double.parseDouble(m.group(1)), 1e-12);
        assertTrue(Files.size(png) > 1000);
    }

    @Test
    void sameSeedSameNumbersWhateverTheThreadCount() {
        CliRun one = run("stats", "--scores", scores.toString(), "--reps", "3000", "--seed", "5", "--threads", "1");
        CliRun two = run("stats", "--scores", scores.toString(), "--reps", "3000", "--seed", "5", "--threads", "2");
        assertEquals(0, one.code(), one.toString());
        assertEquals(one.out(), two.out());
        CliRun other = run("stats", "--scores", scores.toString(), "--reps", "3000", "--seed", "6");
        assertFalse(one.out().equals(other.out()), "a different seed must give different intervals");
    }

    @Test
    void probabilityOfImprovementOfADominatingAlgorithmIsOne() {
        CliRun r = run("stats", "poi", "--scores", scores.toString(), "--x", "B", "--reps", "500");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("1.000  [1.000, 1.000]"), r.toString());
        CliRun rev = run("stats", "poi", "--scores", scores.toString(), "--x", "A", "--y", "B", "--reps", "500");
        assertTrue(rev.out().contains("0.000  [0.000, 0.000]  no (Y better)"), rev.toString());
    }

    @Test
    void profilesAreWrittenAndPlotted() throws IOException {
        Path json = dir.resolve("p.json");
        Path svg = dir.resolve("p.svg");
        CliRun r = run("stats", "profile", "--scores", scores.toString(), "--reference", reference.toString(), "--tau-max",
                "2", "--tau-points", "21", "--json", json.toString(), "--plot", svg.toString(), "--reps", "300");
        assertEquals(0, r.code(), r.toString());
        assertTrue(Files.readString(json).contains("\"profiles\""));
        assertTrue(Files.readString(svg).contains("<svg"));
        // at tau = 0 every normalised score of B (>= 0.25) is above 0
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("B ") && l.contains("1.000 [1.000, 1.000]")), r.toString());
    }

    @Test
    void badInputIsAUserErrorNamingWhatAndWhere() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.csv"), "algorithm,game,run,score\nA,Pong,0,1.5\nA,Pong,1,oops\n");
        CliRun r = run("stats", "--scores", bad.toString());
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().contains("bad.csv") && r.err().contains("3") && r.err().contains("oops"), r.toString());
        Path missingCol = Files.writeString(dir.resolve("nocol.csv"), "algorithm,game,score\nA,Pong,1\n");
        CliRun m = run("stats", "--scores", missingCol.toString());
        assertEquals(2, m.code(), m.toString());
        assertTrue(m.err().contains("run"), m.toString());
        Path ref = Files.writeString(dir.resolve("ref2.csv"), "game,random,human\nPong,0,10\n");
        CliRun g = run("stats", "--scores", scores.toString(), "--reference", ref.toString());
        assertEquals(2, g.code(), g.toString());
        assertTrue(g.err().contains("Breakout"), g.toString());
        assertEquals(2, run("stats", "--scores", scores.toString(), "--metrics", "iqm,mode").code());
        assertEquals(2, run("stats", "--scores", scores.toString(), "--ci", "magic").code());
        assertEquals(2, run("stats", "--scores", scores.toString(), "--confidence", "1.5").code());
        assertEquals(2, run("stats", "--scores", scores.toString(), "--plot", dir.resolve("x.gif").toString()).code());
        assertFalse(Files.exists(dir.resolve("x.gif")));
        assertEquals(2, run("stats").code());
        assertEquals(2, run("stats", "poi", "--scores", scores.toString(), "--x", "Z").code());
    }
}
