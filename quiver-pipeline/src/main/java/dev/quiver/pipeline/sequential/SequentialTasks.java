package dev.quiver.pipeline.sequential;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.quiver.core.env.Env;
import dev.quiver.core.env.Step;
import dev.quiver.core.error.QuiverUserException;
import dev.quiver.core.estimate.Estimate;
import dev.quiver.core.policy.DiscreteStochasticPolicy;
import dev.quiver.core.policy.Policy;
import dev.quiver.core.registry.Envs;
import dev.quiver.core.seed.Seeds;
import dev.quiver.core.space.Box;
import dev.quiver.core.space.Discrete;
import dev.quiver.data.dataset.EpisodeDataset;
import dev.quiver.data.io.MinariReader;
import dev.quiver.data.sampling.SamplingConfig;
import dev.quiver.data.sampling.SamplingScheme;
import dev.quiver.ope.sequential.DoublyRobust;
import dev.quiver.ope.sequential.EpsilonGreedyPolicy;
import dev.quiver.ope.sequential.FittedQEvaluation;
import dev.quiver.ope.sequential.FqeConfig;
import dev.quiver.ope.sequential.FqeModel;
import dev.quiver.ope.sequential.OffPolicyData;
import dev.quiver.ope.sequential.PerDecisionImportanceSampling;
import dev.quiver.ope.sequential.SequentialOpeConfig;
import dev.quiver.ope.sequential.WeightedPerDecisionImportanceSampling;
import dev.quiver.pipeline.exec.TaskHandlers;
import dev.quiver.pipeline.exec.TaskProgress;
import dev.quiver.pipeline.io.CsvFile;
import dev.quiver.pipeline.io.JsonValues;
import dev.quiver.rl.Algorithms;
import dev.quiver.rl.agent.TrainedDiscretePolicy;
import dev.quiver.rl.agent.TrainedPolicy;
import dev.quiver.rl.agent.TrainingCallback;
import dev.quiver.rl.offline.BatchSource;
import dev.quiver.rl.offline.DatasetChecks;
import dev.quiver.rl.offline.OfflineLearner;
import dev.quiver.rl.offline.OfflineLearnerConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The work units of a sequential study, each a pure function of its JSON parameters so that it can run in a
 * worker JVM ({@link dev.quiver.pipeline.exec.TaskPool}):
 * <ul>
 *   <li>{@value #TRAIN}: trains one offline candidate with one seed on the training logs and saves its
 *       checkpoint and a CSV of its training metrics;</li>
 *   <li>{@value #OPE}: evaluates one trained policy off-policy on the evaluation logs (PDIS, WIS, DR, WDR and
 *       FQE for Discrete actions; {@link ContinuousFqe} for Box actions);</li>
 *   <li>{@value #ROLLOUTS}: plays a trained policy or the behaviour policy online for a number of episodes and
 *       returns their returns, discounted returns, lengths and (optionally) initial observations.</li>
 * </ul>
 */
public final class SequentialTasks {
    /** Handler name: train a candidate. */
    public static final String TRAIN = "train";
    /** Handler name: off-policy estimates of a policy. */
    public static final String OPE = "ope";
    /** Handler name: online episodes of a policy. */
    public static final String ROLLOUTS = "rollouts";
    private static boolean registered;

    private SequentialTasks() {
    }

    /** Registers the handlers with {@link TaskHandlers} (idempotent). */
    public static synchronized void registerAll() {
        if (registered) {
            return;
        }
        registered = true;
        TaskHandlers.register(TRAIN, SequentialTasks::train);
        TaskHandlers.register(OPE, SequentialTasks::ope);
        TaskHandlers.register(ROLLOUTS, SequentialTasks::rollouts);
    }

    // ------------------------------------------------------------------ train

    @SuppressWarnings("unchecked")
    private static <A> JsonObject train(JsonObject p, TaskProgress progress) {
        String envId = p.get("env").getAsString();
        String algorithm = p.get("algorithm").getAsString();
        Path dataset = Path.of(p.get("dataset").getAsString());
        Path out = Path.of(p.get("out").getAsString());
        long steps = p.get("steps").getAsLong();
        long seed = p.get("seed").getAsLong();
        SamplingConfig sampling = new SamplingConfig(SamplingScheme.parse(p.get("sampling").getAsString()),
                p.get("temperature").getAsDouble());
        Map<String, Object> config = JsonValues.toMap(p.getAsJsonObject("config"));
        EpisodeDataset data = MinariReader.read(dataset);
        long t0 = System.nanoTime();
        List<Map<String, Double>> rows = new ArrayList<>();
        List<Long> rowSteps = new ArrayList<>();
        long[] reported = {0};
        JsonObject result = new JsonObject();
        try (Env<float[], A> env = Envs.make(envId)) {
            OfflineLearnerConfig cfg = Algorithms.offline(algorithm).config().apply(config, "candidate " + algorithm);
            OfflineLearner<A> learner = cfg.build(env.spec());
            DatasetChecks.requireCompatible(algorithm.toUpperCase(Locale.ROOT), dataset.toString(), data, env.spec());
            TrainingCallback cb = (step, metrics) -> {
                rows.add(new LinkedHashMap<>(metrics));
                rowSteps.add(step + 1);
                progress.advance(step + 1 - reported[0]);
                reported[0] = step + 1;
            };
            try (TrainedPolicy<A> policy = learner.fit(data, BatchSource.of(sampling), steps, seed, cb)) {
                policy.save(out.resolve("checkpoint"));
            }
        }
        progress.advance(steps - reported[0]);
        TreeSet<String> names = new TreeSet<>();
        rows.forEach(r -> names.addAll(r.keySet()));
        List<String> header = new ArrayList<>();
        header.add("step");
        header.addAll(names);
        CsvFile csv = new CsvFile(header.toArray(String[]::new));
        for (int i = 0; i < rows.size(); i++) {
            Object[] v = new Object[header.size()];
            v[0] = rowSteps.get(i);
            int k = 1;
            for (String n : names) {
                v[k++] = rows.get(i).getOrDefault(n, Double.NaN);
            }
            csv.row(v);
        }
        csv.write(out.resolve("metrics.csv"));
        JsonObject last = new JsonObject();
        if (!rows.isEmpty()) {
            rows.get(rows.size() - 1).forEach(last::addProperty);
        }
        result.add("final_metrics", last);
        result.addProperty("wall_seconds", (System.nanoTime() - t0) / 1e9);
        return result;
    }

    // ------------------------------------------------------------------ ope

    @SuppressWarnings("unchecked")
    private static JsonObject ope(JsonObject p, TaskProgress progress) {
        String envId = p.get("env").getAsString();
        Path checkpoint = Path.of(p.get("checkpoint").getAsString());
        EpisodeDataset data = MinariReader.read(Path.of(p.get("dataset").getAsString()));
        double gamma = p.get("gamma").getAsDouble();
        int reps = p.get("bootstrap").getAsInt();
        double confidence = p.get("confidence").getAsDouble();
        long seed = p.get("seed").getAsLong();
        FqeConfig fqeConfig = fqeConfig(p.getAsJsonObject("fqe"));
        List<String> estimators = new ArrayList<>();
        p.getAsJsonArray("estimators").forEach(e -> estimators.add(e.getAsString()));
        long t0 = System.nanoTime();
        Map<String, Estimate> out = new LinkedHashMap<>();
        try (Env<float[], Object> env = Envs.make(envId); TrainedPolicy<?> policy = Algorithms.load(checkpoint)) {
            if ((Object) env.actionSpace() instanceof Discrete space) {
                TrainedDiscretePolicy pe = (TrainedDiscretePolicy) policy;
                DiscreteStochasticPolicy<float[]> eval = EpsilonGreedyPolicy.of(pe, space.n(), 0.0);
                OffPolicyData opd;
                if (p.has("behaviour")) {
                    BehaviourPolicy b = behaviour(p.getAsJsonObject("behaviour"));
                    opd = OffPolicyData.of(data, eval, b.probabilities(space));
                } else {
                    // unknown behaviour: only FQE runs (the parser allows nothing else); FQE never reads propensities
                    double[] ones = new double[data.numSteps()];
                    Arrays.fill(ones, 1.0);
                    opd = OffPolicyData.of(data, eval, ones);
                }
                SequentialOpeConfig config = new SequentialOpeConfig(gamma, reps, confidence, seed);
                if (estimators.contains("pdis")) {
                    out.put("pdis", new PerDecisionImportanceSampling().estimate(opd, config));
                }
                if (estimators.contains("wis")) {
                    out.put("wis", new WeightedPerDecisionImportanceSampling().estimate(opd, config));
                }
                if (estimators.contains("fqe") || estimators.contains("dr") || estimators.contains("wdr")) {
                    FittedQEvaluation fqe = new FittedQEvaluation(fqeConfig);
                    try (FqeModel model = fqe.fit(opd, gamma, seed)) {
                        progress.advance(fqeConfig.steps());
                        if (estimators.contains("fqe")) {
                            out.put("fqe", fqe.estimate(model, opd, config));
                        }
                        if (estimators.contains("dr")) {
                            out.put("dr", DoublyRobust.of(model).estimate(opd, config));
                        }
                        if (estimators.contains("wdr")) {
                            out.put("wdr", DoublyRobust.weighted(model).estimate(opd, config));
                        }
                    }
                }
            } else if ((Object) env.actionSpace() instanceof Box<?> box) {
                Policy<float[], float[]> pc = (Policy<float[], float[]>) (Policy<?, ?>) policy;
                out.put("fqe", new ContinuousFqe(fqeConfig).estimate(data, pc, box.lows(), box.highs(), gamma, reps,
                        confidence, seed, progress));
            } else {
                throw new QuiverUserException(envId + ": action space " + env.actionSpace() + " is neither Discrete"
                        + " nor Box");
            }
        }
        JsonObject result = new JsonObject();
        JsonObject est = new JsonObject();
        out.forEach((k, v) -> est.add(k, JsonValues.estimate(v)));
        result.add("estimates", est);
        result.addProperty("wall_seconds", (System.nanoTime() - t0) / 1e9);
        return result;
    }

    private static FqeConfig fqeConfig(JsonObject f) {
        List<Integer> hidden = new ArrayList<>();
        f.getAsJsonArray("hidden").forEach(h -> hidden.add(h.getAsInt()));
        return FqeConfig.defaults().withSteps(f.get("steps").getAsInt()).withHidden(hidden)
                .withLearningRate(f.get("learning_rate").getAsDouble()).withBatchSize(f.get("batch_size").getAsInt())
                .withTargetUpdateInterval(f.get("target_update_interval").getAsInt());
    }

    /** The behaviour policy written by {@link BehaviourPolicy#toMap()}. */
    static BehaviourPolicy behaviour(JsonObject b) {
        return new BehaviourPolicy(b.get("kind").getAsString(), b.get("env").getAsString(),
                b.get("epsilon").getAsDouble());
    }

    // ------------------------------------------------------------------ rollouts

    @SuppressWarnings("unchecked")
    private static JsonObject rollouts(JsonObject p, TaskProgress progress) {
        String envId = p.get("env").getAsString();
        int episodes = p.get("episodes").getAsInt();
        long seedBase = p.get("seed").getAsLong();
        double gamma = p.get("gamma").getAsDouble();
        boolean initial = p.has("initial_observations") && p.get("initial_observations").getAsBoolean();
        double[] returns = new double[episodes];
        double[] discounted = new double[episodes];
        int[] lengths = new int[episodes];
        JsonArray starts = new JsonArray();
        long t0 = System.nanoTime();
        try (Env<float[], Object> env = Envs.make(envId)) {
            TrainedPolicy<?> loaded = null;
            Policy<float[], Object> policy;
            if (p.has("checkpoint")) {
                loaded = Algorithms.load(Path.of(p.get("checkpoint").getAsString()));
                String bad = loaded.incompatibility(env.spec());
                if (bad != null) {
                    loaded.close();
                    throw new QuiverUserException("checkpoint " + p.get("checkpoint").getAsString() + ": " + bad);
                }
                policy = (Policy<float[], Object>) (Policy<?, ?>) loaded;
            } else {
                BehaviourPolicy b = behaviour(p.getAsJsonObject("behaviour"));
                policy = b.acting(env.actionSpace(), Seeds.of(p.get("behaviour_seed").getAsLong()).rng());
            }
            try {
                for (int i = 0; i < episodes; i++) {
                    float[] obs = env.reset(seedBase + i).observation();
                    if (initial) {
                        starts.add(JsonValues.array(obs));
                    }
                    double ret = 0;
                    double disc = 0;
                    double g = 1;
                    int len = 0;
                    while (true) {
                        Step<float[]> s = env.step(policy.act(obs));
                        ret += s.reward();
                        disc += g * s.reward();
                        g *= gamma;
                        len++;
                        if (s.terminated() || s.truncated()) {
                            break;
                        }
                        obs = s.observation();
                    }
                    returns[i] = ret;
                    discounted[i] = disc;
                    lengths[i] = len;
                    progress.advance(1);
                }
            } finally {
                if (loaded != null) {
                    loaded.close();
                }
            }
        }
        JsonObject result = new JsonObject();
        result.add("returns", JsonValues.array(returns));
        result.add("discounted_returns", JsonValues.array(discounted));
        result.add("lengths", JsonValues.array(lengths));
        if (initial) {
            result.add("initial_observations", starts);
        }
        result.addProperty("wall_seconds", (System.nanoTime() - t0) / 1e9);
        return result;
    }

    /** A JSON element's string list. */
    static List<String> strings(JsonElement e) {
        List<String> out = new ArrayList<>();
        e.getAsJsonArray().forEach(x -> out.add(x.getAsString()));
        return out;
    }
}
