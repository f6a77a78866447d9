package dev.quiver.cli.ope;

import dev.quiver.cli.Format;
import dev.quiver.cli.Json;
import dev.quiver.cli.Table;
import dev.quiver.core.error.QuiverUserException;
import dev.quiver.core.estimate.Estimate;
import dev.quiver.core.policy.DiscreteStochasticPolicy;
import dev.quiver.data.dataset.EpisodeDataset;
import dev.quiver.data.io.D4rlReader;
import dev.quiver.data.io.MinariReader;
import dev.quiver.nn.checkpoint.CheckpointReader;
import dev.quiver.ope.sequential.DoublyRobust;
import dev.quiver.ope.sequential.EpsilonGreedyPolicy;
import dev.quiver.ope.sequential.FittedQEvaluation;
import dev.quiver.ope.sequential.FqeConfig;
import dev.quiver.ope.sequential.FqeModel;
import dev.quiver.ope.sequential.OffPolicyData;
import dev.quiver.ope.sequential.PerDecisionImportanceSampling;
import dev.quiver.ope.sequential.SequentialOpeConfig;
import dev.quiver.ope.sequential.WeightedPerDecisionImportanceSampling;
import dev.quiver.rl.Algorithms;
import dev.quiver.rl.agent.TrainedDiscretePolicy;
import dev.quiver.rl.agent.TrainedPolicy;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code quiver ope rl}: estimates the value of a trained policy (optionally epsilon-greedy) from episodes another
 * policy logged, with per-decision importance sampling, its weighted form, per-decision doubly robust and fitted Q
 * evaluation, each with a percentile-bootstrap interval over episodes.
 *
 * @see <a href="https://arxiv.org/abs/1511.03722">Jiang and Li (2016), Doubly Robust Off-policy Value Evaluation
 *     for Reinforcement Learning, arXiv:1511.03722</a>
 * @see <a href="https://arxiv.org/abs/1604.00923">Thomas and Brunskill (2016), Data-Efficient Off-Policy Policy
 *     Evaluation for Reinforcement Learning, arXiv:1604.00923</a>
 * @see <a href="https://arxiv.org/abs/1903.08738">Le, Voloshin and Yue (2019), Batch Policy Learning under
 *     Constraints, arXiv:1903.08738</a>
 */
@Command(name = "rl", mixinStandardHelpOptions = true,
        description = {"Off-policy evaluation of a policy from logged episodes (discrete actions): estimate the"
                + " evaluation policy's value E[sum_t gamma^t r_t] with per-decision importance sampling (pdis), its"
                + " self-normalised form (wis), per-decision doubly robust with the FQE model (dr, and weighted: wdr)"
                + " and fitted Q evaluation (fqe), each with a 95%% percentile-bootstrap interval over episodes.",
            "The evaluation policy is --policy's greedy action mixed with uniform actions at rate --epsilon. The"
                + " behaviour policy that logged the data is --behaviour's greedy action mixed at rate"
                + " --behaviour-epsilon (as 'quiver data collect --policy CHECKPOINT --epsilon E' records), or"
                + " 'uniform'.",
            "FQE's interval keeps the fitted model fixed (it covers the sampling of start states only) unless"
                + " --fqe-refits N refits it on N resamples."})
public final class OpeRlCommand implements Callable<Integer> {
    /** The estimators, in output order. */
    static final List<String> ESTIMATORS = List.of(PerDecisionImportanceSampling.NAME,
            WeightedPerDecisionImportanceSampling.NAME, DoublyRobust.NAME, DoublyRobust.WEIGHTED_NAME,
            FittedQEvaluation.NAME);

    @Spec
    CommandSpec spec;

    @Option(names = "--dataset", paramLabel = "PATH", required = true,
            description = "The logged episodes: a Minari dataset directory or a D4RL .hdf5 file.")
    Path dataset;

    @Option(names = "--policy", paramLabel = "CHECKPOINT", required = true,
            description = "The evaluation policy: a checkpoint directory written by 'quiver train' (a run's seed-S"
                    + " folder works too).")
    Path policy;

    @Option(names = "--epsilon", paramLabel = "E", defaultValue = "0",
            description = "The evaluation policy's rate of uniformly random actions, in [0, 1] (default:"
                    + " ${DEFAULT-VALUE}).")
    double epsilon;

    @Option(names = "--behaviour", paramLabel = "CHECKPOINT|uniform", required = true,
            description = "The policy that logged the data: a checkpoint directory, or 'uniform' for uniformly random"
                    + " actions.")
    String behaviour;

    @Option(names = "--behaviour-epsilon", paramLabel = "E", defaultValue = "0",
            description = "The behaviour policy's rate of uniformly random actions, in [0, 1] (default:"
                    + " ${DEFAULT-VALUE}; must be positive wherever the evaluation policy can differ from it).")
    double behaviourEpsilon;

    @Option(names = "--estimators", paramLabel = "LIST", defaultValue = "pdis,wis,dr,fqe", split = ",",
            description = "Comma-separated estimators among pdis, wis, dr, wdr, fqe (default: ${DEFAULT-VALUE}).")
    List<String> estimators;

    @Option(names = "--gamma", paramLabel = "G", defaultValue = "0.99",
            description = "The discount in [0, 1] (default: ${DEFAULT-VALUE}; FQE bootstraps through time limits, so"
                    + " keep it below 1 when episodes are truncated).")
    double gamma;

    @Option(names = "--bootstrap", paramLabel = "N", defaultValue = "2000",
            description = "Bootstrap resamples of the episodes (default: ${DEFAULT-VALUE}).")
    int bootstrap;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0",
            description = "Root seed of the bootstrap resamples and of FQE's initialisation and batches (default:"
                    + " ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--fqe-steps", paramLabel = "N",
            description = "FQE gradient steps (default: FqeConfig's, 5000).")
    Integer fqeSteps;

    @Option(names = "--fqe-refits", paramLabel = "N", defaultValue = "0",
            description = "Refit FQE on N bootstrap resamples for its interval (default: ${DEFAULT-VALUE}: model held"
                    + " fixed).")
    int fqeRefits;

    @Option(names = "--json", paramLabel = "OUT",
            description = "Also write {\"pdis\": {\"value\", \"low\", \"high\", ...}, ...} to OUT (atomically).")
    Path json;

    @Override
    public Integer call() {
        Set<String> chosen = parseEstimators(estimators);
        checkRate(epsilon, "--epsilon");
        checkRate(behaviourEpsilon, "--behaviour-epsilon");
        checkRate(gamma, "--gamma");
        if (bootstrap < 1) {
            throw new QuiverUserException("--bootstrap must be at least 1, got " + bootstrap);
        }
        if (fqeSteps != null && fqeSteps < 1) {
            throw new QuiverUserException("--fqe-steps must be at least 1, got " + fqeSteps);
        }
        if (fqeRefits < 0) {
            throw new QuiverUserException("--fqe-refits must be at least 0, got " + fqeRefits);
        }
        SequentialOpeConfig config = new SequentialOpeConfig(gamma, bootstrap, 0.95, seed);
        FqeConfig fqeConfig = FqeConfig.defaults().withBootstrapRefits(fqeRefits);
        if (fqeSteps != null) {
            fqeConfig = fqeConfig.withSteps(fqeSteps);
        }
        Path evalDir = checkpointDir(policy, "--policy");
        boolean uniform = behaviour.trim().equalsIgnoreCase("uniform");
        Path behaviourDir = uniform ? null : checkpointDir(Path.of(behaviour), "--behaviour");
        Map<String, Estimate> results;
        PrintWriter out = spec.commandLine().getOut();
        try (TrainedDiscretePolicy evaluation = discrete(Algorithms.load(evalDir), evalDir, "--policy");
                TrainedDiscretePolicy logged = uniform ? null
                        : discrete(Algorithms.load(behaviourDir), behaviourDir, "--behaviour")) {
            int n = evaluation.numActions();
            if (logged != null && logged.numActions() != n) {
                throw new QuiverUserException("--behaviour " + behaviourDir + " has " + logged.numActions()
                        + " actions but --policy " + evalDir + " has " + n);
            }
            EpisodeDataset data = read(dataset, n);
            checkObservations(evaluation, data, evalDir, "--policy");
            if (logged != null) {
                checkObservations(logged, data, behaviourDir, "--behaviour");
            }
            DiscreteStochasticPolicy<float[]> pe = EpsilonGreedyPolicy.of(evaluation, n, epsilon);
            DiscreteStochasticPolicy<float[]> pb = uniform ? EpsilonGreedyPolicy.of(o -> 0, n, 1.0)
                    : EpsilonGreedyPolicy.of(logged, n, behaviourEpsilon);
            OffPolicyData opd = OffPolicyData.of(data, pe, pb);
            out.println(dataset + ": " + data.numEpisodes() + " episodes, " + data.numSteps() + " steps; evaluation: "
                    + describe(evalDir, epsilon) + "; behaviour: " + (uniform ? "uniform" : describe(behaviourDir,
                            behaviourEpsilon)) + "; gamma " + Format.trimmed(gamma));
            results = estimate(opd, chosen, config, fqeConfig);
            Table t = new Table("estimator", ">value", ">95% interval");
            for (Map.Entry<String, Estimate> e : results.entrySet()) {
                t.row(e.getKey(), Format.num(e.getValue().point()), Format.interval(e.getValue()));
            }
            t.print(out);
            out.println("logged episodes' mean discounted return (the behaviour policy's on-policy value): "
                    + Format.num(opd.behaviourReturnMean(gamma)));
            out.flush();
        }
        if (json != null) {
            Map<String, Object> doc = new LinkedHashMap<>();
            for (Map.Entry<String, Estimate> e : results.entrySet()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("value", e.getValue().point());
                m.put("low", e.getValue().low());
                m.put("high", e.getValue().high());
                m.put("confidence", e.getValue().confidence());
                m.put("method", e.getValue().method());
                doc.put(e.getKey(), m);
            }
            Json.writeFile(json, doc);
        }
        return 0;
    }

    /** Runs the chosen estimators, in {@link #ESTIMATORS} order; FQE is fitted once and serves dr and wdr too. */
    static Map<String, Estimate> estimate(OffPolicyData data, Set<String> chosen, SequentialOpeConfig config,
            FqeConfig fqeConfig) {
        Map<String, Estimate> out = new LinkedHashMap<>();
        if (chosen.contains(PerDecisionImportanceSampling.NAME)) {
            out.put(PerDecisionImportanceSampling.NAME, new PerDecisionImportanceSampling().estimate(data, config));
        }
        if (chosen.contains(WeightedPerDecisionImportanceSampling.NAME)) {
            out.put(WeightedPerDecisionImportanceSampling.NAME,
                    new WeightedPerDecisionImportanceSampling().estimate(data, config));
        }
        boolean dr = chosen.contains(DoublyRobust.NAME) || chosen.contains(DoublyRobust.WEIGHTED_NAME);
        if (!dr && !chosen.contains(FittedQEvaluation.NAME)) {
            return out;
        }
        FittedQEvaluation fqe = new FittedQEvaluation(fqeConfig);
        try (FqeModel model = fqe.fit(data, config.gamma(), config.seed())) {
            if (chosen.contains(DoublyRobust.NAME)) {
                out.put(DoublyRobust.NAME, DoublyRobust.of(model).estimate(data, config));
            }
            if (chosen.contains(DoublyRobust.WEIGHTED_NAME)) {
                out.put(DoublyRobust.WEIGHTED_NAME, DoublyRobust.weighted(model).estimate(data, config));
            }
            if (chosen.contains(FittedQEvaluation.NAME)) {
                out.put(FittedQEvaluation.NAME, fqe.estimate(model, data, config));
            }
        }
        return out;
    }

    /** The estimator names of {@code --estimators}, validated, in {@link #ESTIMATORS} order. */
    static Set<String> parseEstimators(List<String> names) {
        Set<String> given = new LinkedHashSet<>();
        for (String s : names) {
            String k = s.trim().toLowerCase(Locale.ROOT);
            if (k.isEmpty()) {
                continue;
            }
            if (!ESTIMATORS.contains(k)) {
                throw new QuiverUserException("--estimators: unknown estimator '" + s.trim() + "'; allowed: "
                        + String.join(", ", ESTIMATORS));
            }
            given.add(k);
        }
        if (given.isEmpty()) {
            throw new QuiverUserException("--estimators: give at least one of " + String.join(", ", ESTIMATORS));
        }
        Set<String> ordered = new LinkedHashSet<>();
        for (String k : ESTIMATORS) {
            if (given.contains(k)) {
                ordered.add(k);
            }
        }
        return ordered;
    }

    private static void checkRate(double e, String flag) {
        if (!(e >= 0 && e <= 1)) {
            throw new QuiverUserException(flag + " must be in [0, 1], got " + e);
        }
    }

    /** A checkpoint directory, or a run's seed folder holding one in {@code checkpoint/}. */
    static Path checkpointDir(Path p, String flag) {
        Path dir = p;
        if (!Files.exists(dir.resolve("manifest.json")) && Files.isDirectory(dir.resolve("checkpoint"))) {
            dir = dir.resolve("checkpoint");
        }
        if (!Files.isDirectory(dir)) {
            throw new QuiverUserException(flag + " " + p + ": no such checkpoint directory");
        }
        return dir;
    }

    private static TrainedDiscretePolicy discrete(TrainedPolicy<?> loaded, Path dir, String flag) {
        if (loaded instanceof TrainedDiscretePolicy d) {
            return d;
        }
        try {
            loaded.close();
        } catch (Exception e) {
            // closing a policy we refuse; the refusal below is what matters
        }
        throw new QuiverUserException(flag + " " + dir + ": the policy has continuous actions; off-policy evaluation"
                + " here needs discrete actions");
    }

    private static void checkObservations(TrainedDiscretePolicy p, EpisodeDataset data, Path dir, String flag) {
        if (p.observationSize() != data.obsDim()) {
            throw new QuiverUserException(flag + " " + dir + " (trained on '" + p.envId() + "') reads observations of "
                    + p.observationSize() + " values, but the dataset's have " + data.obsDim());
        }
    }

    /** The dataset at {@code --dataset}: a Minari directory, or a D4RL file with {@code numActions} actions. */
    static EpisodeDataset read(Path path, int numActions) {
        if (Files.isDirectory(path)) {
            return MinariReader.read(path);
        }
        if (!Files.isRegularFile(path)) {
            throw new QuiverUserException("--dataset " + path + ": no such file or directory (give a Minari dataset"
                    + " directory or a D4RL .hdf5 file)");
        }
        return D4rlReader.readDiscrete(path, numActions);
    }

    private static String describe(Path dir, double e) {
        String algorithm = CheckpointReader.summary(dir).algorithm();
        return algorithm + " checkpoint " + dir + (e > 0 ? " with epsilon " + Format.trimmed(e) : " (greedy)");
    }
}
