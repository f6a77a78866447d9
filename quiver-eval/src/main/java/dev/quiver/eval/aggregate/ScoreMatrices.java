package dev.quiver.eval.aggregate;

import java.util.Arrays;

/**
 * Checks and small helpers for score matrices {@code double[][] scores} indexed {@code [task][run]}.
 *
 * <p>A valid matrix has at least one task, every task has at least one run, and every value is
 * finite. Tasks may have different numbers of runs ("ragged" matrices): per-task means weigh each task
 * equally, pooled metrics (IQM, optimality gap) weigh each run equally.
 */
public final class ScoreMatrices {
    private ScoreMatrices() {
    }

    /**
     * Checks that {@code scores} is a valid score matrix.
     *
     * @param scores the matrix {@code [task][run]}
     * @param what how to name the matrix in messages, e.g. {@code "scores"} or {@code "scores of DQN"}
     * @throws IllegalArgumentException naming the task (and run) at fault
     */
    public static void validate(double[][] scores, String what) {
        if (scores == null) {
            throw new IllegalArgumentException(what + " is null: expected a matrix [task][run]");
        }
        if (scores.length == 0) {
            throw new IllegalArgumentException(what + " has no tasks: expected at least one task with at least one run");
        }
        for (int t = 0; t < scores.length; t++) {
            double[] row = scores[t];
            if (row == null || row.length == 0) {
                throw new IllegalArgumentException(what + ": task " + t + " has no runs (every task needs at least one)");
            }
            for (int r = 0; r < row.length; r++) {
                if (!Double.isFinite(row[r])) {
                    throw new IllegalArgumentException(what + ": task " + t + ", run " + r + " is not finite: " + row[r]);
                }
            }
        }
    }

    /** {@link #validate(double[][], String)} with the name {@code "scores"}. */
    public static void validate(double[][] scores) {
        validate(scores, "scores");
    }

    /** The number of runs of all tasks together. */
    public static int totalRuns(double[][] scores) {
        long n = 0;
        for (double[] row : scores) {
            n += row.length;
        }
        if (n > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("too many runs in total: " + n);
        }
        return (int) n;
    }

    /** Whether every task has the same number of runs. */
    public static boolean isRectangular(double[][] scores) {
        for (double[] row : scores) {
            if (row.length != scores[0].length) {
                return false;
            }
        }
        return true;
    }

    /** The mean of each task's runs (summed in run order, then divided by the run count). */
    public static double[] taskMeans(double[][] scores) {
        double[] means = new double[scores.length];
        for (int t = 0; t < scores.length; t++) {
            double s = 0;
            for (double v : scores[t]) {
                s += v;
            }
            means[t] = s / scores[t].length;
        }
        return means;
    }

    /** All values, task by task, in one array. */
    public static double[] pooled(double[][] scores) {
        double[] all = new double[totalRuns(scores)];
        int k = 0;
        for (double[] row : scores) {
            System.arraycopy(row, 0, all, k, row.length);
            k += row.length;
        }
        return all;
    }

    /** All values pooled and sorted ascending. */
    public static double[] pooledSorted(double[][] scores) {
        double[] all = pooled(scores);
        Arrays.sort(all);
        return all;
    }

    /** A deep copy (the bootstrap keeps one so that later changes by the caller cannot leak in). */
    public static double[][] copy(double[][] scores) {
        double[][] c = new double[scores.length][];
        for (int t = 0; t < scores.length; t++) {
            c[t] = scores[t].clone();
        }
        return c;
    }
}
