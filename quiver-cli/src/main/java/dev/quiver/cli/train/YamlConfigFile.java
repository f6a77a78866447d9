package dev.quiver.cli.train;

import dev.quiver.core.error.QuiverUserException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads an agent configuration from a YAML file ({@code quiver train ALGO --config FILE.yaml}): a
 * mapping of config keys (the config record's field names, or their snake_case spelling) to scalar
 * values or lists, e.g.
 *
 * <pre>
 * # DQN on CartPole-v1
 * learning_rate: 2.3e-3
 * batch_size: 64
 * hidden: [256, 256]
 * double_q: true
 * </pre>
 *
 * <p>The values come back as the strings {@code --set KEY=VALUE} would give, so the file and the flag are
 * validated by the same code ({@link ConfigOverrides}); {@code --set} flags are applied after the file.
 * Only YAML's safe subset is read (no tags that construct objects).
 */
final class YamlConfigFile {
    private YamlConfigFile() {
    }

    /**
     * The key/value pairs of {@code file}, in file order, as override strings.
     *
     * @throws QuiverUserException naming the file (and line, for syntax errors) if it is missing, not
     *     YAML, not a mapping, or holds a value that is neither a scalar nor a list of scalars
     */
    static Map<String, String> read(Path file) {
        Object doc;
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            doc = new Yaml(new SafeConstructor(options)).load(r);
        } catch (NoSuchFileException e) {
            throw new QuiverUserException("--config " + file + ": no such file");
        } catch (IOException e) {
            throw new QuiverUserException("--config " + file + ": cannot read it: " + e.getMessage(), e);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String where = mark == null ? "" : ":" + (mark.getLine() + 1) + ":" + (mark.getColumn() + 1);
            throw new QuiverUserException("--config " + file + where + ": not valid YAML: "
                    + oneLine(e.getProblem() != null ? e.getProblem() : e.getMessage()), e);
        } catch (YAMLException e) {
            throw new QuiverUserException("--config " + file + ": not valid YAML: " + oneLine(e.getMessage()), e);
        }
        if (doc == null) {
            return Map.of();
        }
        if (!(doc instanceof Map<?, ?> map)) {
            throw new QuiverUserException("--config " + file + ": expected a mapping of config keys to values (e.g."
                    + " 'learning_rate: 0.001'), found a " + kind(doc));
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String key = String.valueOf(e.getKey());
            out.put(key, scalarOrList(file, key, e.getValue()));
        }
        return out;
    }

    private static String scalarOrList(Path file, String key, Object value) {
        if (value instanceof List<?> list) {
            for (Object v : list) {
                if (v instanceof Map<?, ?> || v instanceof List<?> || v == null) {
                    throw new QuiverUserException("--config " + file + ": key '" + key + "' must be a scalar or a"
                            + " list of scalars, found " + value);
                }
            }
            return list.stream().map(String::valueOf).collect(Collectors.joining(","));
        }
        if (value == null || value instanceof Map<?, ?>) {
            throw new QuiverUserException("--config " + file + ": key '" + key + "' must be a scalar or a list of"
                    + " scalars, found " + (value == null ? "nothing" : "a mapping"));
        }
        return String.valueOf(value);
    }

    private static String kind(Object doc) {
        return doc instanceof List<?> ? "list" : doc.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT)
                + " '" + doc + "'";
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").trim();
    }
}
