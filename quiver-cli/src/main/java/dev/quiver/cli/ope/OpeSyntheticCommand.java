package dev.quiver.cli.ope;

import dev.quiver.cli.Json;
import dev.quiver.cli.Table;
import dev.quiver.core.error.QuiverUserException;
import dev.quiver.ope.bandit.Estimators;
import dev.quiver.ope.bandit.OffPolicyEstimator;
import dev.quiver.ope.bandit.experiment.SyntheticExperiment;
import dev.quiver.ope.bandit.policy.ScorePolicy;
import dev.quiver.ope.bandit.synthetic.RewardFunction;
import dev.quiver.ope.bandit.synthetic.SyntheticBanditConfig;
import dev.quiver.ope.model.RewardModel;
import dev.quiver.ope.model.LogisticRewardModel;
import dev.quiver.ope.model.RidgeRewardModel;
import dev.quiver.ope.model.XGBoostRewardModel;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code quiver ope synthetic}: the estimators' bias and mean squared error against a known truth on
 * simulated logs, for several sample sizes ({@link SyntheticExperiment}).
 *
 * @see <a href="https://arxiv.org/abs/2008.07146">Saito, Aihara, Matsutani and Narita (2021), Open Bandit
 *     Dataset and Pipeline, arXiv:2008.07146</a>
 */
@Command(name = "synthetic", mixinStandardHelpOptions = true,
        description = {"Bias and MSE of bandit off-policy estimators on synthetic logs with a known truth (Open Bandit"
                + " Pipeline's SyntheticBanditDataset): contexts N(0, I), OBP's reward functions, a softmax logging"
                + " policy with inverse temperature --beta, an epsilon-greedy evaluation policy on the true rewards.",
            "For each size, --replications independent logs; the truth is the policy's value over 1,000,000 fresh"
                + " contexts. --json writes {\"truth\", \"cells\": [{\"n\", \"estimator\", \"bias\", \"bias_se\","
                + " \"mse\", \"mse_se\"}]}."})
public final class OpeSyntheticCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--sizes", paramLabel = "N,N", split = ",", defaultValue = "500,1000,2000,5000,10000,20000",
            description = "Sample sizes (default: ${DEFAULT-VALUE}).")
    List<Integer> sizes;

    @Option(names = "--replications", paramLabel = "R", defaultValue = "100",
            description = "Independent logs per size (default: ${DEFAULT-VALUE}).")
    int replications;

    @Option(names = "--reward-function", paramLabel = "F", defaultValue = "logistic-polynomial",
            description = "linear, logistic, polynomial or logistic-polynomial (default: ${DEFAULT-VALUE}).")
    String rewardFunction;

    @Option(names = "--actions", paramLabel = "K", defaultValue = "10", description = "Actions (default: ${DEFAULT-VALUE}).")
    int numActions;

    @Option(names = "--dim", paramLabel = "D", defaultValue = "5",
            description = "Context dimension (default: ${DEFAULT-VALUE}).")
    int dim;

    @Option(names = "--beta", paramLabel = "B", defaultValue = "-3",
            description = "Inverse temperature of the softmax logging policy over the true rewards; negative prefers bad"
                    + " actions (default: ${DEFAULT-VALUE}, OBP's example).")
    double beta;

    @Option(names = "--epsilon", paramLabel = "EPS", defaultValue = "0.3",
            description = "The evaluation policy: epsilon-greedy on the true rewards (default: ${DEFAULT-VALUE}).")
    double epsilon;

    @Option(names = "--estimators", paramLabel = "LIST", split = ",", defaultValue = "all",
            description = "Estimators, comma-separated, or all (default: ${DEFAULT-VALUE}).")
    List<String> estimators;

    @Option(names = "--reward-model", paramLabel = "MODEL", defaultValue = "ridge",
            description = "ridge, logistic or xgboost (default: ${DEFAULT-VALUE}).")
    String rewardModel;

    @Option(names = "--features", paramLabel = "additive|interaction", defaultValue = "additive",
            description = "The reward model's features (default: ${DEFAULT-VALUE}).")
    String features;

    @Option(names = "--folds", paramLabel = "K", defaultValue = "2", description = "Cross-fitting folds (default: ${DEFAULT-VALUE}).")
    int folds;

    @Option(names = "--truth-contexts", paramLabel = "N", defaultValue = "1000000",
            description = "Fresh contexts for the true value (default: ${DEFAULT-VALUE}).")
    int truthContexts;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = "Root seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--json", paramLabel = "OUT.json", description = "Also write the results as JSON.")
    Path json;

    @Override
    public Integer call() {
        SyntheticExperiment experiment;
        try {
            SyntheticBanditConfig sim = SyntheticBanditConfig.defaults().withNumActions(numActions).withContextDim(dim)
                    .withRewardFunction(function(rewardFunction)).withBeta(beta);
            List<String> specs = OpeBanditCommand.expand(estimators);
            List<OffPolicyEstimator> chosen = new ArrayList<>();
            for (String s : specs) {
                chosen.add(Estimators.byName(s));
            }
            experiment = new SyntheticExperiment(sim, ScorePolicy.epsilonGreedy(epsilon),
                    sizes.stream().mapToInt(Integer::intValue).toArray(), replications, chosen, model(),
                    folds, truthContexts, seed);
        } catch (IllegalArgumentException e) {
            throw new QuiverUserException(e.getMessage(), e);
        }
        long start = System.nanoTime();
        SyntheticExperiment.Result result = experiment.run(done -> { });
        double seconds = (System.nanoTime() - start) / 1e9;
        print(spec.commandLine().getOut(), experiment, result, seconds);
        if (json != null) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("truth", result.truth());
            List<Object> cells = new ArrayList<>();
            for (SyntheticExperiment.Cell c : result.cells()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("n", c.n());
                m.put("estimator", c.estimator());
                m.put("bias", c.bias());
                m.put("bias_se", c.biasSe());
                m.put("mse", c.mse());
                m.put("mse_se", c.mseSe());
                cells.add(m);
            }
            doc.put("cells", cells);
            Json.writeFile(json, doc);
        }
        return 0;
    }

    private RewardModel model() {
        var f = BanditInputs.features(features);
        return switch (rewardModel.toLowerCase(Locale.ROOT)) {
            case "ridge" -> RidgeRewardModel.defaults().withFeatures(f);
            case "logistic" -> LogisticRewardModel.defaults().withFeatures(f);
            case "xgboost" -> XGBoostRewardModel.defaults().withFeatures(f).withSeed(seed);
            default -> throw new QuiverUserException("--reward-model must be ridge, logistic or xgboost; got '"
                    + rewardModel + "'");
        };
    }

    private static RewardFunction function(String name) {
        for (RewardFunction f : RewardFunction.values()) {
            if (f.cliName().equalsIgnoreCase(name)) {
                return f;
            }
        }
        throw new QuiverUserException("--reward-function must be linear, logistic, polynomial or logistic-polynomial;"
                + " got '" + name + "'");
    }

    private void print(PrintWriter out, SyntheticExperiment e, SyntheticExperiment.Result r, double seconds) {
        out.println("synthetic logs: " + e.simulator() + "; evaluation policy " + e.evaluation().name()
                + "; reward model " + e.rewardModel().name() + ", " + e.folds() + " folds; " + e.replications()
                + " replications per size");
        out.println(String.format(Locale.ROOT, "true value %.5f (%d fresh contexts)", r.truth(), e.truthContexts()));
        out.println();
        out.println("MSE x 1000 (standard error) by sample size:");
        List<String> names = new ArrayList<>();
        for (SyntheticExperiment.Cell c : r.cells()) {
            if (!names.contains(c.estimator())) {
                names.add(c.estimator());
            }
        }
        List<String> header = new ArrayList<>(List.of(">n"));
        names.forEach(n -> header.add(">" + n));
        Table mse = new Table(header.toArray(String[]::new));
        Table bias = new Table(header.toArray(String[]::new));
        for (int n : e.sizes()) {
            List<String> m = new ArrayList<>(List.of(Integer.toString(n)));
            List<String> b = new ArrayList<>(List.of(Integer.toString(n)));
            for (String name : names) {
                for (SyntheticExperiment.Cell c : r.cells()) {
                    if (c.n() == n && c.estimator().equals(name)) {
                        m.add(String.format(Locale.ROOT, "%.3f (%.3f)", 1000 * c.mse(), 1000 * c.mseSe()));
                        b.add(String.format(Locale.ROOT, "%+.4f (%.4f)", c.bias(), c.biasSe()));
                    }
                }
            }
            mse.row(m.toArray());
            bias.row(b.toArray());
        }
        mse.print(out);
        out.println();
        out.println("bias (standard error) by sample size:");
        bias.print(out);
        out.println(String.format(Locale.ROOT, "%.1f s, seed %d.", seconds, e.seed()));
        out.flush();
    }
}
