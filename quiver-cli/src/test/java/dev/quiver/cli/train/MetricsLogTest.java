package dev.quiver.cli.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.core.error.QuiverUserException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsLogTest {
    @TempDir
    Path dir;

    @Test
    void resumeKeepsLinesUpToTheSavedStepAndAppends() throws IOException {
        Path f = dir.resolve("m.jsonl");
        try (MetricsLog log = new MetricsLog(f)) {
            for (long s = 0; s < 10; s++) {
                log.write(s, Map.of("train/loss", s * 0.5, "episode/return", (double) s));
            }
            log.write(10, Map.of("x", Double.NaN));
        }
        List<Long> replayed = new ArrayList<>();
        List<Double> returns = new ArrayList<>();
        try (MetricsLog log = MetricsLog.resume(f, 4, (step, m) -> {
            replayed.add(step);
            returns.add(m.get("episode/return"));
        })) {
            assertEquals(5, log.lines());
            log.write(5, Map.of("train/loss", 9.0));
        }
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L), replayed);
        assertEquals(List.of(0.0, 1.0, 2.0, 3.0, 4.0), returns);
        List<String> lines = Files.readAllLines(f);
        assertEquals(6, lines.size());
        assertEquals("{\"step\": 5, \"train/loss\": 9.0}", lines.get(5));
        Map<String, Double> m = new java.util.TreeMap<>();
        assertEquals(10, MetricsLog.parse("{\"step\": 10, \"x\": null}", m, f, 1));
        assertTrue(m.get("x").isNaN());
    }

    @Test
    void foreignLinesAreUserErrorsNamingFileAndLine() throws IOException {
        Path f = dir.resolve("bad.jsonl");
        Files.writeString(f, "{\"step\": 0, \"a\": 1.0}\n{\"oops\": 1}\n");
        QuiverUserException e = assertThrows(QuiverUserException.class, () -> MetricsLog.resume(f, 5, (s, m) -> {
        }));
        assertTrue(e.getMessage().contains(f + ":2"), e.getMessage());
    }
}
