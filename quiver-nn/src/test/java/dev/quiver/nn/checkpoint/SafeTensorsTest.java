package dev.quiver.nn.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.core.error.QuiverUserException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafeTensorsTest {
    @TempDir
    Path tmp;

    @Test
    void roundTripAndLayout() throws Exception {
        Map<String, Tensor> t = new LinkedHashMap<>();
        t.put("a", Tensor.ofFloats(new float[] {1, 2, 3, 4, 5, 6}, 2, 3));
        t.put("b", Tensor.ofFloats(new float[] {-1.5f}));
        Path f = tmp.resolve("x.safetensors");
        SafeTensors.write(f, t, Map.of("format", "pt"));
        byte[] raw = Files.readAllBytes(f);
        long n = ByteBuffer.wrap(raw, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        assertEquals(0, n % 8);
        String header = new String(raw, 8, (int) n, StandardCharsets.UTF_8);
        assertTrue(header.contains("\"a\":{\"dtype\":\"F32\",\"shape\":[2,3],\"data_offsets\":[0,24]}"), header);
        assertEquals(8 + n + 28, raw.length);
        // first float of a, little-endian, right after the header
        assertEquals(1f, ByteBuffer.wrap(raw, (int) (8 + n), 4).order(ByteOrder.LITTLE_ENDIAN).getFloat());
        Map<String, String> meta = new HashMap<>();
        Map<String, Tensor> back = SafeTensors.read(f, meta);
        assertEquals(t, back);
        assertEquals("pt", meta.get("format"));
        assertArrayEquals(new long[0], back.get("b").shape());
    }

    @Test
    void truncatedFileIsAClearError() throws Exception {
        Path f = tmp.resolve("x.safetensors");
        SafeTensors.write(f, Map.of("a", Tensor.ofFloats(new float[] {1, 2, 3}, 3)), Map.of());
        byte[] raw = Files.readAllBytes(f);
        Files.write(f, Arrays.copyOf(raw, raw.length - 4));
        QuiverUserException e = assertThrows(QuiverUserException.class, () -> SafeTensors.read(f, null));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        Files.write(f, new byte[] {1, 2, 3});
        assertThrows(QuiverUserException.class, () -> SafeTensors.read(f, null));
    }
}
