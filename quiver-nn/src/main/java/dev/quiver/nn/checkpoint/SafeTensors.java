package dev.quiver.nn.checkpoint;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.quiver.core.error.QuiverUserException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes the safetensors format (Hugging Face), so Python's {@code safetensors.numpy.load_file}
 * opens our checkpoints: an 8-byte little-endian header length N, N bytes of UTF-8 JSON
 * {@code {"name": {"dtype": "F32", "shape": [..], "data_offsets": [begin, end]}, "__metadata__": {..}}}
 * (padded with spaces to a multiple of 8), then the tensors' little-endian bytes back to back, offsets
 * relative to the end of the header.
 *
 * @see <a href="https://github.com/huggingface/safetensors">safetensors format</a>
 */
public final class SafeTensors {
    private static final long MAX_HEADER = 100L << 20;

    private SafeTensors() {
    }

    /** Writes {@code tensors} (in map order) and string {@code metadata} to {@code out} (not atomically). */
    public static void write(Path out, Map<String, Tensor> tensors, Map<String, String> metadata) throws IOException {
        JsonObject header = new JsonObject();
        if (metadata != null && !metadata.isEmpty()) {
            JsonObject meta = new JsonObject();
            metadata.forEach(meta::addProperty);
            header.add("__metadata__", meta);
        }
        long offset = 0;
        for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
            if (e.getKey().equals("__metadata__")) {
                throw new IllegalArgumentException("__metadata__ is reserved");
            }
            Tensor t = e.getValue();
            JsonObject o = new JsonObject();
            o.addProperty("dtype", t.dtype());
            JsonArray shape = new JsonArray();
            for (long d : t.shape()) {
                shape.add(d);
            }
            o.add("shape", shape);
            JsonArray offsets = new JsonArray();
            offsets.add(offset);
            offset += t.data().length;
            offsets.add(offset);
            o.add("data_offsets", offsets);
            header.add(e.getKey(), o);
        }
        byte[] json = header.toString().getBytes(StandardCharsets.UTF_8);
        int padded = (json.length + 7) / 8 * 8;
        byte[] h = new byte[padded];
        System.arraycopy(json, 0, h, 0, json.length);
        for (int i = json.length; i < padded; i++) {
            h[i] = ' ';
        }
        try (OutputStream os = Files.newOutputStream(out)) {
            os.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(padded).array());
            os.write(h);
            for (Tensor t : tensors.values()) {
                os.write(t.data());
            }
        }
    }

    /** The tensors of a safetensors file, in header order; metadata goes into {@code metadataOut} if given. */
    public static Map<String, Tensor> read(Path in, Map<String, String> metadataOut) {
        byte[] all;
        try {
            all = Files.readAllBytes(in);
        } catch (IOException e) {
            throw new QuiverUserException("cannot read safetensors file " + in + ": " + e, e);
        }
        if (all.length < 8) {
            throw new QuiverUserException(in + ": not a safetensors file (shorter than its 8-byte header length)");
        }
        long n = ByteBuffer.wrap(all, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        if (n < 2 || n > MAX_HEADER || 8 + n > all.length) {
            throw new QuiverUserException(in + ": not a safetensors file (header length " + n + " for a file of "
                    + all.length + " bytes)");
        }
        JsonObject header;
        try {
            header = JsonParser.parseString(new String(all, 8, (int) n, StandardCharsets.UTF_8)).getAsJsonObject();
        } catch (RuntimeException e) {
            throw new QuiverUserException(in + ": safetensors header is not a JSON object: " + e.getMessage(), e);
        }
        int base = 8 + (int) n;
        long dataLength = all.length - base;
        Map<String, Tensor> out = new LinkedHashMap<>();
        List<long[]> ranges = new ArrayList<>();
        for (Map.Entry<String, JsonElement> e : header.entrySet()) {
            String name = e.getKey();
            if (name.equals("__metadata__")) {
                if (metadataOut != null) {
                    for (Map.Entry<String, JsonElement> m : e.getValue().getAsJsonObject().entrySet()) {
                        metadataOut.put(m.getKey(), m.getValue().getAsString());
                    }
                }
                continue;
            }
            try {
                JsonObject o = e.getValue().getAsJsonObject();
                String dtype = o.get("dtype").getAsString();
                JsonArray s = o.getAsJsonArray("shape");
                long[] shape = new long[s.size()];
                for (int i = 0; i < shape.length; i++) {
                    shape[i] = s.get(i).getAsLong();
                }
                JsonArray off = o.getAsJsonArray("data_offsets");
                long begin = off.get(0).getAsLong();
                long end = off.get(1).getAsLong();
                if (begin < 0 || end < begin || end > dataLength) {
                    throw new QuiverUserException(in + ": tensor '" + name + "' has data_offsets [" + begin + ", " + end
                            + "] outside the " + dataLength + " data bytes (truncated or corrupt file)");
                }
                byte[] data = new byte[(int) (end - begin)];
                System.arraycopy(all, base + (int) begin, data, 0, data.length);
                out.put(name, new Tensor(dtype, shape, data));
                ranges.add(new long[] {begin, end});
            } catch (QuiverUserException ex) {
                throw ex;
            } catch (RuntimeException ex) {
                throw new QuiverUserException(in + ": bad safetensors entry '" + name + "': " + ex.getMessage(), ex);
            }
        }
        ranges.sort((a, b) -> Long.compare(a[0], b[0]));
        long covered = 0;
        for (long[] r : ranges) {
            if (r[0] != covered) {
                throw new QuiverUserException(in + ": safetensors data has a gap or overlap at byte " + r[0]);
            }
            covered = r[1];
        }
        if (covered != dataLength) {
            throw new QuiverUserException(in + ": safetensors header describes " + covered + " data bytes but the file has "
                    + dataLength + " (truncated or corrupt)");
        }
        return out;
    }
}
