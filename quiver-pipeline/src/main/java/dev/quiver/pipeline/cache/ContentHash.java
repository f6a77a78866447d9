package dev.quiver.pipeline.cache;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * SHA-256 content hashes: of a configuration (its canonical JSON, object keys sorted), of a file, and of a
 * folder tree (relative paths in sorted order with each file's bytes), so that a stage's cache key changes exactly
 * when its configuration or the bytes of its inputs change.
 */
public final class ContentHash {
    private ContentHash() {
    }

    /** The hex SHA-256 of the UTF-8 bytes of {@code text}. */
    public static String ofText(String text) {
        MessageDigest md = sha256();
        md.update(text.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(md.digest());
    }

    /**
     * The hex SHA-256 of {@code value}'s canonical JSON (maps, lists, strings, numbers, booleans): object keys are
     * sorted at every level, so the hash does not depend on map iteration order (which for {@code Map.of} changes
     * from one JVM to the next).
     */
    public static String ofJson(Object value) {
        Gson gson = new GsonBuilder().serializeSpecialFloatingPointValues().create();
        return ofText(gson.toJson(canonical(gson.toJsonTree(value))));
    }

    private static JsonElement canonical(JsonElement e) {
        if (e.isJsonObject()) {
            JsonObject sorted = new JsonObject();
            new TreeMap<>(e.getAsJsonObject().asMap()).forEach((k, v) -> sorted.add(k, canonical(v)));
            return sorted;
        }
        if (e.isJsonArray()) {
            JsonArray out = new JsonArray();
            e.getAsJsonArray().forEach(x -> out.add(canonical(x)));
            return out;
        }
        return e;
    }

    /**
     * The hex SHA-256 of a file, or of a folder tree: every regular file below it in sorted relative-path order,
     * each contributing its relative path and its bytes; names in {@code skip} at the top level are left out.
     */
    public static String ofPath(Path path, String... skip) {
        MessageDigest md = sha256();
        try {
            if (Files.isRegularFile(path)) {
                update(md, path);
            } else {
                List<Path> files = new ArrayList<>();
                try (Stream<Path> s = Files.walk(path)) {
                    s.filter(Files::isRegularFile).forEach(files::add);
                }
                files.removeIf(f -> {
                    Path first = path.relativize(f).getName(0);
                    for (String k : skip) {
                        if (first.toString().equals(k)) {
                            return true;
                        }
                    }
                    return false;
                });
                files.sort((a, b) -> path.relativize(a).toString().replace('\\', '/')
                        .compareTo(path.relativize(b).toString().replace('\\', '/')));
                for (Path f : files) {
                    md.update(path.relativize(f).toString().replace('\\', '/').getBytes(StandardCharsets.UTF_8));
                    md.update((byte) 0);
                    update(md, f);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot hash " + path, e);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static void update(MessageDigest md, Path f) throws IOException {
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(f)) {
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
        }
        md.update((byte) 0);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JRE has no SHA-256", e);
        }
    }
}
