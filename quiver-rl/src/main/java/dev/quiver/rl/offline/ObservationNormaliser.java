package dev.quiver.rl.offline;

import dev.quiver.core.error.QuiverUserException;
import dev.quiver.data.dataset.DatasetStatistics;
import dev.quiver.data.dataset.EpisodeDataset;
import dev.quiver.nn.checkpoint.CheckpointReader;
import dev.quiver.nn.checkpoint.CheckpointWriter;
import dev.quiver.nn.checkpoint.Tensor;
import java.util.Arrays;

/**
 * Per-dimension observation standardisation {@code (s − mean) / std} with the dataset's mean and
 * (population) standard deviation plus {@link #EPS}, as CORL's {@code compute_mean_std(…, eps=1e-3)} and
 * TD3+BC (Fujimoto and Gu 2021, section 5) do; the trained policy applies the same map before its network.
 * The identity when disabled. Immutable.
 *
 * @see <a href="https://arxiv.org/abs/2106.06860">Fujimoto, S. and Gu, S. S. (2021). A Minimalist Approach to
 *     Offline Reinforcement Learning. NeurIPS. arXiv:2106.06860</a>
 */
public final class ObservationNormaliser {
    /** Added to every standard deviation (CORL's {@code eps}). */
    public static final double EPS = 1e-3;
    private static final String MEAN = "obs_mean";
    private static final String STD = "obs_std";
    private final float[] mean;
    private final float[] std;

    private ObservationNormaliser(float[] mean, float[] std) {
        this.mean = mean;
        this.std = std;
    }

    /** The map with {@code data}'s observation statistics ({@link DatasetStatistics}: the observations that start a transition). */
    public static ObservationNormaliser of(EpisodeDataset data) {
        DatasetStatistics s = DatasetStatistics.of(data);
        double[] m = s.obsMean();
        double[] sd = s.obsStd();
        float[] mf = new float[m.length];
        float[] sf = new float[m.length];
        for (int i = 0; i < m.length; i++) {
            mf[i] = (float) m[i];
            sf[i] = (float) (sd[i] + EPS);
        }
        return new ObservationNormaliser(mf, sf);
    }

    /** The identity on {@code dim} values. */
    public static ObservationNormaliser identity(int dim) {
        float[] one = new float[dim];
        Arrays.fill(one, 1f);
        return new ObservationNormaliser(new float[dim], one);
    }

    /** {@link #of(EpisodeDataset)} when {@code enabled}, else the identity. */
    public static ObservationNormaliser of(EpisodeDataset data, boolean enabled) {
        return enabled ? of(data) : identity(data.obsDim());
    }

    /** Floats per observation. */
    public int size() {
        return mean.length;
    }

    /** The means (a copy). */
    public float[] mean() {
        return mean.clone();
    }

    /** The standard deviations with {@link #EPS} added (a copy). */
    public float[] std() {
        return std.clone();
    }

    /** Normalises {@code rows} consecutive observations in {@code values} in place. */
    public void applyInPlace(float[] values, int rows) {
        int d = mean.length;
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < d; j++) {
                int i = r * d + j;
                values[i] = (values[i] - mean[j]) / std[j];
            }
        }
    }

    /** The normalised copy of one observation. */
    public float[] apply(float[] observation) {
        if (observation.length != mean.length) {
            throw new IllegalArgumentException("observation has " + observation.length + " values, expected "
                    + mean.length);
        }
        float[] out = observation.clone();
        applyInPlace(out, 1);
        return out;
    }

    /** Adds the statistics to a checkpoint as arrays {@code obs_mean} and {@code obs_std}. */
    public void save(CheckpointWriter w) {
        w.array(MEAN, Tensor.ofFloats(mean, mean.length)).array(STD, Tensor.ofFloats(std, std.length));
    }

    /**
     * Reads what {@link #save} wrote.
     *
     * @throws QuiverUserException if the arrays are missing or not {@code dim} long
     */
    public static ObservationNormaliser restore(CheckpointReader r, int dim) {
        float[] m = r.array(MEAN).floats();
        float[] s = r.array(STD).floats();
        if (m.length != dim || s.length != dim) {
            throw new QuiverUserException("checkpoint " + r.dir() + ": observation statistics have " + m.length + " and "
                    + s.length + " values, the policy's observations " + dim);
        }
        return new ObservationNormaliser(m, s);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ObservationNormaliser n && Arrays.equals(mean, n.mean) && Arrays.equals(std, n.std);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(mean) * 31 + Arrays.hashCode(std);
    }
}
