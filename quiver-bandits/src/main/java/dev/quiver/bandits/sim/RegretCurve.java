package dev.quiver.bandits.sim;

import dev.quiver.core.estimate.Estimate;
import dev.quiver.core.seed.Seeds;
import dev.quiver.eval.bootstrap.PercentileBootstrap;

/**
 * One algorithm's cumulative regret over rounds, aggregated over seeds: at each checkpoint round, the mean
 * over seeds with a percentile-bootstrap interval (quiver-eval's {@link PercentileBootstrap}, resampling
 * seeds). The bootstrap at round {@code t} draws from {@code Seeds.of(seed).child(name).child("round", t)},
 * so curves are reproducible and independent of how many checkpoints are asked for.
 *
 * @param algorithm the algorithm's name
 * @param rounds the checkpoint rounds (1-based, increasing)
 * @param mean the mean cumulative regret at each checkpoint
 * @param low the interval's lower end at each checkpoint
 * @param high the interval's upper end at each checkpoint
 * @param finalRegret the estimate at the last checkpoint
 * @param perSeedFinal every seed's cumulative regret at the last checkpoint
 * @see <a href="https://doi.org/10.1214/aos/1176344552">Efron (1979), Bootstrap methods, Annals of
 *     Statistics 7(1)</a>
 */
public record RegretCurve(String algorithm, int[] rounds, double[] mean, double[] low, double[] high,
        Estimate finalRegret, double[] perSeedFinal) {

    /** Copies the arrays in. */
    public RegretCurve {
        rounds = rounds.clone();
        mean = mean.clone();
        low = low.clone();
        high = high.clone();
        perSeedFinal = perSeedFinal.clone();
    }

    @Override
    public int[] rounds() {
        return rounds.clone();
    }

    @Override
    public double[] mean() {
        return mean.clone();
    }

    @Override
    public double[] low() {
        return low.clone();
    }

    @Override
    public double[] high() {
        return high.clone();
    }

    @Override
    public double[] perSeedFinal() {
        return perSeedFinal.clone();
    }

    /**
     * The curve of {@code cumulative} ({@code [seed][round - 1]}) at {@code checkpoints}.
     *
     * @param confidence nominal coverage, e.g. 0.95
     * @param reps bootstrap resamples per checkpoint
     * @param seed root seed of the resampling
     */
    public static RegretCurve of(String algorithm, double[][] cumulative, int[] checkpoints, double confidence,
            int reps, long seed) {
        int n = cumulative.length;
        int k = checkpoints.length;
        double[] mean = new double[k];
        double[] low = new double[k];
        double[] high = new double[k];
        Estimate last = null;
        Seeds root = Seeds.of(seed).child(algorithm);
        double[] xs = new double[n];
        for (int c = 0; c < k; c++) {
            int t = checkpoints[c];
            for (int s = 0; s < n; s++) {
                xs[s] = cumulative[s][t - 1];
            }
            Estimate e = PercentileBootstrap.mean(xs, confidence, reps, root.child("round", t).rng());
            mean[c] = e.point();
            low[c] = e.low();
            high[c] = e.high();
            last = e;
        }
        double[] finals = new double[n];
        for (int s = 0; s < n; s++) {
            finals[s] = cumulative[s][checkpoints[k - 1] - 1];
        }
        return new RegretCurve(algorithm, checkpoints, mean, low, high, last, finals);
    }

    /**
     * About {@code points} checkpoint rounds spread evenly over {@code 1..rounds}, always ending at
     * {@code rounds} (every round when {@code points >= rounds}).
     */
    public static int[] checkpoints(int rounds, int points) {
        if (rounds < 1 || points < 1) {
            throw new IllegalArgumentException("rounds and points must be at least 1, got " + rounds + ", " + points);
        }
        int k = Math.min(rounds, points);
        int[] out = new int[k];
        for (int i = 0; i < k; i++) {
            out[i] = (int) Math.round((double) rounds * (i + 1) / k);
        }
        return out;
    }
}
