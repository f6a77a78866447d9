package dev.quiver.data.dataset;

/**
 * Summary statistics of an {@link EpisodeDataset}: episode returns and lengths, and per-dimension
 * observation mean and standard deviation (for observation normalisation and corruption).
 *
 * <p>Standard deviations are population ones (divisor {@code n}, as NumPy's default and D4RL-style
 * normalisation use). Observation statistics are over the observations that start a transition
 * ({@code numSteps} rows: the final next-observation of each episode is left out, as D4RL's flat
 * {@code observations} column does).
 */
public record DatasetStatistics(int numEpisodes, int totalSteps, double returnMean, double returnStd,
        double returnMin, double returnMax, double lengthMean, int lengthMin, int lengthMax, double[] obsMean,
        double[] obsStd) {

    /** Computes the statistics of {@code data} (two passes, in {@code double}). */
    public static DatasetStatistics of(EpisodeDataset data) {
        double[] returns = data.returns();
        int[] lengths = data.episodeLengths();
        int n = returns.length;
        double rMean = mean(returns);
        double rVar = 0.0;
        double rMin = Double.POSITIVE_INFINITY;
        double rMax = Double.NEGATIVE_INFINITY;
        long lSum = 0;
        int lMin = Integer.MAX_VALUE;
        int lMax = Integer.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            double d = returns[i] - rMean;
            rVar += d * d;
            rMin = Math.min(rMin, returns[i]);
            rMax = Math.max(rMax, returns[i]);
            lSum += lengths[i];
            lMin = Math.min(lMin, lengths[i]);
            lMax = Math.max(lMax, lengths[i]);
        }
        int dim = data.obsDim();
        double[] mean = new double[dim];
        double[] var = new double[dim];
        float[] obs = data.observations;
        int rows = 0;
        for (int e = 0; e < n; e++) {
            int from = data.offsets[e] + e;
            int to = data.offsets[e + 1] + e; // exclusive: leaves out the final next-observation
            for (int r = from; r < to; r++) {
                for (int d = 0; d < dim; d++) {
                    mean[d] += obs[r * dim + d];
                }
                rows++;
            }
        }
        for (int d = 0; d < dim; d++) {
            mean[d] /= rows;
        }
        for (int e = 0; e < n; e++) {
            for (int r = data.offsets[e] + e, to = data.offsets[e + 1] + e; r < to; r++) {
                for (int d = 0; d < dim; d++) {
                    double x = obs[r * dim + d] - mean[d];
                    var[d] += x * x;
                }
            }
        }
        for (int d = 0; d < dim; d++) {
            var[d] = Math.sqrt(var[d] / rows);
        }
        return new DatasetStatistics(n, data.numSteps(), rMean, Math.sqrt(rVar / n), rMin, rMax,
                (double) lSum / n, lMin, lMax, mean, var);
    }

    /** Per-dimension observation mean (a copy). */
    @Override
    public double[] obsMean() {
        return obsMean.clone();
    }

    /** Per-dimension observation standard deviation (a copy). */
    @Override
    public double[] obsStd() {
        return obsStd.clone();
    }

    private static double mean(double[] x) {
        double s = 0.0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }
}
