package dev.quiver.data.sampling;

import dev.quiver.data.dataset.EpisodeDataset;
import java.util.Objects;

/**
 * The sampling probabilities of Hong et al.'s trajectory weighting for one dataset: each trajectory gets a
 * score, the scores are min-max normalised to {@code Ĝ_k} in [0, 1], and every transition of trajectory
 * {@code k} is drawn with probability
 * <pre>    p(t in k) = exp(Ĝ_k / α) / sum_j T_j exp(Ĝ_j / α)</pre>
 * ({@code T_j} the trajectory's number of transitions), so trajectory {@code k} as a whole is drawn with
 * probability {@code T_k exp(Ĝ_k / α) / sum_j T_j exp(Ĝ_j / α)} and its transitions uniformly within it.
 * This is the per-transition softmax of the authors' code (weights repeated {@code T_i} times, then
 * {@code softmax(w / α)}).
 *
 * <p>Scores: the undiscounted return {@code G_k} for {@link SamplingScheme#RETURN_WEIGHTED}; the advantage
 * {@code G_k - V̂(s_0^k)} for {@link SamplingScheme#ADVANTAGE_WEIGHTED}, with {@code V̂} the ordinary
 * least-squares fit (with intercept) of the returns on the trajectories' first observations, as the
 * authors' {@code sklearn LinearRegression().fit(s0, G).predict(s0)}; rank-deficient designs (fewer
 * trajectories than observation dimensions, constant or collinear dimensions) get the projection onto the
 * span of the independent columns, which is what every least-squares solution predicts. Min-max
 * normalisation follows the authors' IQL code ({@code (x - min) / (max - min)} over trajectories).
 * {@link SamplingScheme#UNIFORM} gives every transition {@code 1 / N}.
 *
 * <p>Edge case the paper leaves open: when the scores' spread {@code max - min} is at most
 * {@value #FLAT_SPREAD} times the largest {@code |G_k|} (all returns equal, or, for AW, returns fully
 * explained by the initial observation up to rounding), normalising would divide rounding noise by
 * itself, so every {@code Ĝ_k} is set to 0 and sampling is uniform over transitions.
 *
 * <p>Trajectories are episodes by default; {@link #of(EpisodeDataset, int[], SamplingScheme, double)} groups
 * consecutive episodes into one trajectory (e.g. the segments a corruption split an episode into), whose
 * return is the segments' summed reward and whose initial observation is the first segment's.
 *
 * @see <a href="https://arxiv.org/abs/2306.13085">Z.-W. Hong, P. Agrawal, R. Tachet des Combes, R. Laroche,
 *     Harnessing Mixed Offline Reinforcement Learning Datasets via Trajectory Weighting, ICLR 2023,
 *     arXiv:2306.13085</a>
 */
public final class TrajectoryWeights {
    /** Relative spread below which scores count as all equal (see class notes). */
    public static final double FLAT_SPREAD = 1e-9;

    private final EpisodeDataset data;
    private final SamplingScheme scheme;
    private final double temperature;
    private final int[] trajectoryOfEpisode;
    /** Trajectory k owns episodes [firstEpisode[k], firstEpisode[k + 1]). */
    private final int[] firstEpisode;
    private final int[] lengths;
    private final double[] returns;
    private final double[] baselines;
    private final double[] scores;
    private final double[] normalized;
    private final double[] transitionProbability;

    private TrajectoryWeights(EpisodeDataset data, SamplingScheme scheme, double temperature,
            int[] trajectoryOfEpisode, int[] firstEpisode) {
        this.data = data;
        this.scheme = scheme;
        this.temperature = temperature;
        this.trajectoryOfEpisode = trajectoryOfEpisode;
        this.firstEpisode = firstEpisode;
        int k = firstEpisode.length - 1;
        lengths = new int[k];
        returns = new double[k];
        for (int j = 0; j < k; j++) {
            for (int e = firstEpisode[j]; e < firstEpisode[j + 1]; e++) {
                lengths[j] += data.episodeLength(e);
                returns[j] += data.episodeReturn(e);
            }
        }
        baselines = scheme == SamplingScheme.ADVANTAGE_WEIGHTED ? initialStateBaseline() : new double[k];
        scores = new double[k];
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double scale = 0.0;
        for (int j = 0; j < k; j++) {
            scores[j] = scheme == SamplingScheme.UNIFORM ? 0.0 : returns[j] - baselines[j];
            min = Math.min(min, scores[j]);
            max = Math.max(max, scores[j]);
            scale = Math.max(scale, Math.abs(returns[j]));
        }
        normalized = new double[k];
        boolean flat = max - min <= FLAT_SPREAD * scale;
        double[] w = new double[k];
        double z = 0.0;
        for (int j = 0; j < k; j++) {
            normalized[j] = flat ? 0.0 : (scores[j] - min) / (max - min);
            // exp((Ĝ - max Ĝ) / α): max Ĝ is 1 (or 0 when flat), so no overflow
            w[j] = flat ? 1.0 : Math.exp((normalized[j] - 1.0) / temperature);
            z += lengths[j] * w[j];
        }
        transitionProbability = new double[k];
        for (int j = 0; j < k; j++) {
            transitionProbability[j] = w[j] / z;
        }
    }

    /** The weights of {@code scheme} over {@code data}, each episode a trajectory. */
    public static TrajectoryWeights of(EpisodeDataset data, SamplingScheme scheme, double temperature) {
        return of(data, null, scheme, temperature);
    }

    /**
     * The weights of {@code scheme} over {@code data} with trajectories made of consecutive episodes:
     * {@code trajectoryOfEpisode[e]} is episode {@code e}'s trajectory, starting at 0 and either staying or
     * growing by one from one episode to the next; {@code null} makes each episode a trajectory.
     *
     * @throws IllegalArgumentException if the grouping is not of that form or the temperature is not
     *     finite and positive
     */
    public static TrajectoryWeights of(EpisodeDataset data, int[] trajectoryOfEpisode, SamplingScheme scheme,
            double temperature) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(scheme, "scheme");
        if (!(temperature > 0.0) || !Double.isFinite(temperature)) {
            throw new IllegalArgumentException("temperature must be finite and > 0, got " + temperature);
        }
        int n = data.numEpisodes();
        int[] groups;
        if (trajectoryOfEpisode == null) {
            groups = new int[n];
            for (int e = 0; e < n; e++) {
                groups[e] = e;
            }
        } else {
            if (trajectoryOfEpisode.length != n) {
                throw new IllegalArgumentException("trajectoryOfEpisode has " + trajectoryOfEpisode.length
                        + " entries, but the dataset has " + n + " episodes");
            }
            groups = trajectoryOfEpisode.clone();
            for (int e = 0; e < n; e++) {
                int prev = e == 0 ? -1 : groups[e - 1];
                if (groups[e] != prev && groups[e] != prev + 1 || e == 0 && groups[e] != 0) {
                    throw new IllegalArgumentException("trajectoryOfEpisode[" + e + "] is " + groups[e]
                            + "; trajectories must be numbered 0, 1, ... over consecutive episodes (previous: "
                            + prev + ")");
                }
            }
        }
        int k = groups[n - 1] + 1;
        int[] first = new int[k + 1];
        for (int e = n - 1; e >= 0; e--) {
            first[groups[e]] = e;
        }
        first[k] = n;
        return new TrajectoryWeights(data, scheme, temperature, groups, first);
    }

    private double[] initialStateBaseline() {
        int k = returns.length;
        int dim = data.obsDim();
        double[][] x = new double[k][dim];
        float[] buf = new float[dim];
        for (int j = 0; j < k; j++) {
            data.observation(firstEpisode[j], 0, buf);
            for (int d = 0; d < dim; d++) {
                x[j][d] = buf[d];
            }
        }
        return LeastSquares.fittedValues(x, returns);
    }

    /** The dataset weighted. */
    public EpisodeDataset dataset() {
        return data;
    }

    /** The scheme. */
    public SamplingScheme scheme() {
        return scheme;
    }

    /** The temperature {@code α}. */
    public double temperature() {
        return temperature;
    }

    /** Number of trajectories. */
    public int numTrajectories() {
        return lengths.length;
    }

    /** The trajectory episode {@code e} belongs to. */
    public int trajectoryOfEpisode(int e) {
        return trajectoryOfEpisode[e];
    }

    /** Index of trajectory {@code k}'s first episode. */
    public int firstEpisode(int k) {
        return firstEpisode[k];
    }

    /** Number of transitions of trajectory {@code k}. */
    public int trajectoryLength(int k) {
        return lengths[k];
    }

    /** Undiscounted return {@code G_k} of each trajectory (a copy). */
    public double[] returns() {
        return returns.clone();
    }

    /** {@code V̂(s_0^k)} of each trajectory for AW; zeros for the other schemes (a copy). */
    public double[] baselines() {
        return baselines.clone();
    }

    /** The scores before normalisation: {@code G_k - V̂(s_0^k)} (AW), {@code G_k} (RW), 0 (uniform) (a copy). */
    public double[] scores() {
        return scores.clone();
    }

    /** The normalised scores {@code Ĝ_k} in [0, 1] (a copy). */
    public double[] normalizedScores() {
        return normalized.clone();
    }

    /** The probability that a draw falls in trajectory {@code k}. */
    public double trajectoryProbability(int k) {
        return lengths[k] * transitionProbability[k];
    }

    /** The probability of drawing any one transition of trajectory {@code k}. */
    public double transitionProbabilityInTrajectory(int k) {
        return transitionProbability[k];
    }

    /** The probability of drawing global step {@code step}. */
    public double transitionProbability(int step) {
        return transitionProbability[trajectoryOfEpisode[data.episodeOfStep(step)]];
    }

    /** Weight of each episode for drawing an episode first, then a step uniformly in it. */
    double[] episodeWeights() {
        double[] w = new double[data.numEpisodes()];
        for (int e = 0; e < w.length; e++) {
            w[e] = data.episodeLength(e) * transitionProbability[trajectoryOfEpisode[e]];
        }
        return w;
    }
}
