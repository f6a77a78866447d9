package dev.quiver.envs.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.core.error.QuiverUserException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReferenceVerifierTest {
    static final List<String> FILES = List.of("CartPole-v1.csv", "MountainCar-v0.csv", "MountainCarContinuous-v0.csv",
            "Acrobot-v1.csv", "Pendulum-v1.csv");

    @TempDir
    Path dir;

    /** {@code shared/data/gymnasium-reference}, looked up from the module or the repo root; null when absent. */
    static Path referenceDir() {
        for (String candidate : List.of("../../shared/data/gymnasium-reference", "../shared/data/gymnasium-reference")) {
            Path p = Path.of(candidate);
            if (Files.isRegularFile(p.resolve("CartPole-v1.csv"))) {
                return p;
            }
        }
        return null;
    }

    private static Path requireReferenceDir() {
        Path d = referenceDir();
        Assumptions.assumeTrue(d != null, "shared/data/gymnasium-reference not found next to the repository: skipped");
        return d;
    }

    @Test
    void everyReferenceFilePasses() {
        Path d = requireReferenceDir();
        List<String> failures = new ArrayList<>();
        for (String name : FILES) {
            VerificationReport r = ReferenceVerifier.verify(d.resolve(name));
            assertEquals(10, r.episodes().size(), name + ": 5 seeds x 2 policies");
            for (EpisodeCheck c : r.episodes()) {
                if (!c.passed()) {
                    failures.add(String.format(Locale.ROOT, "%s %s seed %d: obs %.3g reward %.3g flags %d: %s", name,
                            c.policy(), c.seed(), c.maxObservationDeviation(), c.maxRewardDeviation(),
                            c.flagMismatches(), c.firstProblem()));
                }
            }
            assertEquals(r.failures() == 0, r.passed());
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void truncationAtTheGymnasiumLimitIsReproduced() {
        Path d = requireReferenceDir();
        VerificationReport r = ReferenceVerifier.verify(d.resolve("Pendulum-v1.csv"));
        assertEquals(200, r.timeLimit());
        assertTrue(r.episodes().stream().allMatch(e -> e.steps() == 200 && e.flagMismatches() == 0), r.toString());
    }

    @Test
    void aTamperedObservationFails() throws IOException {
        Path d = requireReferenceDir();
        List<String> lines = new ArrayList<>(Files.readAllLines(d.resolve("CartPole-v1.csv")));
        // line 4 (index 3) is lcg seed 0 t=2; change obs_x in its 8th field by 1e-3
        String[] f = lines.get(3).split(",", -1);
        f[7] = Double.toString(Double.parseDouble(f[7]) + 1e-3);
        lines.set(3, String.join(",", f));
        Path tampered = dir.resolve("CartPole-v1.csv");
        Files.write(tampered, lines);
        VerificationReport r = ReferenceVerifier.verify(tampered);
        assertFalse(r.passed());
        assertEquals(1, r.failures());
        EpisodeCheck bad = r.episodes().get(0);
        assertEquals(1e-3, bad.maxObservationDeviation(), 1e-6);
        assertTrue(bad.firstProblem().contains("t=2 (line 4)"), bad.firstProblem());
    }

    @Test
    void aFlippedFlagFails() throws IOException {
        Path d = requireReferenceDir();
        List<String> lines = new ArrayList<>(Files.readAllLines(d.resolve("CartPole-v1.csv")));
        String[] f = lines.get(2).split(",", -1);
        f[5] = "1";
        lines.set(2, String.join(",", f));
        Path p = dir.resolve("x.csv");
        // keep only the first episode's first two rows so the file stays well-formed
        Files.write(p, List.of(lines.get(0), lines.get(1), String.join(",", f)));
        VerificationReport r = ReferenceVerifier.verify(p, "CartPole-v1", 1e-6);
        assertEquals(1, r.episodes().get(0).flagMismatches());
        assertFalse(r.passed());
    }

    @Test
    void unknownEnvIdNamesTheFile() throws IOException {
        Path p = dir.resolve("CartPol-v1.csv");
        Files.writeString(p, "policy,seed,t,action,reward,terminated,truncated,obs_a,state_a\nlcg,0,0,,,0,0,1,1\n");
        String m = assertThrows(QuiverUserException.class, () -> ReferenceVerifier.verify(p)).getMessage();
        assertTrue(m.startsWith(p.toString()), m);
        assertTrue(m.contains("unknown env id 'CartPol-v1'"), m);
    }

    @Test
    void observationArityMismatchNamesTheHeaderColumn() throws IOException {
        Path p = dir.resolve("MountainCar-v0.csv");
        Files.writeString(p, "policy,seed,t,action,reward,terminated,truncated,obs_a,obs_b,obs_c,state_a,state_b\n"
                + "lcg,0,0,,,0,0,1,1,1,-0.5,0\n");
        String m = assertThrows(QuiverUserException.class, () -> ReferenceVerifier.verify(p)).getMessage();
        assertTrue(m.startsWith(p + ":1:8 (column 'obs_a')"), m);
        assertTrue(m.contains("3 obs_* columns") && m.contains("2 elements"), m);
    }

    @Test
    void actionsOutsideTheSpaceNameLineAndColumn() throws IOException {
        Path p = dir.resolve("MountainCar-v0.csv");
        Files.writeString(p, "policy,seed,t,action,reward,terminated,truncated,obs_a,obs_b,state_a,state_b\n"
                + "lcg,0,0,,,0,0,-0.5,0,-0.5,0\nlcg,0,1,1.5,-1,0,0,-0.5,0,-0.5,0\n");
        String m = assertThrows(QuiverUserException.class, () -> ReferenceVerifier.verify(p)).getMessage();
        assertTrue(m.contains(":3:4 (column 'action')") && m.contains("expected an integer"), m);
        Files.writeString(p, "policy,seed,t,action,reward,terminated,truncated,obs_a,obs_b,state_a,state_b\n"
                + "lcg,0,0,,,0,0,-0.5,0,-0.5,0\nlcg,0,1,3,-1,0,0,-0.5,0,-0.5,0\n");
        m = assertThrows(QuiverUserException.class, () -> ReferenceVerifier.verify(p)).getMessage();
        assertTrue(m.contains(":3:4 (column 'action')") && m.contains("invalid action"), m);
    }

    @Test
    void deviationTreatsNaNsAndInfinities() {
        assertEquals(0, ReferenceVerifier.deviation(Double.NaN, Double.NaN), 0);
        assertEquals(Double.POSITIVE_INFINITY, ReferenceVerifier.deviation(Double.NaN, 1), 0);
        assertEquals(0, ReferenceVerifier.deviation(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY), 0);
        assertEquals(0.5, ReferenceVerifier.deviation(1, 1.5), 0);
        assertEquals(Double.POSITIVE_INFINITY, ReferenceVerifier.deviation(new float[] {1}, new double[] {1, 2}), 0);
    }
}
