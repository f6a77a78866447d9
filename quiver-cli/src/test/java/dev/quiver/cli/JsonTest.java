package dev.quiver.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.core.error.QuiverUserException;
import dev.quiver.core.estimate.Estimate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonTest {
    @TempDir
    Path dir;

    @Test
    void writesEveryKindOfValueAsValidJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("s", "quote \" backslash \\ newline \n tab \t ctl \u0001");
        m.put("d", 1.5e-7);
        m.put("nan", Double.NaN);
        m.put("i", 3);
        m.put("b", true);
        m.put("null", null);
        m.put("doubles", new double[] {1, Double.POSITIVE_INFINITY});
        m.put("ints", new int[] {1, 2});
        m.put("longs", new long[] {});
        m.put("list", List.of(Map.of(), List.of(), "x"));
        m.put("estimate", new Estimate(1, 0.5, 2, 0.95, "m"));
        m.put("enum", PolicyKind.optimal);
        @SuppressWarnings("unchecked")
        Map<String, Object> back = (Map<String, Object>) MiniJson.parse(Json.toJson(m));
        assertEquals(m.get("s"), back.get("s"));
        assertEquals(1.5e-7, back.get("d"));
        assertEquals(null, back.get("nan"));
        assertEquals(3.0, back.get("i"));
        assertEquals(List.of(1.0, 2.0), back.get("ints"));
        assertEquals(java.util.Arrays.asList(1.0, null), back.get("doubles"));
        assertEquals(Map.of("point", 1.0, "low", 0.5, "high", 2.0, "confidence", 0.95, "method", "m"),
                back.get("estimate"));
        assertEquals("optimal", back.get("enum"));
    }

    @Test
    void writeFileIsAtomicAndLeavesNoTemporaryFiles() throws IOException {
        Path out = dir.resolve("a/b/result.json");
        Json.writeFile(out, Map.of("x", 1));
        Json.writeFile(out, Map.of("x", 2));
        assertEquals(Map.of("x", 2.0), MiniJson.parse(Files.readString(out)));
        try (Stream<Path> s = Files.list(out.getParent())) {
            assertEquals(List.of(out), s.toList());
        }
        String m = assertThrows(QuiverUserException.class, () -> Json.writeFile(dir, Map.of())).getMessage();
        assertTrue(m.contains("is a directory"), m);
    }
}
