package dev.quiver.pipeline.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import dev.quiver.core.estimate.Estimate;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pipeline JSON is strict: non-finite numbers become null, integers stay integers, and null reads back as NaN. */
class JsonValuesTest {
    @TempDir
    Path dir;

    /** Parses {@code text} as strict RFC 8259 JSON (no NaN, Infinity or other leniencies). */
    static JsonElement strict(String text) {
        JsonReader r = new JsonReader(new StringReader(text));
        r.setStrictness(Strictness.STRICT);
        return JsonParser.parseReader(r);
    }

    @Test
    void nonFiniteNumbersAreWrittenAsNullAndIntegersStayIntegers() throws Exception {
        JsonObject o = new JsonObject();
        o.addProperty("nan", Double.NaN);
        o.addProperty("inf", Double.POSITIVE_INFINITY);
        o.addProperty("count", 3);
        o.addProperty("x", 2.5);
        o.add("values", JsonValues.array(new double[] {1, Double.NEGATIVE_INFINITY}));
        o.add("estimate", JsonValues.estimate(new Estimate(0.5, Double.NaN, Double.NaN, 0.9, "m")));
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("tree", o);
        map.put("boxed", List.of(Double.NaN, 7L));
        Path f = dir.resolve("x.json");
        JsonValues.write(f, map);
        String text = Files.readString(f);
        assertFalse(text.contains("NaN") || text.contains("Infinity"), text);
        JsonObject back = strict(text).getAsJsonObject();
        JsonObject t = back.getAsJsonObject("tree");
        assertTrue(t.get("nan").isJsonNull() && t.get("inf").isJsonNull(), text);
        assertTrue(text.contains("\"count\": 3,"), "an integer stays an integer: " + text);
        assertEquals(2.5, t.get("x").getAsDouble());
        assertTrue(t.getAsJsonArray("values").get(1).isJsonNull());
        assertTrue(back.getAsJsonArray("boxed").get(0).isJsonNull());
        assertEquals(7, back.getAsJsonArray("boxed").get(1).getAsLong());
        // the readers take null back as NaN
        assertTrue(Double.isNaN(JsonValues.number(t.get("nan"))));
        assertTrue(Double.isNaN(JsonValues.doubles(t.get("values"))[1]));
        Estimate e = JsonValues.estimate(t.getAsJsonObject("estimate"));
        assertEquals(0.5, e.point());
        assertTrue(Double.isNaN(e.low()) && Double.isNaN(e.high()));
        assertEquals(JsonValues.toJson(map), text, "toJson is what write writes");
    }
}
