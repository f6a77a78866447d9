package dev.quiver.eval.bootstrap;

import dev.quiver.eval.aggregate.ScoreMatrices;
import java.util.Arrays;

/**
 * One stratified resample at a time of a score matrix {@code [task][run]}, kept as counts: for each
 * task, its runs are drawn with replacement, as many as it has, separately per task (rliable's
 * {@code StratifiedBootstrap}); optionally the tasks are drawn with replacement first ("task
 * bootstrap", rliable's {@code task_bootstrap=True}), and then each drawn task slot gets its own run
 * resample.
 *
 * <p>A resample is described by a {@link State}: the source task of each slot, each slot's mean score
 * (summed in draw order), and how many copies of each original value were drawn, accumulated on
 * "positions" chosen by the caller ({@code map[flat index] = position}): e.g. the value's rank among
 * all values pooled, so that pooled order statistics can be read without sorting. Nothing is
 * allocated per resample unless a materialised matrix is asked for with ragged task bootstrap.
 *
 * <p>Draw order (the reproducibility contract): with task bootstrap, first one task index per slot
 * ({@code nextIndex(tasks)}); then for slot {@code 0, 1, ...} the {@code n} run indices of its source
 * task ({@code nextIndex(n)}, where {@code n} is that task's run count).
 */
public final class StratifiedResampler {
    private final int tasks;
    private final int[] offset;
    private final int[] runs;
    private final double[] values;
    private final int[] map;
    private final int positions;

    /**
     * @param scores a valid score matrix (copied)
     * @param map the position of each value in flat task-major order (task 0's runs, then task 1's,
     *     ...), or null for the identity (position = flat index)
     * @param positions the number of positions (at least the largest mapped position + 1)
     */
    public StratifiedResampler(double[][] scores, int[] map, int positions) {
        ScoreMatrices.validate(scores);
        this.tasks = scores.length;
        this.offset = new int[tasks + 1];
        this.runs = new int[tasks];
        for (int t = 0; t < tasks; t++) {
            runs[t] = scores[t].length;
            offset[t + 1] = offset[t] + runs[t];
        }
        this.values = ScoreMatrices.pooled(scores);
        if (map == null) {
            map = new int[values.length];
            for (int j = 0; j < map.length; j++) {
                map[j] = j;
            }
            positions = Math.max(positions, values.length);
        }
        if (map.length != values.length) {
            throw new IllegalArgumentException("map has " + map.length + " entries for " + values.length + " values");
        }
        for (int p : map) {
            if (p < 0 || p >= positions) {
                throw new IllegalArgumentException("position " + p + " outside [0, " + positions + ")");
            }
        }
        this.map = map.clone();
        this.positions = positions;
    }

    /** A resampler whose positions are the ranks of the values pooled over all tasks (stable order). */
    public static StratifiedResampler pooledRanks(double[][] scores) {
        ScoreMatrices.validate(scores);
        return new StratifiedResampler(scores, pooledRankMap(scores), ScoreMatrices.totalRuns(scores));
    }

    /**
     * The rank of each value (flat task-major order) among all values pooled, ties broken by flat
     * index; {@code ScoreMatrices.pooledSorted(scores)[rank[j]]} is value {@code j}.
     */
    public static int[] pooledRankMap(double[][] scores) {
        double[] flat = ScoreMatrices.pooled(scores);
        Integer[] order = new Integer[flat.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> {
            int c = Double.compare(flat[a], flat[b]);
            return c != 0 ? c : Integer.compare(a, b);
        });
        int[] rank = new int[flat.length];
        for (int k = 0; k < order.length; k++) {
            rank[order[k]] = k;
        }
        return rank;
    }

    /** The number of tasks (and of slots in a resample). */
    public int tasks() {
        return tasks;
    }

    /** The number of runs of task {@code t}. */
    public int runs(int t) {
        return runs[t];
    }

    /** The number of runs of all tasks. */
    public int totalRuns() {
        return values.length;
    }

    /** The number of count positions. */
    public int positions() {
        return positions;
    }

    /** Scratch state for one thread; {@code materialise} also keeps the resampled matrix. */
    public State newState(boolean materialise) {
        return new State(tasks, positions, materialise ? new double[tasks][] : null);
    }

    /** Fills {@code st} with the original data seen as a resample (every value once, slot t = task t). */
    public void identity(State st) {
        Arrays.fill(st.counts, 0);
        for (int t = 0; t < tasks; t++) {
            st.source[t] = t;
            double sum = 0;
            for (int j = offset[t]; j < offset[t + 1]; j++) {
                sum += values[j];
                st.counts[map[j]]++;
            }
            st.slotMeans[t] = sum / runs[t];
            if (st.matrix != null) {
                st.matrix[t] = Arrays.copyOfRange(values, offset[t], offset[t + 1]);
            }
        }
        st.total = values.length;
    }

    /** Fills {@code st} with a fresh resample drawn from {@code sampler}. */
    public void draw(IndexSampler sampler, boolean taskBootstrap, State st) {
        Arrays.fill(st.counts, 0);
        int[] source = st.source;
        if (taskBootstrap) {
            for (int s = 0; s < tasks; s++) {
                source[s] = sampler.nextIndex(tasks);
            }
        } else {
            for (int s = 0; s < tasks; s++) {
                source[s] = s;
            }
        }
        int total = 0;
        for (int s = 0; s < tasks; s++) {
            int t = source[s];
            int n = runs[t];
            double sum;
            if (st.matrix == null) {
                sum = sampler.drawSum(n, offset[t], values, map, st.counts);
            } else {
                double[] row = st.matrix[s];
                if (row == null || row.length != n) {
                    row = new double[n];
                    st.matrix[s] = row;
                }
                sum = sampler.drawSumInto(n, offset[t], values, map, st.counts, row);
            }
            st.slotMeans[s] = sum / n;
            total += n;
        }
        st.total = total;
    }

    /** One resample (or the original data): reused from rep to rep by one thread. */
    public static final class State {
        /** The source task of each slot (the identity without task bootstrap). */
        public final int[] source;
        /** The mean of each slot's drawn runs, summed in draw order. */
        public final double[] slotMeans;
        /** How many copies of the values mapped to each position were drawn. */
        public final int[] counts;
        /** The resampled matrix {@code [slot][run]} in draw order, or null if not materialised. */
        public final double[][] matrix;
        /** The number of values drawn (the sum of {@code counts}). */
        public int total;

        State(int tasks, int positions, double[][] matrix) {
            this.source = new int[tasks];
            this.slotMeans = new double[tasks];
            this.counts = new int[positions];
            this.matrix = matrix;
        }
    }
}
