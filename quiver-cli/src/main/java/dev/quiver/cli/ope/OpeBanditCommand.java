package dev.quiver.cli.ope;

import dev.quiver.cli.Json;
import dev.quiver.cli.Table;
import dev.quiver.core.error.QuiverUserException;
import dev.quiver.core.estimate.Estimate;
import dev.quiver.ope.bandit.BootstrapSettings;
import dev.quiver.ope.bandit.Estimators;
import dev.quiver.ope.bandit.OffPolicyEstimator;
import dev.quiver.ope.bandit.OnPolicyComparison;
import dev.quiver.ope.bandit.RowTerms;
import dev.quiver.ope.bandit.data.LoggedBanditData;
import dev.quiver.ope.bandit.policy.ActionDistribution;
import dev.quiver.ope.model.CrossFitting;
import dev.quiver.ope.model.RewardModel;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code quiver ope bandit}: the value of an evaluation policy estimated from logged bandit feedback by
 * every requested estimator, each with a percentile-bootstrap interval, as Open Bandit Pipeline's {@code
 * OffPolicyEvaluation.summarize_off_policy_estimates}; with {@code --on-policy} also the relative error
 * against the value observed in the evaluation policy's own logs.
 *
 * @see <a href="https://arxiv.org/abs/2008.07146">Saito, Aihara, Matsutani and Narita (2021), Open Bandit
 *     Dataset and Pipeline, arXiv:2008.07146</a>
 */
@Command(name = "bandit", mixinStandardHelpOptions = true,
        description = {"Estimate an evaluation policy's value from logged bandit feedback with off-policy estimators"
                + " (Open Bandit Pipeline's names): dm, ipw, snipw, dr, sndr, switch-dr, dr-os, sg-ipw, sg-dr; NAME:PARAM"
                + " fixes a hyperparameter (ipw:50 clips weights at 50, switch-dr:100, dr-os:10, sg-ipw:0.1); without"
                + " one, switch-dr, dr-os, sg-ipw and sg-dr pick it by estimated MSE.",
            "Each estimate has a percentile-bootstrap interval over logged rows (self-normalised ratios recomputed per"
                + " resample). The reward model of dm and the dr family is cross-fitted (--folds).",
            "--json writes {\"<estimator>\": {\"value\", \"low\", \"high\"}} (plus \"relative_error\" per estimator"
                + " and an \"on-policy\" entry with --on-policy)."})
public final class OpeBanditCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** Exactly one source of logs. */
    static final class Source {
        @Option(names = "--logs", paramLabel = "FILE.csv", required = true,
                description = "A CSV of logs: columns action (0..K-1), reward, propensity, optional position (0-based),"
                        + " and numeric context columns.")
        Path logs;

        @Option(names = "--obd", paramLabel = "DIR", required = true,
                description = "An Open Bandit Dataset folder {policy}/{campaign}, e.g. open-bandit-dataset/bts/men.")
        Path obd;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(names = "--eval-policy", paramLabel = "POLICY", defaultValue = "uniform",
            description = "The evaluation policy: " + EvaluationPolicySpec.HELP + " (default: ${DEFAULT-VALUE}).")
    String evalPolicy;

    @Option(names = "--estimators", paramLabel = "LIST", split = ",", defaultValue = "all",
            description = "Estimators, comma-separated, or all (default: ${DEFAULT-VALUE}).")
    List<String> estimators;

    @Option(names = "--reward-model", paramLabel = "MODEL", defaultValue = "auto",
            description = "auto (logistic for 0/1 rewards, else ridge), ridge, logistic or xgboost (default:"
                    + " ${DEFAULT-VALUE}).")
    String rewardModel;

    @Option(names = "--features", paramLabel = "additive|interaction", defaultValue = "additive",
            description = "The reward model's features: additive [x, one-hot action, one-hot position] or interaction"
                    + " (a context slope per action) (default: ${DEFAULT-VALUE}).")
    String features;

    @Option(names = "--folds", paramLabel = "K", defaultValue = "3",
            description = "Cross-fitting folds of the reward model; 1 fits and predicts on all rows (default:"
                    + " ${DEFAULT-VALUE}).")
    int folds;

    @Option(names = "--bootstrap", paramLabel = "N", defaultValue = "10000",
            description = "Bootstrap resamples per interval (default: ${DEFAULT-VALUE}).")
    int bootstrap;

    @Option(names = "--confidence", paramLabel = "P", defaultValue = "0.95",
            description = "Nominal coverage of the intervals (default: ${DEFAULT-VALUE}).")
    double confidence;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0",
            description = "Root seed (bootstrap, cross-fitting folds, xgboost) (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--on-policy", paramLabel = "PATH",
            description = "Logs collected by the evaluation policy itself (CSV or Open Bandit Dataset folder): their mean"
                    + " reward is the on-policy value, and every estimate gets its relative error against it.")
    Path onPolicy;

    @Option(names = "--affinity",
            description = "Open Bandit Dataset: append the user-item affinity columns to the one-hot user features.")
    boolean affinity;

    @Option(names = "--actions", paramLabel = "K", defaultValue = "0",
            description = "CSV logs: the number of actions (default: the largest logged action + 1).")
    int actions;

    @Option(names = "--json", paramLabel = "OUT.json", description = "Also write the estimates as JSON.")
    Path json;

    @Override
    public Integer call() {
        if (bootstrap < 1) {
            throw new QuiverUserException("--bootstrap must be at least 1, got " + bootstrap);
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new QuiverUserException("--confidence must be strictly between 0 and 1, got " + confidence);
        }
        if (actions < 0) {
            throw new QuiverUserException("--actions must be positive, got " + actions);
        }
        List<String> specs = expand(estimators);
        List<OffPolicyEstimator> chosen = new ArrayList<>();
        for (String s : specs) {
            chosen.add(Estimators.byName(s));
        }
        if (source.obd != null && !java.nio.file.Files.isDirectory(source.obd)) {
            throw new QuiverUserException("--obd " + source.obd + ": not a folder; give {policy}/{campaign}, e.g."
                    + " open-bandit-dataset/bts/men (use --logs for a CSV file)");
        }
        LoggedBanditData logs = source.obd != null ? BanditInputs.readLogs(source.obd, "--obd", affinity, actions)
                : BanditInputs.readLogs(source.logs, "--logs", affinity, actions);
        if (folds < 1 || folds > logs.size()) {
            throw new QuiverUserException("--folds must be between 1 and the number of rows (" + logs.size() + "), got "
                    + folds);
        }
        EvaluationPolicySpec policySpec = new EvaluationPolicySpec(evalPolicy);
        boolean needModel = policySpec.needsRewardModel() || chosen.stream().anyMatch(OffPolicyEstimator::usesRewardModel);
        RewardModel model = needModel ? BanditInputs.rewardModel(rewardModel, BanditInputs.features(features), logs, seed)
                : null;
        double[][] qHat = model == null ? null : CrossFitting.fitPredict(model, logs, folds, seed);
        ActionDistribution pi = policySpec.resolve(logs, qHat, affinity);
        LoggedBanditData on = onPolicy == null ? null : BanditInputs.readLogs(onPolicy, "--on-policy", affinity, actions);
        BootstrapSettings settings = new BootstrapSettings(bootstrap, seed, confidence);

        Map<String, Object> doc = new LinkedHashMap<>();
        List<String[]> rows = new ArrayList<>();
        for (int e = 0; e < chosen.size(); e++) {
            RowTerms terms = chosen.get(e).terms(logs, pi, qHat);
            Estimate est = terms.bootstrap(settings);
            Map<String, Object> entry = triple(est);
            List<String> row = new ArrayList<>(List.of(specs.get(e), num(est.point()), interval(est)));
            if (on != null) {
                Estimate rel = OnPolicyComparison.relativeError(terms, on, settings);
                entry.put("relative_error", triple(rel));
                row.add(String.format(Locale.ROOT, "%+.3f", rel.point()));
                row.add(String.format(Locale.ROOT, "[%+.3f, %+.3f]", rel.low(), rel.high()));
            }
            row.add(terms.note());
            rows.add(row.toArray(String[]::new));
            doc.put(specs.get(e), entry);
        }
        Estimate onValue = on == null ? null : OnPolicyComparison.onPolicyValue(on, settings);
        if (onValue != null) {
            doc.put("on-policy", triple(onValue));
        }
        print(spec.commandLine().getOut(), logs, model, pi, rows, onValue, on);
        if (json != null) {
            Json.writeFile(json, doc);
        }
        return 0;
    }

    private void print(PrintWriter out, LoggedBanditData logs, RewardModel model, ActionDistribution pi,
            List<String[]> rows, Estimate onValue, LoggedBanditData on) {
        int pct = (int) Math.round(confidence * 100);
        out.println(logs.source() + ": " + logs.size() + " rows, " + logs.numActions() + " actions, "
                + logs.numPositions() + " position" + (logs.numPositions() == 1 ? "" : "s") + ", mean reward "
                + num(logs.meanReward()) + "; evaluation policy " + evalPolicy + " (max weight "
                + String.format(Locale.ROOT, "%.4g", maxWeight(logs, pi)) + ")");
        if (model != null) {
            out.println("reward model " + model.name() + (folds > 1 ? ", cross-fitted in " + folds + " folds" : ""));
        }
        List<String> header = new ArrayList<>(List.of("estimator", ">value", ">" + pct + "% CI"));
        if (on != null) {
            header.add(">rel. error");
            header.add(">" + pct + "% CI ");
        }
        header.add("note");
        Table t = new Table(header.toArray(String[]::new));
        for (String[] r : rows) {
            t.row((Object[]) r);
        }
        t.print(out);
        if (onValue != null) {
            out.println("on-policy value (" + on.source() + ", " + on.size() + " rows): " + num(onValue.point()) + " "
                    + interval(onValue));
        }
        out.println(pct + "% percentile-bootstrap intervals, " + bootstrap + " resamples, seed " + seed + ".");
        out.flush();
    }

    private static double maxWeight(LoggedBanditData logs, ActionDistribution pi) {
        double m = 0;
        for (int i = 0; i < logs.size(); i++) {
            m = Math.max(m, pi.probability(i, logs.action(i)) / logs.propensity(i));
        }
        return m;
    }

    static List<String> expand(List<String> specs) {
        List<String> out = new ArrayList<>();
        for (String s : specs) {
            String t = s.trim().toLowerCase(Locale.ROOT);
            if (t.equals("all")) {
                out.addAll(Estimators.NAMES);
            } else if (!t.isEmpty()) {
                out.add(t);
            }
        }
        if (out.isEmpty()) {
            throw new QuiverUserException("--estimators is empty; choose from " + String.join(", ", Estimators.NAMES)
                    + " or all");
        }
        return out;
    }

    static Map<String, Object> triple(Estimate e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("value", e.point());
        m.put("low", e.low());
        m.put("high", e.high());
        return m;
    }

    static String num(double v) {
        return String.format(Locale.ROOT, "%.5f", v);
    }

    static String interval(Estimate e) {
        return "[" + num(e.low()) + ", " + num(e.high()) + "]";
    }
}
