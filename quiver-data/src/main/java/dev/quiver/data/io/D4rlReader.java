package dev.quiver.data.io;

import com.google.gson.JsonObject;
import dev.quiver.core.env.EnvSpec;
import dev.quiver.core.error.QuiverUserException;
import dev.quiver.core.space.Box;
import dev.quiver.core.space.Discrete;
import dev.quiver.core.space.Space;
import dev.quiver.data.dataset.EpisodeDataset;
import io.jhdf.HdfFile;
import io.jhdf.api.Node;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads a D4RL-style flat HDF5 file: concatenated transitions {@code observations [N, d]},
 * {@code actions [N, k]} (or {@code [N]}), {@code rewards [N]}, {@code terminals [N]},
 * {@code timeouts [N]} and, optionally, {@code next_observations [N, d]}.
 *
 * <p>Episodes end at each row whose {@code terminals} (terminated) or {@code timeouts} (truncated) flag is
 * set.
 *
 * <p><b>With {@code next_observations}</b>, every row is a transition: an episode's {@code T + 1}
 * observations are its {@code T} observations followed by the {@code next_observations} row of its last
 * step. Trailing rows after the last flag form a final episode kept as cut (neither flag on its last step).
 *
 * <p><b>Without {@code next_observations}</b> (as in many of D4RL's own files, e.g. {@code hopper-*}), the
 * next observation of row {@code i} is taken as {@code observations[i + 1]} within an episode, and:
 * <ul>
 *   <li>a row ending an episode by {@code timeouts} only (not terminal) is dropped, since its successor is
 *       not in the file; the row before it becomes the episode's last step, with
 *       {@code observations[i]} as its next observation and its truncated flag set (the episode ended
 *       there, not in a terminal state). This matches d4rl's {@code qlearning_dataset}, which skips
 *       timeout rows;</li>
 *   <li>a {@code terminals} row is kept (the terminal transition matters to offline RL); its next
 *       observation is not in the file either, and is filled with a copy of the row's own observation.
 *       TD targets never use it (a terminal step does not bootstrap), but it is not a real observation:
 *       do not fit dynamics models to terminal next observations of such files. (d4rl's
 *       {@code qlearning_dataset} uses the next episode's first observation there; d3rlpy uses zeros.)
 *       Its flags are kept as in the file;</li>
 *   <li>trailing rows after the last flag: the last row is dropped (no successor) and the rest form a
 *       final episode kept as cut (neither flag);</li>
 *   <li>an episode left with no steps (a single timeout row) is dropped.</li>
 * </ul>
 * {@link D4rlDataset#droppedRows()} says how many rows were dropped.
 *
 * <p>Files written by {@link D4rlWriter#of} carry {@code observation_space} and {@code action_space}
 * attributes (Minari's space JSON); {@link #read(Path)} uses them to read discrete actions as such.
 *
 * <p>Errors name the file, the field and, for bad values, the row: a missing or unreadable file, a file
 * that is not HDF5 (or is truncated), a missing field, fields of different lengths, non-finite
 * observations, actions or rewards.
 */
public final class D4rlReader {

    /** How to interpret {@code actions}. */
    public enum ActionKind {
        /** Float actions of {@code k} components per step. */
        CONTINUOUS,
        /**
         * Integer actions (D4RL stores discrete actions as floats); each must be an integer {@code >= 0},
         * and the number of actions is taken as the largest one plus 1.
         */
        DISCRETE
    }

    private D4rlReader() {
    }

    /**
     * Reads {@code file}, with discrete actions when its {@code action_space} attribute says Discrete
     * (files from {@link D4rlWriter#of}) and continuous ones otherwise.
     */
    public static EpisodeDataset read(Path file) {
        return readDataset(file).episodes();
    }

    /** Reads {@code file} with actions interpreted as {@code kind}. */
    public static EpisodeDataset read(Path file, ActionKind kind) {
        return read(file, kind, -1).episodes();
    }

    /** Reads {@code file} with discrete actions in {@code [0, numActions)}. */
    public static EpisodeDataset readDiscrete(Path file, int numActions) {
        if (numActions < 1) {
            throw new QuiverUserException("numActions must be at least 1, got " + numActions);
        }
        return read(file, ActionKind.DISCRETE, numActions).episodes();
    }

    /**
     * Reads {@code file} with what it says about itself: the spaces of its attributes (if any) and how many
     * rows were dropped; actions are discrete when the {@code action_space} attribute says Discrete.
     */
    public static D4rlDataset readDataset(Path file) {
        return read(file, null, -1);
    }

    /** Reads {@code file} like {@link #readDataset(Path)}, with actions interpreted as {@code kind}. */
    public static D4rlDataset readDataset(Path file, ActionKind kind) {
        return read(file, java.util.Objects.requireNonNull(kind, "kind"), -1);
    }

    /** The raw columns of a file. */
    private record Columns(HdfColumns.FloatColumn obs, HdfColumns.FloatColumn next, HdfColumns.FloatColumn act,
            double[] rewards, boolean[] terminals, boolean[] timeouts, Space<?> obsSpace, Space<?> actSpace) {
    }

    private static D4rlDataset read(Path file, ActionKind requested, int numActions) {
        String where = "file " + file;
        Columns c = columns(file, where);
        int n = c.rewards().length;
        if (n == 0) {
            throw new QuiverUserException(where + ", field rewards: is empty; the file has no transitions");
        }
        MinariReader.checkLength(where, "observations", c.obs().rows(), n);
        if (c.next() != null) {
            MinariReader.checkLength(where, "next_observations", c.next().rows(), n);
        }
        MinariReader.checkLength(where, "actions", c.act().rows(), n);
        MinariReader.checkLength(where, "terminals", c.terminals().length, n);
        MinariReader.checkLength(where, "timeouts", c.timeouts().length, n);
        int d = c.obs().width();
        if (c.next() != null && c.next().width() != d) {
            throw new QuiverUserException(where + ", field next_observations: has width " + c.next().width()
                    + ", expected " + d + " (as observations)");
        }
        if (c.obsSpace() != null && ((Box<?>) c.obsSpace()).size() != d) {
            throw new QuiverUserException(where + ", field observations: has width " + d + " but attribute"
                    + " observation_space is " + c.obsSpace());
        }
        requireFinite(where, "observations", c.obs());
        if (c.next() != null) {
            requireFinite(where, "next_observations", c.next());
        }
        for (int s = 0; s < n; s++) {
            if (!Double.isFinite(c.rewards()[s])) {
                throw new QuiverUserException(where + ", row " + s + ", field rewards: is " + c.rewards()[s]
                        + "; rewards must be finite");
            }
        }
        ActionKind kind = requested != null ? requested
                : c.actSpace() instanceof Discrete ? ActionKind.DISCRETE : ActionKind.CONTINUOUS;
        EpisodeDataset.Builder b;
        int[] discreteActions = null;
        if (kind == ActionKind.DISCRETE) {
            if (c.act().width() != 1) {
                throw new QuiverUserException(where + ", field actions: has width " + c.act().width()
                        + "; discrete actions need one value per step");
            }
            Discrete space = c.actSpace() instanceof Discrete ds && numActions < 0 ? ds : null;
            long min = space != null ? space.start() : 0;
            discreteActions = new int[n];
            int max = 0;
            for (int s = 0; s < n; s++) {
                float v = c.act().values()[s];
                if (!(v >= min && v == Math.rint(v) && v <= 1 << 24)) {
                    throw new QuiverUserException(where + ", row " + s + ", field actions: " + v + " is not an"
                            + " integer >= " + min + "; read the file with ActionKind.CONTINUOUS instead");
                }
                discreteActions[s] = (int) v;
                max = Math.max(max, discreteActions[s]);
            }
            if (space != null) {
                Space<?> obsSpace = c.obsSpace() != null ? c.obsSpace() : Box.float32(Double.NEGATIVE_INFINITY,
                        Double.POSITIVE_INFINITY, d);
                b = EpisodeDataset.builder(EnvSpec.of("d4rl", obsSpace, space, 0, Double.NaN));
            } else {
                b = EpisodeDataset.discreteBuilder(d, numActions > 0 ? numActions : max + 1);
            }
        } else {
            requireFinite(where, "actions", c.act());
            if (c.actSpace() instanceof Box<?> box && box.size() != c.act().width()) {
                throw new QuiverUserException(where + ", field actions: has width " + c.act().width()
                        + " but attribute action_space is " + box);
            }
            b = EpisodeDataset.continuousBuilder(d, c.act().width());
        }
        int dropped = c.next() != null ? withNext(b, c, discreteActions, where)
                : reconstructed(b, c, discreteActions, where);
        if (b.episodeIndex() == 0) {
            throw new QuiverUserException(where + ": no transitions left: without next_observations every episode"
                    + " was a single timeout row, whose successor is unknown");
        }
        return new D4rlDataset(b.build(), c.obsSpace(), c.actSpace(), n, dropped, c.next() == null);
    }

    private static Columns columns(Path file, String where) {
        try (HdfFile h = HdfColumns.open(file)) {
            HdfColumns.FloatColumn obs = HdfColumns.floats(HdfColumns.dataset(h, "observations", where), where);
            HdfColumns.FloatColumn next = hasChild(h, "next_observations", where)
                    ? HdfColumns.floats(HdfColumns.dataset(h, "next_observations", where), where) : null;
            HdfColumns.FloatColumn act = HdfColumns.floats(HdfColumns.dataset(h, "actions", where), where);
            double[] rewards = HdfColumns.doubles(HdfColumns.dataset(h, "rewards", where), where);
            boolean[] terminals = HdfColumns.bools(HdfColumns.dataset(h, "terminals", where), where);
            boolean[] timeouts = HdfColumns.bools(HdfColumns.dataset(h, "timeouts", where), where);
            Space<?> obsSpace = spaceAttribute(h, "observation_space", where);
            Space<?> actSpace = spaceAttribute(h, "action_space", where);
            if (obsSpace != null && !(obsSpace instanceof Box<?>)) {
                throw new QuiverUserException(where + ", attribute observation_space: " + obsSpace + " is not"
                        + " supported; allowed: Box");
            }
            return new Columns(obs, next, act, rewards, terminals, timeouts, obsSpace, actSpace);
        }
    }

    private static boolean hasChild(HdfFile h, String name, String where) {
        try {
            return h.getChildren().containsKey(name);
        } catch (RuntimeException e) {
            throw new QuiverUserException(where + ": cannot list datasets (truncated or corrupted file?): " + e, e);
        }
    }

    private static Space<?> spaceAttribute(Node node, String name, String where) {
        String json = HdfColumns.stringAttribute(node, name, where);
        if (json == null) {
            return null;
        }
        JsonObject holder = new JsonObject();
        holder.addProperty(name, json);
        return MinariReader.space(holder, name, where + " (root attribute)");
    }

    private static void requireFinite(String where, String field, HdfColumns.FloatColumn col) {
        float[] v = col.values();
        int w = col.width();
        for (int i = 0; i < v.length; i++) {
            if (!Float.isFinite(v[i])) {
                throw new QuiverUserException(where + ", row " + (i / w) + ", field " + field + ": component "
                        + (i % w) + " is " + v[i] + "; " + field + " must be finite");
            }
        }
    }

    /** Episodes from a file with next_observations: every row is kept. Returns the rows dropped (0). */
    private static int withNext(EpisodeDataset.Builder b, Columns c, int[] discreteActions, String where) {
        int n = c.rewards().length;
        int d = c.obs().width();
        int start = 0;
        for (int s = 0; s < n; s++) {
            if (!(c.terminals()[s] || c.timeouts()[s] || s == n - 1)) {
                continue;
            }
            int t = s + 1 - start;
            float[] o = new float[(t + 1) * d];
            System.arraycopy(c.obs().values(), start * d, o, 0, t * d);
            System.arraycopy(c.next().values(), s * d, o, t * d, d);
            add(b, c, discreteActions, start, t, o, Arrays.copyOfRange(c.terminals(), start, s + 1),
                    Arrays.copyOfRange(c.timeouts(), start, s + 1), where);
            start = s + 1;
        }
        return 0;
    }

    /**
     * Episodes from a file without next_observations (see the class comment for what is kept and dropped).
     * Returns the number of rows dropped.
     */
    private static int reconstructed(EpisodeDataset.Builder b, Columns c, int[] discreteActions, String where) {
        int n = c.rewards().length;
        int d = c.obs().width();
        float[] obs = c.obs().values();
        int dropped = 0;
        int start = 0;
        for (int s = 0; s < n; s++) {
            boolean terminal = c.terminals()[s];
            boolean timeout = c.timeouts()[s];
            if (!(terminal || timeout || s == n - 1)) {
                continue;
            }
            int t;
            float[] o;
            boolean[] term;
            boolean[] trunc;
            if (terminal) {
                t = s + 1 - start;
                o = new float[(t + 1) * d];
                System.arraycopy(obs, start * d, o, 0, t * d);
                System.arraycopy(obs, s * d, o, t * d, d); // placeholder: the terminal successor is not in the file
                term = Arrays.copyOfRange(c.terminals(), start, s + 1);
                trunc = Arrays.copyOfRange(c.timeouts(), start, s + 1);
            } else {
                // row s has no known successor: drop it; observations[s] is the next observation of row s - 1
                dropped++;
                t = s - start;
                o = t == 0 ? null : Arrays.copyOfRange(obs, start * d, (s + 1) * d);
                term = new boolean[Math.max(t, 0)];
                trunc = new boolean[Math.max(t, 0)];
                if (t > 0) {
                    trunc[t - 1] = timeout; // a timeout ends the episode there; a trailing cut keeps no flag
                }
            }
            if (t > 0) {
                add(b, c, discreteActions, start, t, o, term, trunc, where);
            }
            start = s + 1;
        }
        return dropped;
    }

    private static void add(EpisodeDataset.Builder b, Columns c, int[] discreteActions, int start, int t, float[] o,
            boolean[] term, boolean[] trunc, String where) {
        int end = start + t;
        double[] r = Arrays.copyOfRange(c.rewards(), start, end);
        try {
            if (discreteActions != null) {
                b.addEpisode(o, Arrays.copyOfRange(discreteActions, start, end), r, term, trunc);
            } else {
                int k = c.act().width();
                b.addEpisode(o, Arrays.copyOfRange(c.act().values(), start * k, end * k), r, term, trunc);
            }
        } catch (QuiverUserException e) {
            throw new QuiverUserException(where + ", rows " + start + ".." + (end - 1) + ": " + e.getMessage(), e);
        }
    }
}
