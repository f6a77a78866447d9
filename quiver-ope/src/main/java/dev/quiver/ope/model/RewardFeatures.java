package dev.quiver.ope.model;

import dev.quiver.ope.bandit.data.LoggedBanditData;

/**
 * How a reward model sees a (context, action, position) triple: the feature vector {@code phi(x, a, k)}.
 * Positions enter as a one-hot block when there are several (Open Bandit Pipeline fits one model per
 * position instead; a shared model with a position effect uses the rows of all positions at once).
 */
public enum RewardFeatures {
    /**
     * {@code [x, e_a, e_k]}: the context, the one-hot action and the one-hot position, side by side (OBP's
     * {@code RegressionModel} design {@code np.c_[context, action_context[action]]} with one-hot action
     * contexts). Linear in it, a model is additive in context and action; trees find interactions.
     */
    ADDITIVE,
    /**
     * {@code [e_a (x) (1, x), e_k]}: a separate intercept and context slope per action (a linear model in
     * it is one linear model per action sharing the position effect), plus the one-hot position.
     */
    INTERACTION;

    /** The length of {@code phi} for {@code data}. */
    public int dimension(LoggedBanditData data) {
        int d = data.contextDim();
        int k = data.numActions();
        int positions = data.numPositions() > 1 ? data.numPositions() : 0;
        return switch (this) {
            case ADDITIVE -> d + k + positions;
            case INTERACTION -> k * (d + 1) + positions;
        };
    }

    /** Writes {@code phi(x_row, action, k_row)} into {@code out[0..dimension)} (every entry is set). */
    public void write(LoggedBanditData data, int row, int action, double[] out) {
        int d = data.contextDim();
        int k = data.numActions();
        int dim = dimension(data);
        java.util.Arrays.fill(out, 0, dim, 0.0);
        int pos;
        switch (this) {
            case ADDITIVE -> {
                for (int j = 0; j < d; j++) {
                    out[j] = data.context(row, j);
                }
                out[d + action] = 1;
                pos = d + k;
            }
            case INTERACTION -> {
                int base = action * (d + 1);
                out[base] = 1;
                for (int j = 0; j < d; j++) {
                    out[base + 1 + j] = data.context(row, j);
                }
                pos = k * (d + 1);
            }
            default -> throw new IllegalStateException(name());
        }
        if (data.numPositions() > 1) {
            out[pos + data.position(row)] = 1;
        }
    }

    /** The name used on the command line: {@code additive} or {@code interaction}. */
    public String cliName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
