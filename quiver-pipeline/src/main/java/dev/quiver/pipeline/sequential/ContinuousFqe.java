package dev.quiver.pipeline.sequential;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.quiver.core.estimate.Estimate;
import dev.quiver.core.policy.Policy;
import dev.quiver.core.seed.Seeds;
import dev.quiver.data.dataset.EpisodeDataset;
import dev.quiver.data.dataset.TransitionBatch;
import dev.quiver.data.dataset.TransitionSampler;
import dev.quiver.eval.bootstrap.PercentileBootstrap;
import dev.quiver.nn.net.Mlp;
import dev.quiver.nn.net.Network;
import dev.quiver.nn.net.WeightInit;
import dev.quiver.nn.optim.Adam;
import dev.quiver.nn.target.TargetNetworks;
import dev.quiver.nn.train.GradientStep;
import dev.quiver.ope.sequential.FqeConfig;
import dev.quiver.pipeline.exec.TaskProgress;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * Fitted Q evaluation of a deterministic policy with continuous (bounded Box) actions: quiver-ope's {@code
 * FittedQEvaluation} is for Discrete actions, where {@code V(s') = sum_a pi(a|s') Q(s', a)}; with a deterministic
 * continuous policy {@code pi} the same iteration is {@code Q_k(s, a) ~ r + gamma (1 - terminated) Q_{k-1}(s',
 * pi(s'))}, regressed on the logged transitions, and the value is the mean over episodes of {@code Q(s_0,
 * pi(s_0))}.
 *
 * <p>The Q-network is a ReLU MLP on the standardised observation (mean and standard deviation of the logged
 * observations) concatenated with the action scaled from the action bounds to {@code [-1, 1]}, with PyTorch's
 * default initialisation and one output; Adam on the squared error over minibatches drawn uniformly with
 * replacement; the target network is a hard copy every {@link FqeConfig#targetUpdateInterval()} steps (the deep
 * form of the paper's iterations, as d3rlpy's and SCOPE-RL's continuous FQE). {@code pi(s')} is computed once for
 * every logged next observation. Like the discrete form, a truncated step bootstraps from its next observation,
 * so the model estimates the infinite-horizon discounted value; discount with {@code gamma < 1}. Randomness:
 * {@code Seeds.of(seed).child("fqe")} with {@code child("init")} and {@code child("sampler")}; the interval
 * resamples episodes with the model held fixed ({@code child("bootstrap")}), so it covers the sampling of initial
 * states, not the fitting error. Input settings that the discrete form has but this one does not use
 * ({@code bootstrapRefits}, {@code normalizeObservations} off) are ignored: observations are always standardised.
 *
 * @see <a href="https://arxiv.org/abs/1903.08738">Le, H. M., Voloshin, C. and Yue, Y. (2019). Batch Policy
 *     Learning under Constraints. ICML. arXiv:1903.08738</a> (FQE, algorithm 3)
 * @see <a href="https://arxiv.org/abs/2103.16596">Fu, J. et al. (2021). Benchmarks for Deep Off-Policy Evaluation.
 *     ICLR. arXiv:2103.16596</a> (FQE with continuous actions)
 */
public final class ContinuousFqe {
    /** Progress is reported every this many gradient steps. */
    static final int REPORT_EVERY = 100;
    private final FqeConfig config;

    /** FQE with the network and training settings of {@code config}. */
    public ContinuousFqe(FqeConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /**
     * Fits the Q-function of {@code policy} on {@code data} and estimates its value with a percentile-bootstrap
     * interval over episodes.
     *
     * @param low the action space's lower bounds
     * @param high the action space's upper bounds
     * @param gamma the discount in [0, 1]
     * @param reps bootstrap resamples of the episodes' initial values
     * @param confidence the nominal coverage
     * @param seed the root seed
     * @param progress receives the gradient steps done
     */
    public Estimate estimate(EpisodeDataset data, Policy<float[], float[]> policy, double[] low, double[] high,
            double gamma, int reps, double confidence, long seed, TaskProgress progress) {
        double[] v0 = initialValues(data, policy, low, high, gamma, seed, progress);
        Estimate e = PercentileBootstrap.mean(v0, confidence, reps, Seeds.of(seed).child("bootstrap").rng());
        return new Estimate(e.point(), e.low(), e.high(), confidence, String.format(Locale.ROOT,
                "FQE (continuous actions), gamma %s; percentile bootstrap over %d episodes, model fixed, %d reps",
                gamma, v0.length, reps));
    }

    /**
     * Fits the Q-function and returns {@code Q(s_0, pi(s_0))} for every episode's initial observation.
     *
     * @throws IllegalArgumentException if the data have discrete actions or the bounds do not fit
     * @throws IllegalStateException if the loss becomes non-finite
     */
    public double[] initialValues(EpisodeDataset data, Policy<float[], float[]> policy, double[] low, double[] high,
            double gamma, long seed, TaskProgress progress) {
        if (data.discrete()) {
            throw new IllegalArgumentException("ContinuousFqe needs continuous actions; use FittedQEvaluation");
        }
        int obsDim = data.obsDim();
        int actDim = data.actDim();
        if (low.length != actDim || high.length != actDim) {
            throw new IllegalArgumentException("bounds have " + low.length + "/" + high.length + " values, actions "
                    + actDim);
        }
        if (!(gamma >= 0 && gamma <= 1)) {
            throw new IllegalArgumentException("gamma must be in [0, 1], got " + gamma);
        }
        Seeds seeds = Seeds.of(seed).child("fqe");
        float[][] norm = standardisation(data);
        float[] nextActions = new float[data.numSteps() * actDim];
        float[] obs = new float[obsDim];
        for (int i = 0; i < data.numEpisodes(); i++) {
            int start = data.episodeStart(i);
            for (int t = 0; t < data.episodeLength(i); t++) {
                data.nextObservation(i, t, obs);
                unit(policy.act(obs.clone()), low, high, nextActions, (start + t) * actDim);
            }
        }
        int in = obsDim + actDim;
        Mlp spec = Mlp.of(in, 1, config.hidden().stream().mapToInt(Integer::intValue).toArray())
                .withHiddenInit(WeightInit.TORCH_DEFAULT, 1.0).withOutputInit(WeightInit.TORCH_DEFAULT, 1.0);
        try (Network q = Network.create(spec, seeds.child("init")); Network target = q.copy();
                Adam adam = new Adam(Adam.Config.adam(config.learningRate()), q)) {
            train(data, gamma, seeds, norm, nextActions, low, high, q, target, adam, progress);
            int n = data.numEpisodes();
            float[] x = new float[n * in];
            for (int i = 0; i < n; i++) {
                data.observation(i, 0, obs);
                normalise(obs, 0, norm, x, i * in);
                unit(policy.act(obs.clone()), low, high, x, i * in + obsDim);
            }
            float[] v;
            try (NDManager sub = q.manager().newSubManager()) {
                v = q.forward(sub.create(x, new Shape(n, in))).toFloatArray();
            }
            double[] out = new double[n];
            for (int i = 0; i < n; i++) {
                out[i] = v[i];
            }
            return out;
        }
    }

    private void train(EpisodeDataset ds, double gamma, Seeds seeds, float[][] norm, float[] nextActions,
            double[] low, double[] high, Network q, Network target, Adam adam, TaskProgress progress) {
        int obsDim = ds.obsDim();
        int actDim = ds.actDim();
        int in = obsDim + actDim;
        int size = config.batchSize();
        TransitionSampler sampler = new TransitionSampler(ds, seeds.child("sampler").rng());
        TransitionBatch batch = sampler.newBatch(size);
        GradientStep step = new GradientStep(adam, q.manager(), 0);
        float[] x = new float[size * in];
        float[] next = new float[size * in];
        float[] notDone = new float[size];
        float[] rewards = new float[size];
        Shape inShape = new Shape(size, in);
        Shape col = new Shape(size, 1);
        for (int k = 0; k < config.steps(); k++) {
            sampler.sample(batch);
            int[] episode = batch.episode();
            int[] stepIdx = batch.step();
            float[] acts = batch.actions();
            for (int b = 0; b < size; b++) {
                normalise(batch.observations(), b * obsDim, norm, x, b * in);
                for (int j = 0; j < actDim; j++) {
                    x[b * in + obsDim + j] = (float) (2 * (acts[b * actDim + j] - low[j]) / (high[j] - low[j]) - 1);
                }
                normaliseFrom(batch.nextObservations(), b * obsDim, obsDim, norm, next, b * in);
                int g = ds.episodeStart(episode[b]) + stepIdx[b];
                System.arraycopy(nextActions, g * actDim, next, b * in + obsDim, actDim);
                notDone[b] = batch.terminated()[b] ? 0f : 1f;
                rewards[b] = (float) batch.rewards()[b];
            }
            float[] y;
            try (NDManager sub = target.manager().newSubManager()) {
                NDArray v = target.forward(sub.create(next, inShape));
                y = sub.create(rewards, col).add(v.mul(sub.create(notDone, col)).mul((float) gamma)).toFloatArray();
            }
            double loss = step.step(sub -> q.forward(sub.create(x, inShape), true).sub(sub.create(y, col)).square()
                    .mean()).loss();
            if (!Double.isFinite(loss)) {
                throw new IllegalStateException("continuous FQE loss is " + loss + " at step " + k
                        + "; lower the learning rate or gamma");
            }
            if ((k + 1) % config.targetUpdateInterval() == 0) {
                TargetNetworks.hardUpdate(target, q);
            }
            if ((k + 1) % REPORT_EVERY == 0) {
                progress.advance(REPORT_EVERY);
            }
        }
        progress.advance(config.steps() % REPORT_EVERY);
    }

    private static void normalise(float[] src, int from, float[][] norm, float[] dst, int to) {
        normaliseFrom(src, from, norm[0].length, norm, dst, to);
    }

    private static void normaliseFrom(float[] src, int from, int dim, float[][] norm, float[] dst, int to) {
        for (int j = 0; j < dim; j++) {
            dst[to + j] = (src[from + j] - norm[0][j]) * norm[1][j];
        }
    }

    private static void unit(float[] a, double[] low, double[] high, float[] dst, int to) {
        for (int j = 0; j < low.length; j++) {
            double v = Math.max(low[j], Math.min(high[j], a[j]));
            dst[to + j] = (float) (2 * (v - low[j]) / (high[j] - low[j]) - 1);
        }
    }

    /** Per-dimension mean and inverse standard deviation of the logged observations (constant dims: scale 1). */
    private static float[][] standardisation(EpisodeDataset ds) {
        int d = ds.obsDim();
        double[] sum = new double[d];
        double[] sq = new double[d];
        float[] obs = new float[d];
        long count = 0;
        for (int i = 0; i < ds.numEpisodes(); i++) {
            for (int t = 0; t < ds.episodeLength(i); t++) {
                ds.observation(i, t, obs);
                for (int k = 0; k < d; k++) {
                    sum[k] += obs[k];
                    sq[k] += (double) obs[k] * obs[k];
                }
                count++;
            }
        }
        float[] mean = new float[d];
        float[] scale = new float[d];
        Arrays.fill(scale, 1f);
        for (int k = 0; k < d; k++) {
            double m = sum[k] / count;
            double sd = Math.sqrt(Math.max(sq[k] / count - m * m, 0));
            mean[k] = (float) m;
            scale[k] = sd > 1e-6 ? (float) (1 / sd) : 1f;
        }
        return new float[][] {mean, scale};
    }
}
