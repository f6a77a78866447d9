package dev.quiver.cli.study;

import static dev.quiver.cli.CliRun.run;
import dev.quiver.cli.CliRun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code quiver run}: a tiny study end to end, and bad input reported with its line and exit status 2. */
class RunCommandTest {
    @TempDir
    Path dir;

    private static final String STUDY = """
            study: cli-tiny
            kind: sequential
            stages: [data, learn, estimate, report]
            tasks:
              - env: CartPole-v1
                data: {episodes: 8, eval_fraction: 0.5}
                candidates: [bc]
            learn: {steps: 50, seeds: 1, hidden: [8], batch_size: 32}
            estimate: {estimators: [fqe, wis], bootstrap: 50, fqe: {steps: 50, hidden: [8], batch_size: 32}}
            """;

    @Test
    void runsAStudyAndPrintsTheSummary() throws Exception {
        Path f = dir.resolve("study.yaml");
        Files.writeString(f, STUDY);
        Path json = dir.resolve("results.json");
        CliRun r = run("run", f.toString(), "--out", dir.resolve("runs").toString(), "--threads", "1", "--no-progress",
                "--json", json.toString());
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("Study cli-tiny (sequential): 3 stage(s) computed, 0 from the cache"), r.out());
        assertTrue(r.out().contains("CartPole-v1: recommended bc/seed-0; estimated value"), r.out());
        assertTrue(r.out().contains("report: ") && r.out().contains("report.html"), r.out());
        assertTrue(Files.readString(json).contains("\"study\": \"cli-tiny\""));
        Path runDir;
        try (Stream<Path> s = Files.list(dir.resolve("runs"))) {
            runDir = s.filter(p -> p.getFileName().toString().startsWith("cli-tiny-")).findFirst().orElseThrow();
        }
        assertEquals(Files.readString(runDir.resolve("results.json")), Files.readString(json),
                "--json writes exactly results.json (integers as integers, undefined numbers as null)");
        CliRun again = run("run", f.toString(), "--out", dir.resolve("runs").toString(), "--threads", "1",
                "--no-progress", "--force", "estimate,report");
        assertEquals(0, again.code(), again.toString());
        assertTrue(again.out().contains("1 stage(s) computed, 2 from the cache"), again.out());
    }

    @Test
    void badStudyFileIsAUserErrorNamingLineAndKey() throws Exception {
        Path f = dir.resolve("bad.yaml");
        Files.writeString(f, STUDY.replace("candidates: [bc]", "candidates: [bc, dqn]"));
        CliRun r = run("run", f.toString(), "--out", dir.resolve("runs").toString());
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().contains("bad.yaml:7: tasks[0].candidates[1]: unknown offline algorithm 'dqn'"), r.err());
        CliRun force = run("run", f.toString(), "--force", "lean");
        assertEquals(2, force.code());
        Path good = dir.resolve("good.yaml");
        Files.writeString(good, STUDY);
        force = run("run", good.toString(), "--out", dir.resolve("runs").toString(), "--force", "lean");
        assertEquals(2, force.code(), force.toString());
        assertTrue(force.err().contains("--force lean: unknown stage; allowed: data, learn, estimate, verify,"
                + " quantify, report"), force.err());
        CliRun missing = run("run", dir.resolve("absent.yaml").toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("absent.yaml: no such study file"), missing.err());
    }
}
