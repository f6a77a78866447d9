package dev.quiver.data.io;

import dev.quiver.core.error.QuiverUserException;
import dev.quiver.data.dataset.EpisodeDataset;
import io.jhdf.HdfFile;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads a D4RL-style flat HDF5 file: concatenated transitions {@code observations [N, d]},
 * {@code actions [N, k]} (or {@code [N]}), {@code rewards [N]}, {@code terminals [N]},
 * {@code timeouts [N]} and {@code next_observations [N, d]}.
 *
 * <p>Episodes end at each step whose {@code terminals} (terminated) or {@code timeouts} (truncated) flag
 * is set; an episode's {@code T + 1} observations are its {@code T} observations followed by the
 * {@code next_observations} row of its last step. Trailing steps after the last flag form a final
 * episode kept as cut (neither flag on its last step).
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

    /** Reads {@code file} with actions interpreted as {@code kind}. */
    public static EpisodeDataset read(Path file, ActionKind kind) {
        return read(file, kind, -1);
    }

    /** Reads {@code file} with discrete actions in {@code [0, numActions)}. */
    public static EpisodeDataset readDiscrete(Path file, int numActions) {
        if (numActions < 1) {
            throw new QuiverUserException("numActions must be at least 1, got " + numActions);
        }
        return read(file, ActionKind.DISCRETE, numActions);
    }

    private static EpisodeDataset read(Path file, ActionKind kind, int numActions) {
        String where = "file " + file;
        HdfColumns.FloatColumn obs;
        HdfColumns.FloatColumn next;
        HdfColumns.FloatColumn act;
        double[] rewards;
        boolean[] terminals;
        boolean[] timeouts;
        try (HdfFile h = HdfColumns.open(file)) {
            obs = HdfColumns.floats(HdfColumns.dataset(h, "observations", where), where);
            next = HdfColumns.floats(HdfColumns.dataset(h, "next_observations", where), where);
            act = HdfColumns.floats(HdfColumns.dataset(h, "actions", where), where);
            rewards = HdfColumns.doubles(HdfColumns.dataset(h, "rewards", where), where);
            terminals = HdfColumns.bools(HdfColumns.dataset(h, "terminals", where), where);
            timeouts = HdfColumns.bools(HdfColumns.dataset(h, "timeouts", where), where);
        }
        int n = rewards.length;
        if (n == 0) {
            throw new QuiverUserException(where + ", field rewards: is empty; the file has no transitions");
        }
        MinariReader.checkLength(where, "observations", obs.rows(), n);
        MinariReader.checkLength(where, "next_observations", next.rows(), n);
        MinariReader.checkLength(where, "actions", act.rows(), n);
        MinariReader.checkLength(where, "terminals", terminals.length, n);
        MinariReader.checkLength(where, "timeouts", timeouts.length, n);
        int d = obs.width();
        if (next.width() != d) {
            throw new QuiverUserException(where + ", field next_observations: has width " + next.width()
                    + ", expected " + d + " (as observations)");
        }
        EpisodeDataset.Builder b;
        int[] discreteActions = null;
        if (kind == ActionKind.DISCRETE) {
            if (act.width() != 1) {
                throw new QuiverUserException(where + ", field actions: has width " + act.width()
                        + "; discrete actions need one value per step");
            }
            discreteActions = new int[n];
            int max = 0;
            for (int s = 0; s < n; s++) {
                float v = act.values()[s];
                if (!(v >= 0 && v == Math.rint(v) && v <= 1 << 24)) {
                    throw new QuiverUserException(where + ", row " + s + ", field actions: " + v
                            + " is not a non-negative integer; read the file with ActionKind.CONTINUOUS instead");
                }
                discreteActions[s] = (int) v;
                max = Math.max(max, discreteActions[s]);
            }
            b = EpisodeDataset.discreteBuilder(d, numActions > 0 ? numActions : max + 1);
        } else {
            b = EpisodeDataset.continuousBuilder(d, act.width());
        }
        int start = 0;
        for (int s = 0; s < n; s++) {
            boolean end = terminals[s] || timeouts[s] || s == n - 1;
            if (!end) {
                continue;
            }
            int t = s + 1 - start;
            float[] o = new float[(t + 1) * d];
            System.arraycopy(obs.values(), start * d, o, 0, t * d);
            System.arraycopy(next.values(), s * d, o, t * d, d);
            double[] r = Arrays.copyOfRange(rewards, start, s + 1);
            boolean[] term = Arrays.copyOfRange(terminals, start, s + 1);
            boolean[] trunc = Arrays.copyOfRange(timeouts, start, s + 1);
            try {
                if (discreteActions != null) {
                    b.addEpisode(o, Arrays.copyOfRange(discreteActions, start, s + 1), r, term, trunc);
                } else {
                    b.addEpisode(o, Arrays.copyOfRange(act.values(), start * act.width(), (s + 1) * act.width()), r,
                            term, trunc);
                }
            } catch (QuiverUserException e) {
                throw new QuiverUserException(where + ", rows " + start + ".." + s + ": " + e.getMessage(), e);
            }
            start = s + 1;
        }
        return b.build();
    }
}
