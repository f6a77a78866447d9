package dev.quiver.ope.sequential;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.quiver.core.estimate.Estimate;
import dev.quiver.core.seed.Seeds;
import dev.quiver.data.dataset.EpisodeDataset;
import dev.quiver.data.dataset.TransitionBatch;
import dev.quiver.data.dataset.TransitionSampler;
import dev.quiver.eval.bootstrap.Intervals;
import dev.quiver.nn.net.Mlp;
import dev.quiver.nn.net.Network;
import dev.quiver.nn.net.WeightInit;
import dev.quiver.nn.optim.Adam;
import dev.quiver.nn.target.TargetNetworks;
import dev.quiver.nn.train.GradientStep;
import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Fitted Q evaluation (FQE): learn the evaluation policy's action values from the logged transitions by
 * repeated regression onto Bellman targets, {@code Q_k(s, a) ~ r + gamma (1 - terminated) sum_a' pi_e(a'|s')
 * Q_{k-1}(s', a')}, then estimate the value as the mean over episodes of {@code sum_a pi_e(a|s_0) Q(s_0, a)}.
 *
 * <p>The regression is a ReLU MLP ({@link FqeConfig#hidden()}, PyTorch's default initialisation, one output per
 * action) trained with Adam on the squared error over minibatches drawn uniformly with replacement from all
 * logged transitions ({@link TransitionSampler}); {@code Q_{k-1}} is a target network copied from the Q-network
 * every {@link FqeConfig#targetUpdateInterval()} steps, the usual deep form of the paper's iterations (as in
 * d3rlpy's and SCOPE-RL's FQE). A step that was truncated (time limit or end of collection) still bootstraps
 * from its next observation, so the model estimates the infinite-horizon discounted value; use {@code gamma < 1}
 * when episodes are cut. Randomness: {@code Seeds.of(seed).child("fqe")}: {@code child("init")} initialises the
 * network, {@code child("sampler")} draws the batches; one intra-op thread, so a fit is reproducible.
 *
 * <p>By default the interval of {@link #estimate} resamples episodes with the fitted model held fixed: it covers
 * the sampling of initial states, not the error of the fit; {@link FqeConfig#bootstrapRefits()} refits the model
 * on resampled episodes instead, as Hao et al. (2021) do, at the cost of one fit per resample.
 *
 * @see <a href="https://arxiv.org/abs/1903.08738">Le, H. M., Voloshin, C. and Yue, Y. (2019). Batch Policy
 *     Learning under Constraints. ICML. arXiv:1903.08738</a> (FQE, algorithm 3)
 * @see <a href="https://arxiv.org/abs/2102.03607">Hao, B. et al. (2021). Bootstrapping Fitted Q-Evaluation for
 *     Off-Policy Inference. ICML. arXiv:2102.03607</a>
 */
public final class FittedQEvaluation implements SequentialEstimator {
    /** The name used on the command line and in JSON. */
    public static final String NAME = "fqe";
    private final FqeConfig config;

    /** FQE with these settings. */
    public FittedQEvaluation(FqeConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /** The settings. */
    public FqeConfig config() {
        return config;
    }

    @Override
    public String name() {
        return NAME;
    }

    /**
     * Fits FQE on {@code data} with root seed {@code opeConfig.seed()} and estimates the value ({@link
     * #estimate(FqeModel, OffPolicyData, SequentialOpeConfig)}).
     */
    @Override
    public Estimate estimate(OffPolicyData data, SequentialOpeConfig opeConfig) {
        try (FqeModel model = fit(data, opeConfig.gamma(), opeConfig.seed())) {
            return estimate(model, data, opeConfig);
        }
    }

    /**
     * The FQE estimate of a {@code model} fitted on {@code data}: the mean over episodes of {@code sum_a
     * pi_e(a|s_0) Q(s_0, a)}. Without refits the interval resamples episodes with the model held fixed; with
     * {@link FqeConfig#bootstrapRefits()} {@code = B > 0} it is the percentile interval of {@code B} refits, refit
     * {@code r} on a resample of the episodes drawn from {@code Seeds.of(seed).child("fqe-bootstrap")} and fitted
     * with root seed {@code Seeds.of(seed).child("fqe-refit", r)}, each scored by its mean initial value over its
     * resample.
     */
    public Estimate estimate(FqeModel model, OffPolicyData data, SequentialOpeConfig opeConfig) {
        double[] v0 = model.initialValues(data);
        Estimate fixed = EpisodeBootstrap.estimate(v0.length, c -> EpisodeBootstrap.mean(v0, c), opeConfig, "FQE");
        int refits = config.bootstrapRefits();
        if (refits == 0) {
            return fixed;
        }
        int n = data.numEpisodes();
        UniformRandomProvider rng = Seeds.of(opeConfig.seed()).child("fqe-bootstrap").rng();
        double[] reps = new double[refits];
        int[] counts = new int[n];
        for (int r = 0; r < refits; r++) {
            java.util.Arrays.fill(counts, 0);
            for (int j = 0; j < n; j++) {
                counts[rng.nextInt(n)]++;
            }
            OffPolicyData resample = data.resample(counts);
            long refitSeed = Seeds.of(opeConfig.seed()).child("fqe-refit", r).seed();
            try (FqeModel m = fit(resample, opeConfig.gamma(), refitSeed)) {
                double[] v = m.initialValues(resample);
                double sum = 0;
                for (double x : v) {
                    sum += x;
                }
                reps[r] = sum / v.length;
            }
        }
        java.util.Arrays.sort(reps);
        double alpha = 1 - opeConfig.confidence();
        return new Estimate(fixed.point(), Intervals.quantile(reps, alpha / 2),
                Intervals.quantile(reps, 1 - alpha / 2), opeConfig.confidence(), String.format(java.util.Locale.ROOT,
                        "FQE, gamma %s; percentile bootstrap over %d episodes, %d refits", opeConfig.gamma(), n,
                        refits));
    }

    /**
     * Fits the Q-network of the evaluation policy on {@code data}.
     *
     * @param gamma the discount in [0, 1]
     * @param seed the root seed (streams under {@code child("fqe")})
     * @return the fitted model; the caller closes it
     */
    public FqeModel fit(OffPolicyData data, double gamma, long seed) {
        if (!(gamma >= 0 && gamma <= 1)) {
            throw new IllegalArgumentException("gamma must be in [0, 1], got " + gamma);
        }
        EpisodeDataset ds = data.dataset();
        int obsDim = ds.obsDim();
        int n = data.numActions();
        Seeds seeds = Seeds.of(seed).child("fqe");
        float[][] norm = standardisation(ds, config.normalizeObservations());
        Mlp spec = Mlp.of(obsDim, n, config.hidden().stream().mapToInt(Integer::intValue).toArray())
                .withHiddenInit(WeightInit.TORCH_DEFAULT, 1.0).withOutputInit(WeightInit.TORCH_DEFAULT, 1.0);
        Network q = Network.create(spec, seeds.child("init"));
        FqeModel model = new FqeModel(q, obsDim, n, norm[0], norm[1]);
        try (Network target = q.copy(); Adam adam = new Adam(Adam.Config.adam(config.learningRate()), q)) {
            train(data, gamma, seeds, model, q, target, adam);
        } catch (RuntimeException | Error e) {
            q.close();
            throw e;
        }
        return model;
    }

    private void train(OffPolicyData data, double gamma, Seeds seeds, FqeModel model, Network q, Network target,
            Adam adam) {
        EpisodeDataset ds = data.dataset();
        int obsDim = ds.obsDim();
        int n = data.numActions();
        int size = config.batchSize();
        TransitionSampler sampler = new TransitionSampler(ds, seeds.child("sampler").rng());
        TransitionBatch batch = sampler.newBatch(size);
        GradientStep step = new GradientStep(adam, q.manager(), 0);
        float[] obs = new float[size * obsDim];
        float[] next = new float[size * obsDim];
        float[] oneHot = new float[size * n];
        float[] nextProbs = new float[size * n];
        float[] notDone = new float[size];
        float[] rewards = new float[size];
        Shape obsShape = new Shape(size, obsDim);
        Shape actShape = new Shape(size, n);
        Shape col = new Shape(size, 1);
        for (int k = 0; k < config.steps(); k++) {
            sampler.sample(batch);
            java.util.Arrays.fill(oneHot, 0f);
            int[] episode = batch.episode();
            int[] stepIdx = batch.step();
            int[] actions = batch.discreteActions();
            for (int b = 0; b < size; b++) {
                model.normalise(batch.observations(), b * obsDim, obs, b * obsDim);
                model.normalise(batch.nextObservations(), b * obsDim, next, b * obsDim);
                oneHot[b * n + actions[b]] = 1f;
                int e = episode[b];
                int t = stepIdx[b] + 1;
                boolean last = t == ds.episodeLength(e);
                double[] src = last ? data.finalEvaluation : data.evaluation;
                int at = (last ? e : ds.episodeStart(e) + t) * n;
                for (int a = 0; a < n; a++) {
                    nextProbs[b * n + a] = (float) src[at + a];
                }
                notDone[b] = batch.terminated()[b] ? 0f : 1f;
                rewards[b] = (float) batch.rewards()[b];
            }
            float[] y;
            try (NDManager sub = target.manager().newSubManager()) {
                NDArray v = target.forward(sub.create(next, obsShape)).mul(sub.create(nextProbs, actShape))
                        .sum(new int[] {1}, true);
                y = sub.create(rewards, col).add(v.mul(sub.create(notDone, col)).mul((float) gamma)).toFloatArray();
            }
            double loss = step.step(sub -> {
                NDArray taken = q.forward(sub.create(obs, obsShape), true).mul(sub.create(oneHot, actShape))
                        .sum(new int[] {1}, true);
                return taken.sub(sub.create(y, col)).square().mean();
            }).loss();
            if (!Double.isFinite(loss)) {
                throw new IllegalStateException("FQE loss is " + loss + " at step " + k + "; lower the learning rate"
                        + " or gamma");
            }
            if ((k + 1) % config.targetUpdateInterval() == 0) {
                TargetNetworks.hardUpdate(target, q);
            }
        }
    }

    /** The per-dimension mean and inverse standard deviation of the logged observations (identity when off). */
    private static float[][] standardisation(EpisodeDataset ds, boolean on) {
        int d = ds.obsDim();
        float[] mean = new float[d];
        float[] scale = new float[d];
        java.util.Arrays.fill(scale, 1f);
        if (!on) {
            return new float[][] {mean, scale};
        }
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
        for (int k = 0; k < d; k++) {
            double m = sum[k] / count;
            double var = Math.max(sq[k] / count - m * m, 0);
            double sd = Math.sqrt(var);
            mean[k] = (float) m;
            // a constant dimension is centred but not scaled
            scale[k] = sd > 1e-6 ? (float) (1 / sd) : 1f;
        }
        return new float[][] {mean, scale};
    }
}
