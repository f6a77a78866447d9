package dev.quiver.ope.selection;

import dev.quiver.core.estimate.Estimate;
import dev.quiver.core.seed.Seeds;
import dev.quiver.core.tabular.TabularModel;
import dev.quiver.data.dataset.EpisodeDataset;
import dev.quiver.envs.solve.ValueIteration;
import dev.quiver.envs.toytext.FrozenLake;
import dev.quiver.envs.toytext.Taxi;
import dev.quiver.eval.bootstrap.PercentileBootstrap;
import dev.quiver.ope.sequential.DoublyRobust;
import dev.quiver.ope.sequential.FittedQEvaluation;
import dev.quiver.ope.sequential.FqeConfig;
import dev.quiver.ope.sequential.FqeModel;
import dev.quiver.ope.sequential.OffPolicyData;
import dev.quiver.ope.sequential.PerDecisionImportanceSampling;
import dev.quiver.ope.sequential.SequentialOpeConfig;
import dev.quiver.ope.sequential.TabularOpe;
import dev.quiver.ope.sequential.WeightedPerDecisionImportanceSampling;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The experiment behind {@code docs/reproductions/p21-sharpe-ratio.md} (Kiyohara et al. 2024, SharpeRatio@k), run
 * by {@code bench/p21-sharpe-ratio.sh}; a program, not a test (it takes minutes).
 *
 * <p>On a toy-text env with an exact model: a family of candidate policies (epsilon-mixtures of the optimal policy
 * and of the worst one, the behaviour policy among them), a behaviour policy (the optimal policy mixed with uniform
 * actions at rate {@code behaviourEpsilon}) that logs {@code episodes} episodes per seed, and for every seed the
 * estimates of PDIS, WPDIS, DR and WDR (with the FQE model) and FQE for every candidate. The candidates' true values
 * come from exact finite-horizon policy evaluation. Per seed and estimator: MSE, Spearman's rank correlation,
 * regret@1 and the top-k statistics with SharpeRatio@k; the table reports their means over seeds with 95%
 * percentile-bootstrap intervals over seeds.
 *
 * <p>Arguments ({@code key=value}, all optional): {@code env} ({@code FrozenLake-v1} slippery 4x4, default;
 * {@code Taxi-v3}; {@code synthetic} for {@link #synthetic}), {@code candidates} ({@code mixed}, default:
 * epsilon-mixtures of the optimal and worst policies plus {@code randomPolicies} random deterministic policies
 * mixed at {@code randomEpsilon}; {@code epsilon}: epsilon-mixtures only; {@code partial}: the behaviour policy and
 * policies optimal on a random fraction 1.0, 0.9, ..., 0.0 of the states, mixed at {@code randomEpsilon}),
 * {@code seeds} (20), {@code episodes} (100), {@code gamma} (0.95), {@code horizon} (100), {@code
 * behaviourEpsilon} (0.5), {@code fqeSteps} (600), {@code csv} (a file for the per-seed rows).
 *
 * @see <a href="https://arxiv.org/abs/2311.18207">Kiyohara, H. et al. (2024). Towards Assessing and Benchmarking
 *     Risk-Return Tradeoff of Off-Policy Evaluation. ICLR. arXiv:2311.18207</a>
 */
public final class SharpeRatioReproduction {
    private static final List<String> ESTIMATORS = List.of("pdis", "wis", "dr", "wdr", "fqe");

    private SharpeRatioReproduction() {
    }

    /** A candidate policy: its name and table. */
    record Candidate(String name, double[][] table) {
    }

    /** Runs the experiment and prints the tables (markdown). */
    public static void main(String[] args) throws IOException {
        Map<String, String> a = new LinkedHashMap<>();
        for (String s : args) {
            int eq = s.indexOf('=');
            if (eq < 1) {
                throw new IllegalArgumentException("arguments are key=value, got " + s);
            }
            a.put(s.substring(0, eq), s.substring(eq + 1));
        }
        if (a.getOrDefault("env", "").equals("synthetic")) {
            synthetic(Integer.parseInt(a.getOrDefault("seeds", "1000")),
                    Double.parseDouble(a.getOrDefault("behaviourValue", "5")));
            return;
        }
        String env = a.getOrDefault("env", "FrozenLake-v1");
        int seeds = Integer.parseInt(a.getOrDefault("seeds", "20"));
        int episodes = Integer.parseInt(a.getOrDefault("episodes", "100"));
        double gamma = Double.parseDouble(a.getOrDefault("gamma", "0.95"));
        int horizon = Integer.parseInt(a.getOrDefault("horizon", "100"));
        double behaviourEpsilon = Double.parseDouble(a.getOrDefault("behaviourEpsilon", "0.5"));
        int fqeSteps = Integer.parseInt(a.getOrDefault("fqeSteps", "600"));
        Path csv = a.containsKey("csv") ? Path.of(a.get("csv")) : null;
        String family = a.getOrDefault("candidates", "mixed");
        int randomPolicies = Integer.parseInt(a.getOrDefault("randomPolicies", "5"));
        double randomEpsilon = Double.parseDouble(a.getOrDefault("randomEpsilon", "0.1"));

        TabularModel model = switch (env) {
            case "FrozenLake-v1" -> new FrozenLake();
            case "Taxi-v3" -> new Taxi();
            default -> throw new IllegalArgumentException("env must be FrozenLake-v1 or Taxi-v3, got " + env);
        };
        int na = model.numActions();
        double[][] qStar = ValueIteration.solve(model, 0.99, 1e-10).qValues();
        int[] best = new int[qStar.length];
        int[] worst = new int[qStar.length];
        for (int s = 0; s < qStar.length; s++) {
            for (int x = 1; x < na; x++) {
                if (qStar[s][x] > qStar[s][best[s]]) {
                    best[s] = x;
                }
                if (qStar[s][x] < qStar[s][worst[s]]) {
                    worst[s] = x;
                }
            }
        }
        List<Candidate> candidates = new ArrayList<>();
        if (family.equals("epsilon")) {
            for (double e : new double[] {0.0, 0.1, 0.2, 0.3, behaviourEpsilon, 0.7, 1.0}) {
                candidates.add(new Candidate("optimal eps " + e, TabularOpe.epsilonGreedy(best, na, e)));
            }
            for (double e : new double[] {0.2, 0.5, 0.8}) {
                candidates.add(new Candidate("worst eps " + e, TabularOpe.epsilonGreedy(worst, na, e)));
            }
        } else if (family.equals("mixed")) {
            for (double e : new double[] {0.0, 0.2, behaviourEpsilon, 0.8}) {
                candidates.add(new Candidate("optimal eps " + e, TabularOpe.epsilonGreedy(best, na, e)));
            }
            candidates.add(new Candidate("worst eps 0.5", TabularOpe.epsilonGreedy(worst, na, 0.5)));
            org.apache.commons.rng.UniformRandomProvider rng = Seeds.of(2024).child("random-policies").rng();
            for (int r = 0; r < randomPolicies; r++) {
                int[] actions = new int[qStar.length];
                for (int s = 0; s < actions.length; s++) {
                    actions[s] = rng.nextInt(na);
                }
                candidates.add(new Candidate("random #" + r + " eps " + randomEpsilon,
                        TabularOpe.epsilonGreedy(actions, na, randomEpsilon)));
            }
        } else if (family.equals("partial")) {
            candidates.add(new Candidate("behaviour", TabularOpe.epsilonGreedy(best, na, behaviourEpsilon)));
            org.apache.commons.rng.UniformRandomProvider rng = Seeds.of(2024).child("partial-policies").rng();
            for (double f : new double[] {1.0, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.2, 0.0}) {
                int[] actions = new int[qStar.length];
                for (int s = 0; s < actions.length; s++) {
                    actions[s] = rng.nextDouble() < f ? best[s] : rng.nextInt(na);
                }
                candidates.add(new Candidate("optimal on " + f + " eps " + randomEpsilon,
                        TabularOpe.epsilonGreedy(actions, na, randomEpsilon)));
            }
        } else {
            throw new IllegalArgumentException("candidates must be epsilon, mixed or partial, got " + family);
        }
        double[][] behaviour = TabularOpe.epsilonGreedy(best, na, behaviourEpsilon);
        double behaviourValue = TabularOpe.trueValue(model, behaviour, gamma, horizon);
        int k = candidates.size();
        double[] truth = new double[k];
        for (int c = 0; c < k; c++) {
            truth[c] = TabularOpe.trueValue(model, candidates.get(c).table(), gamma, horizon);
        }
        System.out.printf(Locale.ROOT, "# %s: %d seeds x %d episodes of the optimal policy with epsilon %s; gamma %s,"
                + " horizon %d; J(pi_b) = %.4f%n%n", env, seeds, episodes, behaviourEpsilon, gamma, horizon,
                behaviourValue);
        System.out.println("| candidate | true value |\n|---|---:|");
        for (int c = 0; c < k; c++) {
            System.out.printf(Locale.ROOT, "| %s | %.4f |%n", candidates.get(c).name(), truth[c]);
        }

        SequentialOpeConfig cfg = SequentialOpeConfig.defaults().withGamma(gamma).withBootstrapReps(1);
        FqeConfig fqeConfig = FqeConfig.defaults().withHidden(List.of()).withLearningRate(5e-2).withSteps(fqeSteps)
                .withTargetUpdateInterval(10).withNormalizeObservations(false);
        FittedQEvaluation fqe = new FittedQEvaluation(fqeConfig);
        // [estimator][seed] -> selection
        Map<String, List<OffPolicySelection>> selections = new LinkedHashMap<>();
        for (String e : ESTIMATORS) {
            selections.put(e, new ArrayList<>());
        }
        StringBuilder rows = new StringBuilder("seed,estimator,candidate,true_value,estimate\n");
        long t0 = System.nanoTime();
        for (int seed = 0; seed < seeds; seed++) {
            EpisodeDataset ds = TabularOpe.simulate(model, behaviour, episodes, horizon,
                    Seeds.of(seed).child("p21-data").rng());
            Map<String, double[]> est = new LinkedHashMap<>();
            for (String e : ESTIMATORS) {
                est.put(e, new double[k]);
            }
            for (int c = 0; c < k; c++) {
                OffPolicyData d = OffPolicyData.of(ds, TabularOpe.onOneHot(candidates.get(c).table()),
                        TabularOpe.onOneHot(behaviour));
                est.get("pdis")[c] = new PerDecisionImportanceSampling().estimate(d, cfg).point();
                est.get("wis")[c] = new WeightedPerDecisionImportanceSampling().estimate(d, cfg).point();
                try (FqeModel m = fqe.fit(d, gamma, Seeds.of(seed).child("fqe", c).seed())) {
                    est.get("fqe")[c] = fqe.estimate(m, d, cfg).point();
                    est.get("dr")[c] = DoublyRobust.of(m).estimate(d, cfg).point();
                    est.get("wdr")[c] = DoublyRobust.weighted(m).estimate(d, cfg).point();
                }
            }
            for (String e : ESTIMATORS) {
                selections.get(e).add(OffPolicySelection.of(truth, est.get(e), behaviourValue));
                for (int c = 0; c < k; c++) {
                    rows.append(String.format(Locale.ROOT, "%d,%s,%s,%.6f,%.6f%n", seed, e, candidates.get(c).name(),
                            truth[c], est.get(e)[c]));
                }
            }
            System.err.printf(Locale.ROOT, "seed %d done (%.0f s)%n", seed, (System.nanoTime() - t0) / 1e9);
        }
        if (csv != null) {
            Files.writeString(csv, rows);
        }
        report(selections, k);
        pairs(selections, k);
    }

    /** Paired differences (first minus second estimator, same seeds) of MSE, rank correlation and SharpeRatio@k. */
    static void pairs(Map<String, List<OffPolicySelection>> selections, int k) {
        StringBuilder head = new StringBuilder("\n| pair (A - B) | MSE | rank corr |");
        StringBuilder line = new StringBuilder("|---|---:|---:|");
        for (int j = 2; j <= k; j++) {
            head.append(" SR@").append(j).append(" |");
            line.append("---:|");
        }
        System.out.println(head + "\n" + line);
        List<String> names = new ArrayList<>(selections.keySet());
        for (int i = 0; i < names.size(); i++) {
            for (int j = i + 1; j < names.size(); j++) {
                List<OffPolicySelection> a = selections.get(names.get(i));
                List<OffPolicySelection> b = selections.get(names.get(j));
                int n = a.size();
                StringBuilder row = new StringBuilder("| " + names.get(i) + " - " + names.get(j) + " |");
                double[] mse = diff(n, s -> a.get(s).meanSquaredError() - b.get(s).meanSquaredError());
                double[] rank = diff(n, s -> a.get(s).rankCorrelation() - b.get(s).rankCorrelation());
                row.append(' ').append(fmt(mean(mse))).append(" | ").append(fmt(mean(rank))).append(" |");
                for (int kk = 2; kk <= k; kk++) {
                    int q = kk;
                    row.append(' ').append(fmt(mean(diff(n, s -> a.get(s).topK(q).clippedSharpeRatio()
                            - b.get(s).topK(q).clippedSharpeRatio())))).append(" |");
                }
                System.out.println(row);
            }
        }
    }

    private static double[] diff(int n, java.util.function.IntToDoubleFunction f) {
        double[] d = new double[n];
        for (int s = 0; s < n; s++) {
            d[s] = f.applyAsDouble(s);
        }
        return d;
    }

    /**
     * The paper's example 1 (over- vs. underestimation), randomised: ten candidates of true value 1, 2, ..., 10;
     * estimator X underestimates, {@code hat V_i = V_i - (V_i - 1) U_i}, estimator Y overestimates, {@code hat V_i =
     * V_i + (10 - V_i) U_{11-i}}, with {@code U ~ U[0, 1)} drawn per seed and candidate and shared between the two.
     * Y's errors are X's mirrored about the midpoint, so MSE and Spearman's rank correlation are equal seed by seed,
     * while X demotes good policies (a safe, lower-return portfolio) and Y promotes poor ones (a risky one).
     */
    static void synthetic(int seeds, double behaviourValue) {
        int k = 10;
        double[] truth = new double[k];
        for (int i = 0; i < k; i++) {
            truth[i] = i + 1;
        }
        Map<String, List<OffPolicySelection>> selections = new LinkedHashMap<>();
        selections.put("X (underestimates good)", new ArrayList<>());
        selections.put("Y (overestimates poor)", new ArrayList<>());
        for (int seed = 0; seed < seeds; seed++) {
            org.apache.commons.rng.UniformRandomProvider rng = Seeds.of(seed).child("p21-synthetic").rng();
            double[] u = new double[k];
            for (int i = 0; i < k; i++) {
                u[i] = rng.nextDouble();
            }
            double[] x = new double[k];
            double[] y = new double[k];
            for (int i = 0; i < k; i++) {
                x[i] = truth[i] - (truth[i] - 1) * u[i];
                y[i] = truth[i] + (k - truth[i]) * u[k - 1 - i];
            }
            selections.get("X (underestimates good)").add(OffPolicySelection.of(truth, x, behaviourValue));
            selections.get("Y (overestimates poor)").add(OffPolicySelection.of(truth, y, behaviourValue));
        }
        System.out.printf(Locale.ROOT, "# synthetic: true values 1..10, J(pi_b) = %s, %d seeds%n", behaviourValue,
                seeds);
        report(selections, k);
        pairs(selections, k);
    }

    /** Prints the accuracy metrics and SharpeRatio@k, each a mean over seeds with its 95% bootstrap interval. */
    static void report(Map<String, List<OffPolicySelection>> selections, int k) {
        System.out.println("\n| estimator | MSE | rank corr | regret@1 |\n|---|---:|---:|---:|");
        for (Map.Entry<String, List<OffPolicySelection>> e : selections.entrySet()) {
            List<OffPolicySelection> s = e.getValue();
            System.out.printf(Locale.ROOT, "| %s | %s | %s | %s |%n", e.getKey(),
                    fmt(mean(s.stream().mapToDouble(OffPolicySelection::meanSquaredError).toArray())),
                    fmt(mean(s.stream().mapToDouble(OffPolicySelection::rankCorrelation).toArray())),
                    fmt(mean(s.stream().mapToDouble(x -> x.regretAtK(1)).toArray())));
        }
        StringBuilder head = new StringBuilder("\n| SharpeRatio@k |");
        StringBuilder line = new StringBuilder("|---|");
        for (int j = 2; j <= k; j++) {
            head.append(" k=").append(j).append(" |");
            line.append("---:|");
        }
        System.out.println(head + "\n" + line);
        for (Map.Entry<String, List<OffPolicySelection>> e : selections.entrySet()) {
            StringBuilder row = new StringBuilder("| " + e.getKey() + " |");
            for (int j = 2; j <= k; j++) {
                int kk = j;
                row.append(' ').append(fmt(mean(e.getValue().stream().mapToDouble(
                        x -> x.topK(kk).clippedSharpeRatio()).toArray()))).append(" |");
            }
            System.out.println(row);
        }
        for (String stat : List.of("best", "std", "worst")) {
            StringBuilder h = new StringBuilder("\n| " + stat + "@k |");
            StringBuilder l = new StringBuilder("|---|");
            for (int j = 1; j <= k; j++) {
                h.append(" k=").append(j).append(" |");
                l.append("---:|");
            }
            System.out.println(h + "\n" + l);
            for (Map.Entry<String, List<OffPolicySelection>> e : selections.entrySet()) {
                StringBuilder row = new StringBuilder("| " + e.getKey() + " |");
                for (int j = 1; j <= k; j++) {
                    int kk = j;
                    double[] v = e.getValue().stream().mapToDouble(x -> switch (stat) {
                        case "best" -> x.topK(kk).best();
                        case "std" -> x.topK(kk).std();
                        default -> x.topK(kk).worst();
                    }).toArray();
                    row.append(' ').append(Double.isNaN(v[0]) ? "-" : String.format(Locale.ROOT, "%.3f",
                            mean(v).point())).append(" |");
                }
                System.out.println(row);
            }
        }
    }

    private static Estimate mean(double[] x) {
        return PercentileBootstrap.mean(x, 0.95, 10_000, Seeds.of(0).child("p21-report").rng());
    }

    private static String fmt(Estimate e) {
        return String.format(Locale.ROOT, "%.3f [%.3f, %.3f]", e.point(), e.low(), e.high());
    }
}
