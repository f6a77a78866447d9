package dev.quiver.ope.bandit.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * Logged bandit feedback, column-wise and immutable: for each of {@code n} rounds a context {@code x_i}
 * (a row of {@code dim} numbers), the action {@code a_i} the logging policy chose, the position (slot)
 * {@code k_i} it was shown at, the observed reward {@code r_i}, and the propensity {@code p_i =
 * pi_b(a_i | x_i, k_i)}, the logging policy's probability of that action at that position.
 *
 * <p>Optionally it carries what a simulator knows: per-action contexts (one row per action, e.g. item
 * features) and, per row, the expected reward {@code q(x_i, a, k_i)} of every action (the ground truth
 * that synthetic data have and real logs do not). Actions are {@code 0..numActions-1} and positions
 * {@code 0..numPositions-1} (0-based; the Open Bandit Dataset's slots 1..3 become 0..2). Arrays given to
 * the builder are copied; accessors never expose internal arrays.
 *
 * @see <a href="https://arxiv.org/abs/2008.07146">Saito, Aihara, Matsutani and Narita (2021), Open Bandit
 *     Dataset and Pipeline: Towards Realistic and Reproducible Off-Policy Evaluation, arXiv:2008.07146</a>
 */
public final class LoggedBanditData {
    private final String source;
    private final int n;
    private final int dim;
    private final int numActions;
    private final int numPositions;
    private final double[] contexts;
    private final int[] actions;
    private final int[] positions;
    private final double[] rewards;
    private final double[] propensities;
    private final double[][] actionContexts;
    private final double[] expectedRewards;

    private LoggedBanditData(Builder b) {
        this.source = b.source;
        this.n = b.actions.length;
        this.dim = b.dim;
        this.numActions = b.numActions;
        this.numPositions = b.numPositions;
        this.contexts = b.contexts;
        this.actions = b.actions;
        this.positions = b.positions;
        this.rewards = b.rewards;
        this.propensities = b.propensities;
        this.actionContexts = b.actionContexts;
        this.expectedRewards = b.expectedRewards;
    }

    /** A builder for {@code numActions} actions; everything else is set with its methods. */
    public static Builder builder(int numActions) {
        return new Builder(numActions);
    }

    /** Where the data came from (a file name, or a description of a simulator), for messages. */
    public String source() {
        return source;
    }

    /** The number of logged rounds {@code n}. */
    public int size() {
        return n;
    }

    /** The context dimension {@code d} (0 when there are no contexts). */
    public int contextDim() {
        return dim;
    }

    /** The number of actions {@code K}. */
    public int numActions() {
        return numActions;
    }

    /** The number of positions (1 for an ordinary contextual bandit). */
    public int numPositions() {
        return numPositions;
    }

    /** Feature {@code j} of row {@code i}'s context. */
    public double context(int i, int j) {
        return contexts[i * dim + j];
    }

    /** A copy of row {@code i}'s context. */
    public double[] context(int i) {
        return Arrays.copyOfRange(contexts, i * dim, (i + 1) * dim);
    }

    /** The logged action of row {@code i}. */
    public int action(int i) {
        return actions[i];
    }

    /** The (0-based) position of row {@code i}. */
    public int position(int i) {
        return positions[i];
    }

    /** The observed reward of row {@code i}. */
    public double reward(int i) {
        return rewards[i];
    }

    /** The logging policy's probability of row {@code i}'s action at its position. */
    public double propensity(int i) {
        return propensities[i];
    }

    /** A copy of the rewards. */
    public double[] rewards() {
        return rewards.clone();
    }

    /** A copy of the positions. */
    public int[] positions() {
        return positions.clone();
    }

    /** Whether every reward is 0 or 1 (clicks, conversions). */
    public boolean binaryRewards() {
        for (double r : rewards) {
            if (r != 0 && r != 1) {
                return false;
            }
        }
        return true;
    }

    /** The mean observed reward (the on-policy value of the logging policy). */
    public double meanReward() {
        double s = 0;
        for (double r : rewards) {
            s += r;
        }
        return s / n;
    }

    /** Whether per-action contexts are known. */
    public boolean hasActionContexts() {
        return actionContexts != null;
    }

    /** A copy of action {@code a}'s context. */
    public double[] actionContext(int a) {
        if (actionContexts == null) {
            throw new IllegalStateException(source + ": no action contexts");
        }
        return actionContexts[a].clone();
    }

    /** Whether the expected rewards (ground truth) are known. */
    public boolean hasExpectedRewards() {
        return expectedRewards != null;
    }

    /** The expected reward {@code q(x_i, a, k_i)} of action {@code a} on row {@code i} (ground truth). */
    public double expectedReward(int i, int a) {
        if (expectedRewards == null) {
            throw new IllegalStateException(source + ": the expected rewards are unknown (real logs)");
        }
        return expectedRewards[i * numActions + a];
    }

    /** The expected rewards as an {@code n x K} matrix (a copy). */
    public double[][] expectedRewards() {
        double[][] q = new double[n][numActions];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < numActions; a++) {
                q[i][a] = expectedReward(i, a);
            }
        }
        return q;
    }

    /** The rows {@code rows} (in that order, repeats allowed) as new data. */
    public LoggedBanditData subset(int[] rows) {
        Builder b = builder(numActions).source(source).numPositions(numPositions);
        double[] c = new double[rows.length * dim];
        int[] a = new int[rows.length];
        int[] k = new int[rows.length];
        double[] r = new double[rows.length];
        double[] p = new double[rows.length];
        double[] q = expectedRewards == null ? null : new double[rows.length * numActions];
        for (int j = 0; j < rows.length; j++) {
            int i = rows[j];
            System.arraycopy(contexts, i * dim, c, j * dim, dim);
            a[j] = actions[i];
            k[j] = positions[i];
            r[j] = rewards[i];
            p[j] = propensities[i];
            if (q != null) {
                System.arraycopy(expectedRewards, i * numActions, q, j * numActions, numActions);
            }
        }
        b.contexts(c, dim).actions(a).positions(k).rewards(r).propensities(p);
        if (actionContexts != null) {
            b.actionContexts(actionContexts);
        }
        if (q != null) {
            b.expectedRewards(q);
        }
        return b.build();
    }

    @Override
    public String toString() {
        return "LoggedBanditData(" + source + ": n=" + n + ", d=" + dim + ", K=" + numActions + ", positions="
                + numPositions + ")";
    }

    /** Assembles {@link LoggedBanditData}; {@link #build()} validates and copies. */
    public static final class Builder {
        private final int numActions;
        private String source = "logged bandit data";
        private int dim;
        private int numPositions = 1;
        private double[] contexts = new double[0];
        private int[] actions;
        private int[] positions;
        private double[] rewards;
        private double[] propensities;
        private double[][] actionContexts;
        private double[] expectedRewards;

        private Builder(int numActions) {
            if (numActions < 1) {
                throw new IllegalArgumentException("numActions must be at least 1, got " + numActions);
            }
            this.numActions = numActions;
        }

        /** Where the data came from, for messages. */
        public Builder source(String source) {
            this.source = Objects.requireNonNull(source, "source");
            return this;
        }

        /** Contexts as a row-major {@code n * dim} array. */
        public Builder contexts(double[] flat, int dim) {
            if (dim < 0) {
                throw new IllegalArgumentException("dim must be >= 0, got " + dim);
            }
            this.contexts = flat.clone();
            this.dim = dim;
            return this;
        }

        /** Contexts as {@code n} rows of equal length. */
        public Builder contexts(double[][] rows) {
            int d = rows.length == 0 ? 0 : rows[0].length;
            double[] flat = new double[rows.length * d];
            for (int i = 0; i < rows.length; i++) {
                if (rows[i].length != d) {
                    throw new IllegalArgumentException("context row " + i + " has " + rows[i].length
                            + " values, row 0 has " + d);
                }
                System.arraycopy(rows[i], 0, flat, i * d, d);
            }
            this.contexts = flat;
            this.dim = d;
            return this;
        }

        /** The logged actions. */
        public Builder actions(int[] actions) {
            this.actions = actions.clone();
            return this;
        }

        /** The number of positions (default 1). */
        public Builder numPositions(int numPositions) {
            if (numPositions < 1) {
                throw new IllegalArgumentException("numPositions must be at least 1, got " + numPositions);
            }
            this.numPositions = numPositions;
            return this;
        }

        /** The 0-based position of every row (default: all 0). */
        public Builder positions(int[] positions) {
            this.positions = positions.clone();
            return this;
        }

        /** The observed rewards. */
        public Builder rewards(double[] rewards) {
            this.rewards = rewards.clone();
            return this;
        }

        /** The logging policy's probabilities of the logged actions, in (0, 1]. */
        public Builder propensities(double[] propensities) {
            this.propensities = propensities.clone();
            return this;
        }

        /** Per-action contexts, {@code numActions} rows of equal length. */
        public Builder actionContexts(double[][] actionContexts) {
            if (actionContexts.length != numActions) {
                throw new IllegalArgumentException("need " + numActions + " action contexts, got "
                        + actionContexts.length);
            }
            double[][] copy = new double[numActions][];
            for (int a = 0; a < numActions; a++) {
                copy[a] = actionContexts[a].clone();
                if (copy[a].length != copy[0].length) {
                    throw new IllegalArgumentException("action context " + a + " has " + copy[a].length
                            + " values, action 0 has " + copy[0].length);
                }
            }
            this.actionContexts = copy;
            return this;
        }

        /** Expected rewards (ground truth) as a row-major {@code n * numActions} array. */
        public Builder expectedRewards(double[] flat) {
            this.expectedRewards = flat.clone();
            return this;
        }

        /** Validates and builds. */
        public LoggedBanditData build() {
            if (actions == null || rewards == null || propensities == null) {
                throw new IllegalArgumentException("actions, rewards and propensities are required");
            }
            int n = actions.length;
            if (rewards.length != n || propensities.length != n) {
                throw new IllegalArgumentException("rows disagree: " + n + " actions, " + rewards.length + " rewards, "
                        + propensities.length + " propensities");
            }
            if (contexts.length != n * dim) {
                throw new IllegalArgumentException("contexts have " + contexts.length + " values; need n * dim = "
                        + n + " * " + dim);
            }
            if (positions == null) {
                positions = new int[n];
            } else if (positions.length != n) {
                throw new IllegalArgumentException(positions.length + " positions for " + n + " rows");
            }
            if (expectedRewards != null && expectedRewards.length != n * numActions) {
                throw new IllegalArgumentException("expected rewards have " + expectedRewards.length
                        + " values; need n * K = " + n + " * " + numActions);
            }
            for (int i = 0; i < n; i++) {
                if (actions[i] < 0 || actions[i] >= numActions) {
                    throw new IllegalArgumentException("row " + i + ": action " + actions[i] + " is not in [0, "
                            + numActions + ")");
                }
                if (positions[i] < 0 || positions[i] >= numPositions) {
                    throw new IllegalArgumentException("row " + i + ": position " + positions[i] + " is not in [0, "
                            + numPositions + ")");
                }
                if (!Double.isFinite(rewards[i])) {
                    throw new IllegalArgumentException("row " + i + ": reward " + rewards[i] + " is not finite");
                }
                if (!(propensities[i] > 0 && propensities[i] <= 1)) {
                    throw new IllegalArgumentException("row " + i + ": propensity " + propensities[i]
                            + " is not in (0, 1]");
                }
            }
            for (int j = 0; j < contexts.length; j++) {
                if (!Double.isFinite(contexts[j])) {
                    throw new IllegalArgumentException("row " + j / Math.max(dim, 1) + ": context value "
                            + contexts[j] + " is not finite");
                }
            }
            return new LoggedBanditData(this);
        }
    }
}
