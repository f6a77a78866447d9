package dev.quiver.pipeline.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cache keys depend on content only: not on map order, but on every value and every file byte. */
class ContentHashTest {
    @TempDir
    Path dir;

    @Test
    void jsonHashIgnoresMapOrderAtEveryLevel() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("x", 1);
        a.put("inner", new LinkedHashMap<>(Map.of("p", List.of(1, 2), "q", "s")));
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("q", "s");
        inner.put("p", List.of(1, 2));
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("inner", inner);
        b.put("x", 1);
        assertEquals(ContentHash.ofJson(a), ContentHash.ofJson(b));
        b.put("x", 2);
        assertNotEquals(ContentHash.ofJson(a), ContentHash.ofJson(b));
        // list order is content
        inner.put("p", List.of(2, 1));
        b.put("x", 1);
        assertNotEquals(ContentHash.ofJson(a), ContentHash.ofJson(b));
    }

    @Test
    void treeHashCoversNamesAndBytesButSkipsTheGivenTopLevelFiles() throws Exception {
        Files.createDirectories(dir.resolve("t/sub"));
        Files.writeString(dir.resolve("t/sub/a.csv"), "1,2\n");
        Files.writeString(dir.resolve("t/stage.json"), "{}");
        String h = ContentHash.ofPath(dir.resolve("t"), "stage.json");
        Files.writeString(dir.resolve("t/stage.json"), "{\"other\": 1}");
        assertEquals(h, ContentHash.ofPath(dir.resolve("t"), "stage.json"));
        Files.writeString(dir.resolve("t/sub/a.csv"), "1,3\n");
        assertNotEquals(h, ContentHash.ofPath(dir.resolve("t"), "stage.json"));
        Files.writeString(dir.resolve("t/sub/a.csv"), "1,2\n");
        assertEquals(h, ContentHash.ofPath(dir.resolve("t"), "stage.json"));
        Files.move(dir.resolve("t/sub/a.csv"), dir.resolve("t/sub/b.csv"));
        assertNotEquals(h, ContentHash.ofPath(dir.resolve("t"), "stage.json"));
    }
}
