package dev.quiver.cli.bench;

import static dev.quiver.cli.CliRun.run;
import dev.quiver.cli.CliRun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.cli.QuiverCommand;
import dev.quiver.core.registry.EnvRegistration;
import dev.quiver.core.registry.Envs;
import dev.quiver.envs.classic.ClassicControl;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Runs {@code bench envs} in-process on tiny budgets and checks the exit code and the output's shape (never timings). */
class EnvsBenchCommandTest {
    private static final Pattern RATE = Pattern.compile("\\d+(\\.\\d+)? M");

    @Test
    void measuresTheSingleAndTheVectorEnv(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("out/bench.json");
        CliRun r = run(new CommandLine(new BenchCommand()), "envs", "--seconds", "0.05", "--repeats", "1", "--copies", "4",
                "--json", json.toString());
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.get(0).startsWith("quiver bench envs: CartPole-v1, one thread"), r.out());
        String single = row(lines, "single env (Env API)");
        String vector = row(lines, "vector env x4");
        for (String row : List.of(single, vector)) {
            assertTrue(RATE.matcher(row).find(), row);
            assertTrue(row.contains(">= "), row);
            assertTrue(row.endsWith(": met") || row.endsWith(": missed"), row);
        }
        assertTrue(single.contains("Python CartPoleEnv"), single);
        assertTrue(vector.contains("numpy CartPoleVectorEnv"), vector);
        assertTrue(r.out().contains("checksum "), r.out());

        String doc = Files.readString(json);
        assertTrue(doc.contains("\"command\": \"bench envs\""), doc);
        assertTrue(doc.contains("\"configuration\": \"single env (Env API)\""), doc);
        assertTrue(doc.contains("\"configuration\": \"vector env x4\""), doc);
        assertTrue(doc.contains("\"copies\": 4"), doc);
        assertTrue(doc.contains("\"target_met\": "), doc);
        try (var files = Files.list(json.getParent())) {
            assertEquals(List.of(json), files.toList(), "no temp file is left behind");
        }
    }

    @Test
    void continuousVectorEnvsRun() {
        CliRun pendulum = run(new CommandLine(new BenchCommand()), "envs", "--env", "Pendulum-v1", "--seconds", "0.02",
                "--warmup", "0", "--repeats", "1", "--copies", "3");
        assertEquals(0, pendulum.code(), pendulum.err());
        String vector = row(pendulum.out().lines().toList(), "vector env x3");
        assertTrue(vector.contains(" - "), vector);
        assertTrue(vector.endsWith("-"), "no Gymnasium reference for Pendulum: " + vector);
    }

    @Test
    void envsWithoutAVectorVersionMeasureTheSingleEnvOnly() {
        // any registered env without a vector version (the toy-text ones, once registered)
        Optional<String> plain = Envs.all().stream().map(EnvRegistration::id)
                .filter(id -> !ClassicControl.hasVector(id)).findFirst();
        Assumptions.assumeTrue(plain.isPresent(), "every registered env has a vector version");
        CliRun single = run(new CommandLine(new BenchCommand()), "envs", "--env", plain.get(), "--seconds", "0.02",
                "--warmup", "0", "--repeats", "2");
        assertEquals(0, single.code(), single.err());
        assertTrue(single.out().contains("no struct-of-arrays vector env for " + plain.get()), single.out());
        assertTrue(single.out().lines().noneMatch(l -> l.startsWith("vector env")), single.out());
    }

    @Test
    void badValuesAreUserErrors() {
        CliRun r = run(QuiverCommand.newCommandLine(), "bench", "envs", "--repeats", "0");
        assertEquals(QuiverCommand.EXIT_USER_ERROR, r.code());
        assertTrue(r.err().contains("--repeats must be at least 1"), r.err());

        CliRun unknown = run(QuiverCommand.newCommandLine(), "bench", "envs", "--env", "CartPole-v9", "--seconds", "0.01");
        assertEquals(QuiverCommand.EXIT_USER_ERROR, unknown.code());
        assertTrue(unknown.err().contains("CartPole-v1"), unknown.err());
    }

    private static String row(List<String> lines, String label) {
        return lines.stream().filter(l -> l.startsWith(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no row '" + label + "' in\n" + String.join("\n", lines)));
    }
}
