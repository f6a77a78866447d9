package dev.quiver.pipeline.config;

import dev.quiver.core.error.QuiverUserException;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A node of a YAML document read with snakeyaml's node API, which keeps where every value stands: each node
 * knows its file, its line and its path from the root ({@code learn.candidates[2].algorithm}), so that a
 * wrong value is reported as {@code study.yaml:14: learn.candidates[2].algorithm: unknown algorithm 'iqll';
 * allowed: ...}. Typed getters check the type and say what was expected; {@link #allowOnly} rejects unknown
 * keys with the allowed ones. Only plain YAML is read: no anchors' object construction, no custom tags.
 */
public final class YamlNode {
    private final Node node;
    private final String file;
    private final String path;

    private YamlNode(Node node, String file, String path) {
        this.node = node;
        this.file = file;
        this.path = path;
    }

    /**
     * Parses {@code file}.
     *
     * @throws QuiverUserException if it is missing, unreadable, empty or not valid YAML (with line and column)
     */
    public static YamlNode read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new QuiverUserException(file + ": no such study file");
        } catch (IOException e) {
            throw new QuiverUserException(file + ": cannot read it: " + e.getMessage(), e);
        }
        return parse(text, file.toString());
    }

    /**
     * Parses {@code text}, naming it {@code file} in messages.
     *
     * @throws QuiverUserException if it is empty or not valid YAML (with line and column)
     */
    public static YamlNode parse(String text, String file) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(10);
        Node root;
        try (Reader r = new StringReader(text)) {
            root = new Yaml(options).compose(r);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String where = mark == null ? "" : ":" + (mark.getLine() + 1) + ":" + (mark.getColumn() + 1);
            throw new QuiverUserException(file + where + ": not valid YAML: "
                    + oneLine(e.getProblem() != null ? e.getProblem() : e.getMessage()), e);
        } catch (YAMLException | IOException e) {
            throw new QuiverUserException(file + ": not valid YAML: " + oneLine(e.getMessage()), e);
        }
        if (root == null) {
            throw new QuiverUserException(file + ": the study file is empty; it needs at least 'study:' and 'kind:'");
        }
        return new YamlNode(root, file, "");
    }

    /** The 1-based line the value starts on. */
    public int line() {
        return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }

    /** The path from the root, e.g. {@code learn.candidates[2]}; empty for the root. */
    public String path() {
        return path;
    }

    /** The file name given when parsing. */
    public String file() {
        return file;
    }

    /** {@code file:line: path}, how messages locate this value. */
    public String where() {
        return file + ":" + line() + (path.isEmpty() ? "" : ": " + path);
    }

    /** A user error at this value: {@code file:line: path: message}. */
    public QuiverUserException error(String message) {
        return new QuiverUserException(where() + ": " + message);
    }

    /** Whether this is a mapping. */
    public boolean isMapping() {
        return node instanceof MappingNode;
    }

    /** Whether this is a scalar (a null included). */
    public boolean isScalar() {
        return node instanceof ScalarNode;
    }

    /** Whether this is an explicit or empty null ({@code key:} with no value, {@code ~}, {@code null}). */
    public boolean isNull() {
        return node instanceof ScalarNode s && Tag.NULL.equals(s.getTag());
    }

    /** The mapping's keys and values, in file order. */
    public Map<String, YamlNode> entries() {
        MappingNode m = mapping();
        Map<String, YamlNode> out = new LinkedHashMap<>();
        for (NodeTuple t : m.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode k)) {
                throw new YamlNode(t.getKeyNode(), file, path).error("keys must be plain names");
            }
            String key = k.getValue();
            YamlNode child = new YamlNode(t.getValueNode(), file, path.isEmpty() ? key : path + "." + key);
            if (out.put(key, child) != null) {
                throw new YamlNode(t.getKeyNode(), file, path).error("key '" + key + "' is given twice");
            }
        }
        return out;
    }

    /** The value of {@code key} in this mapping, if present and not null. */
    public Optional<YamlNode> get(String key) {
        YamlNode v = entries().get(key);
        return v == null || v.isNull() ? Optional.empty() : Optional.of(v);
    }

    /**
     * The value of {@code key} in this mapping.
     *
     * @throws QuiverUserException naming this mapping's line if the key is missing
     */
    public YamlNode require(String key) {
        return get(key).orElseThrow(() -> error("missing key '" + key + "'"));
    }

    /**
     * Checks that this mapping has no keys but {@code allowed}.
     *
     * @throws QuiverUserException naming the line and key of the first unknown key and the allowed keys
     */
    public YamlNode allowOnly(Collection<String> allowed) {
        MappingNode m = mapping();
        for (NodeTuple t : m.getValue()) {
            String key = t.getKeyNode() instanceof ScalarNode k ? k.getValue() : String.valueOf(t.getKeyNode());
            if (!allowed.contains(key)) {
                YamlNode at = new YamlNode(t.getKeyNode(), file, path.isEmpty() ? key : path + "." + key);
                throw at.error("unknown key '" + key + "'" + suggestion(key, allowed) + "; allowed keys"
                        + (path.isEmpty() ? "" : " in " + path) + ": " + String.join(", ", allowed));
            }
        }
        return this;
    }

    /** {@link #allowOnly(Collection)} with the keys given as arguments. */
    public YamlNode allowOnly(String... allowed) {
        return allowOnly(Arrays.asList(allowed));
    }

    /** The sequence's items, each with its path ({@code key[i]}). */
    public List<YamlNode> items() {
        if (!(node instanceof SequenceNode s)) {
            throw error("expected a list (e.g. [a, b] or lines starting with '- '), got " + kind());
        }
        List<YamlNode> out = new ArrayList<>();
        List<Node> values = s.getValue();
        for (int i = 0; i < values.size(); i++) {
            out.add(new YamlNode(values.get(i), file, path + "[" + i + "]"));
        }
        return out;
    }

    /** The scalar's text. */
    public String string() {
        if (!(node instanceof ScalarNode s) || isNull()) {
            throw error("expected a value, got " + kind());
        }
        return s.getValue();
    }

    /**
     * The scalar as a whole number ({@code 10000} or {@code 10_000}).
     *
     * @throws QuiverUserException if it is not one
     */
    public long integer() {
        String v = string();
        try {
            return Long.parseLong(v.replace("_", "").trim());
        } catch (NumberFormatException e) {
            throw error("expected a whole number, got '" + v + "'");
        }
    }

    /** The scalar as an {@code int} in {@code [min, max]}. */
    public int integer(int min, int max) {
        long v = integer();
        if (v < min || v > max) {
            throw error("must be " + range(min, max) + ", got " + v);
        }
        return (int) v;
    }

    /** The scalar as a finite number. */
    public double number() {
        String v = string();
        try {
            double d = Double.parseDouble(v.replace("_", "").trim());
            if (!Double.isFinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw error("expected a number, got '" + v + "'");
        }
    }

    /** The scalar as a number in {@code [min, max]}. */
    public double number(double min, double max) {
        double v = number();
        if (v < min || v > max) {
            throw error("must be in [" + fmt(min) + ", " + fmt(max) + "], got " + fmt(v));
        }
        return v;
    }

    /** The scalar as {@code true} or {@code false}. */
    public boolean bool() {
        String v = string().trim().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw error("expected true or false, got '" + v + "'");
        };
    }

    /**
     * The scalar, one of {@code allowed} (compared case-insensitively; the allowed spelling is returned).
     *
     * @throws QuiverUserException naming the allowed values otherwise
     */
    public String choice(Collection<String> allowed) {
        String v = string().trim();
        for (String a : allowed) {
            if (a.equalsIgnoreCase(v)) {
                return a;
            }
        }
        throw error("'" + v + "' is not allowed" + suggestion(v, allowed) + "; allowed: " + String.join(", ", allowed));
    }

    /** A list of whole numbers ({@code [64, 64]}). */
    public List<Integer> integers(int min, int max) {
        List<Integer> out = new ArrayList<>();
        for (YamlNode n : items()) {
            out.add(n.integer(min, max));
        }
        return out;
    }

    /** What kind of value this is, for messages. */
    public String kind() {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        if (isNull()) {
            return "nothing";
        }
        return "'" + ((ScalarNode) node).getValue() + "'";
    }

    private MappingNode mapping() {
        if (!(node instanceof MappingNode m)) {
            throw error("expected a mapping of keys to values (e.g. 'steps: 3000'), got " + kind());
        }
        return m;
    }

    private static String range(long min, long max) {
        if (max == Integer.MAX_VALUE) {
            return "at least " + min;
        }
        return "in [" + min + ", " + max + "]";
    }

    private static String fmt(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }

    /** {@code " (did you mean 'x'?)"} for a close allowed spelling, else empty. */
    static String suggestion(String given, Collection<String> allowed) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String a : allowed) {
            int d = distance(given.toLowerCase(Locale.ROOT), a.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = a;
            }
        }
        return best != null && bestDistance <= Math.max(1, given.length() / 3) ? " (did you mean '" + best + "'?)" : "";
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int c = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + c);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").trim();
    }
}
