package dev.quiver.eval.aggregate;

/**
 * The mean over tasks of the per-task mean scores (rliable's {@code aggregate_mean}); key {@code
 * "mean"}. Each task weighs the same whatever its number of runs.
 *
 * <p>Sensitive to outlier tasks: one task with a huge normalised score can dominate it, which is why
 * the rliable paper recommends the {@link InterquartileMean IQM} as the headline aggregate.
 *
 * @see <a href="https://arxiv.org/abs/2108.13264">Agarwal et al. (2021), arXiv:2108.13264, section 4</a>
 */
public final class Mean implements Metric {
    /** The result key. */
    public static final String NAME = "mean";
    static final Mean INSTANCE = new Mean();

    private Mean() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public double apply(double[][] scores) {
        return of(scores);
    }

    /** The mean of the per-task means of a valid score matrix {@code [task][run]}. */
    public static double of(double[][] scores) {
        ScoreMatrices.validate(scores);
        return ofTaskMeans(ScoreMatrices.taskMeans(scores), scores.length);
    }

    /** The mean of the first {@code n} per-task means (summed in order, divided by {@code n}). */
    public static double ofTaskMeans(double[] taskMeans, int n) {
        double s = 0;
        for (int t = 0; t < n; t++) {
            s += taskMeans[t];
        }
        return s / n;
    }

    @Override
    public String toString() {
        return NAME;
    }
}
