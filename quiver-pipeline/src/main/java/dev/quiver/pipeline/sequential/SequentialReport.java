package dev.quiver.pipeline.sequential;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.quiver.core.estimate.Estimate;
import dev.quiver.eval.aggregate.Metric;
import dev.quiver.eval.bootstrap.BootstrapConfig;
import dev.quiver.eval.bootstrap.BootstrapResult;
import dev.quiver.eval.bootstrap.StratifiedBootstrap;
import dev.quiver.eval.profile.PerformanceProfile;
import dev.quiver.pipeline.Stage;
import dev.quiver.pipeline.config.CandidateSpec;
import dev.quiver.pipeline.config.SequentialStudy;
import dev.quiver.pipeline.config.StudyConfig;
import dev.quiver.pipeline.io.JsonValues;
import dev.quiver.pipeline.report.HtmlReport;
import dev.quiver.pipeline.report.Numbers;
import dev.quiver.pipeline.report.OpeVsTruthTable;
import dev.quiver.pipeline.run.StudyReport;
import dev.quiver.report.plot.ImprovementPair;
import dev.quiver.report.plot.IntervalEstimatesPlot;
import dev.quiver.report.plot.PerformanceProfilePlot;
import dev.quiver.report.plot.ProbabilityOfImprovementPlot;
import dev.quiver.report.plot.ProfileCurve;
import dev.quiver.rl.offline.NormalisedScore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The report of a sequential study: per task the logs, the candidates, the off-policy estimates and the ranking,
 * the online verification (when run) with how well each estimator ranked the policies, and the conformal
 * interval of the selected policy's return; across tasks rliable's aggregate metrics (IQM, mean, optimality gap
 * of normalised scores with stratified-bootstrap intervals), performance profiles and the probabilities of
 * improvement over the behaviour policy. Fills the HTML report, {@code results.json} and the summary lines.
 *
 * <p>Aggregates: each candidate label is an "algorithm", each task a "task", each training seed a "run" whose
 * score is the policy's mean online return over the verification episodes, normalised as D4RL does ({@link
 * NormalisedScore}: 0 random, 100 expert) when the env has reference returns, else raw (then the optimality gap
 * is left out). The behaviour policy enters as one run per task.
 *
 * @see <a href="https://arxiv.org/abs/2108.13264">Agarwal et al. (2021), Deep Reinforcement Learning at the Edge
 *     of the Statistical Precipice, arXiv:2108.13264</a>
 */
public final class SequentialReport {
    private SequentialReport() {
    }

    /** Writes the sections of {@code outcomes} into {@code report}. */
    public static void write(StudyConfig study, List<TaskOutcome> outcomes, int threads, StudyReport report) {
        SequentialStudy s = study.sequential();
        HtmlReport html = report.html();
        JsonObject results = report.results();
        JsonObject tasks = new JsonObject();
        recommendation(study, outcomes, html, report);
        for (TaskOutcome o : outcomes) {
            tasks.add(o.task().env(), task(study, o, html, report));
        }
        results.add("tasks", tasks);
        if (study.runs(Stage.VERIFY)) {
            results.add("aggregates", aggregates(study, s, outcomes, threads, html));
        }
    }

    // ------------------------------------------------------------------ recommendation

    private static void recommendation(StudyConfig study, List<TaskOutcome> outcomes, HtmlReport html,
            StudyReport report) {
        html.h2("Recommendation", "recommendation");
        List<String[]> rows = new ArrayList<>();
        for (TaskOutcome o : outcomes) {
            JsonObject est = o.doc(Stage.ESTIMATE);
            String selected = est.get("selected").getAsString();
            String by = est.get("select_by").getAsString();
            Estimate value = JsonValues.estimate(est.getAsJsonObject("policies").getAsJsonObject(selected)
                    .getAsJsonObject(by));
            String online = "-";
            String behaviour = "-";
            String poi = "-";
            String verdict = "-";
            JsonObject ver = o.doc(Stage.VERIFY);
            if (ver != null) {
                online = Numbers.withInterval(JsonValues.estimate(ver.getAsJsonObject("policies")
                        .getAsJsonObject(selected).getAsJsonObject("mean_return")));
                behaviour = Numbers.withInterval(JsonValues.estimate(ver.getAsJsonObject("policies")
                        .getAsJsonObject(VerifyStage.BEHAVIOUR).getAsJsonObject("mean_return")));
                poi = Numbers.withInterval(JsonValues.estimate(ver.getAsJsonObject("poi_selected_vs_behaviour")));
                verdict = verdictText(ver.get("verdict").getAsString());
            }
            String conformal = "-";
            JsonObject q = o.doc(Stage.QUANTIFY);
            if (q != null) {
                conformal = "[" + Numbers.num(q, "interval_at_mean_start_low") + ", "
                        + Numbers.num(q, "interval_at_mean_start_high") + "] at the mean start ("
                        + pct(JsonValues.number(q, "nominal_coverage")) + " " + method(q) + "; test coverage "
                        + Numbers.withInterval(JsonValues.estimate(q.getAsJsonObject("empirical_coverage"))) + ")";
            }
            rows.add(new String[] {o.task().env(), selected, by.toUpperCase(Locale.ROOT) + " " + Numbers.withInterval(
                    value), online, behaviour, poi, verdict, conformal});
            report.summary(summaryLines(o, selected, by, value, est));
        }
        html.table(new String[] {"<env", "<recommended policy", "<estimated value (OPE, discounted)",
            "online mean return", "behaviour mean return", "P(return > behaviour's)", "<online verdict",
            "<next episode's return"}, rows);
        html.p("The recommended policy is the first in the ranking of the selection estimator (by the lower end of"
                + " its interval when rank_by is lower). Estimated values are discounted (gamma " + Numbers.num(
                study.sequential().estimate().gamma()) + ") expected returns from the held-out logs; online returns"
                + " are undiscounted episode returns played in the env. P(return > behaviour's) is the probability of"
                + " improvement (an episode of the recommended policy beats one of the behaviour policy), with a"
                + " stratified-bootstrap interval; the verdict is 'better' when its whole interval is above 0.5.");
    }

    private static List<String> summaryLines(TaskOutcome o, String selected, String by, Estimate value,
            JsonObject est) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "%s: recommended %s; estimated value %s %s (%s, %s-ranked, gamma %s)",
                o.task().env(), selected, Numbers.num(value.point()), Numbers.interval(value),
                by.toUpperCase(Locale.ROOT), est.get("rank_by").getAsString(), Numbers.num(est, "gamma")));
        JsonObject ver = o.doc(Stage.VERIFY);
        if (ver != null) {
            Estimate online = JsonValues.estimate(ver.getAsJsonObject("policies").getAsJsonObject(selected)
                    .getAsJsonObject("mean_return"));
            Estimate beh = JsonValues.estimate(ver.getAsJsonObject("policies").getAsJsonObject(VerifyStage.BEHAVIOUR)
                    .getAsJsonObject("mean_return"));
            Estimate poi = JsonValues.estimate(ver.getAsJsonObject("poi_selected_vs_behaviour"));
            lines.add(String.format(Locale.ROOT, "  online: return %s vs behaviour %s; P(better episode) %s: %s",
                    Numbers.withInterval(online), Numbers.withInterval(beh), Numbers.withInterval(poi),
                    verdictText(ver.get("verdict").getAsString())));
        }
        JsonObject q = o.doc(Stage.QUANTIFY);
        if (q != null) {
            Estimate cov = JsonValues.estimate(q.getAsJsonObject("empirical_coverage"));
            lines.add(String.format(Locale.ROOT, "  next episode's return: in [%s, %s] from the mean initial state (%s %s"
                    + " interval, mean width %s); test coverage %s", Numbers.num(q, "interval_at_mean_start_low"),
                    Numbers.num(q, "interval_at_mean_start_high"), pct(JsonValues.number(q, "nominal_coverage")),
                    method(q), Numbers.num(q, "mean_width"), Numbers.withInterval(cov)));
        }
        return lines;
    }

    private static String method(JsonObject q) {
        return q.get("implementation").getAsString().contains("(cqr)") ? "CQR" : "split conformal";
    }

    private static String verdictText(String v) {
        return switch (v) {
            case "better" -> "better than the behaviour policy";
            case "worse" -> "worse than the behaviour policy";
            default -> "not distinguishable from the behaviour policy";
        };
    }

    // ------------------------------------------------------------------ one task

    private static JsonObject task(StudyConfig study, TaskOutcome o, HtmlReport html, StudyReport report) {
        String env = o.task().env();
        JsonObject out = new JsonObject();
        html.h2(env, "task-" + env);
        JsonObject data = o.doc(Stage.DATA);
        out.add("data", data);
        html.h3("Data");
        html.p(data.get("episodes").getAsInt() + " episodes (" + data.get("steps").getAsInt() + " steps) from "
                + data.get("behaviour_description").getAsString() + "; split by episode into "
                + data.get("train_episodes").getAsInt() + " training and " + data.get("eval_episodes").getAsInt()
                + " evaluation episodes. Logged return " + Numbers.withInterval(JsonValues.estimate(
                        o.doc(Stage.ESTIMATE).getAsJsonObject("logged_return"))) + "; discounted value of the"
                + " evaluation logs " + Numbers.withInterval(JsonValues.estimate(o.doc(Stage.ESTIMATE)
                        .getAsJsonObject("behaviour_logged_value"))) + ".");
        JsonObject learn = o.doc(Stage.LEARN);
        out.add("learn", learn);
        html.h3("Candidates");
        List<String[]> rows = new ArrayList<>();
        JsonObject walls = learn.getAsJsonObject("wall_seconds");
        for (JsonElement e : learn.getAsJsonArray("policies")) {
            JsonObject p = e.getAsJsonObject();
            String id = p.get("id").getAsString();
            rows.add(new String[] {id, p.get("algorithm").getAsString(), p.get("sampling").getAsString(),
                Long.toString(p.get("seed").getAsLong()), Long.toString(p.get("steps").getAsLong()),
                walls.has(id) ? Numbers.num(walls.get(id).getAsDouble()) : "-"});
        }
        html.table(new String[] {"<policy", "<algorithm", "<sampling", "seed", "gradient steps", "training s"}, rows);
        JsonObject est = o.doc(Stage.ESTIMATE);
        out.add("estimate", est);
        JsonObject ver = o.doc(Stage.VERIFY);
        estimates(o, est, ver, html);
        if (ver != null) {
            out.add("verify", ver);
            verify(o, est, ver, html);
        }
        JsonObject q = o.doc(Stage.QUANTIFY);
        if (q != null) {
            out.add("quantify", q);
            quantify(q, html);
        }
        for (JsonElement n : est.getAsJsonArray("notes")) {
            html.note(n.getAsString());
            report.note(n.getAsString());
        }
        return out;
    }

    private static void estimates(TaskOutcome o, JsonObject est, JsonObject ver, HtmlReport html) {
        html.h3("Off-policy estimates");
        List<String> estimators = SequentialTasks.strings(est.get("estimators"));
        List<String> ranking = SequentialTasks.strings(est.get("ranking"));
        List<String> header = new ArrayList<>(List.of("<policy", "rank"));
        for (String e : estimators) {
            header.add(e.toUpperCase(Locale.ROOT));
        }
        if (ver != null) {
            header.add("online discounted value");
        }
        List<String[]> rows = new ArrayList<>();
        Map<String, Map<String, Estimate>> plot = new LinkedHashMap<>();
        for (String e : estimators) {
            plot.put(e.toUpperCase(Locale.ROOT), new LinkedHashMap<>());
        }
        if (ver != null) {
            plot.put("online (truth)", new LinkedHashMap<>());
        }
        for (String id : ranking) {
            List<String> r = new ArrayList<>(List.of(id, Integer.toString(ranking.indexOf(id) + 1)));
            for (String e : estimators) {
                Estimate x = JsonValues.estimate(est.getAsJsonObject("policies").getAsJsonObject(id).getAsJsonObject(e));
                r.add(Numbers.withInterval(x));
                plot.get(e.toUpperCase(Locale.ROOT)).put(id, x);
            }
            if (ver != null) {
                Estimate t = JsonValues.estimate(ver.getAsJsonObject("policies").getAsJsonObject(id)
                        .getAsJsonObject("discounted_value"));
                r.add(Numbers.withInterval(t));
                plot.get("online (truth)").put(id, t);
            }
            rows.add(r.toArray(String[]::new));
        }
        html.table(header.toArray(String[]::new), rows);
        Estimate beh = JsonValues.estimate(est.getAsJsonObject("behaviour_logged_value"));
        html.p("Policies in the order of the selection estimator " + est.get("select_by").getAsString()
                .toUpperCase(Locale.ROOT) + " (by the " + (est.get("rank_by").getAsString().equals("lower")
                        ? "lower end of its interval" : "point estimate") + "). The behaviour policy's discounted value"
                + " on the evaluation logs is " + Numbers.withInterval(beh) + ". Each interval is a " + pct(beh
                        .confidence()) + " percentile bootstrap over evaluation episodes; FQE's holds the fitted model"
                + " fixed, so it covers the sampling of initial states, not the error of the fit.");
        html.figure(IntervalEstimatesPlot.of(plot)
                .withXLabel("discounted value (gamma " + Numbers.num(est, "gamma") + ")")
                .withTitle(o.task().env() + ": off-policy estimates"
                        + (ver != null ? " and the online truth" : "")),
                o.task().env() + ": each policy's off-policy estimates with their intervals"
                        + (ver != null ? ", next to its discounted value measured online" : "") + ".");
    }

    private static void verify(TaskOutcome o, JsonObject est, JsonObject ver, HtmlReport html) {
        html.h3("Online verification");
        List<String[]> rows = new ArrayList<>();
        JsonObject pols = ver.getAsJsonObject("policies");
        for (String id : pols.keySet()) {
            JsonObject p = pols.getAsJsonObject(id);
            rows.add(new String[] {id, Numbers.withInterval(JsonValues.estimate(p.getAsJsonObject("mean_return"))),
                Numbers.withInterval(JsonValues.estimate(p.getAsJsonObject("discounted_value")))});
        }
        html.table(new String[] {"<policy", "mean return", "discounted value"}, rows);
        Estimate poi = JsonValues.estimate(ver.getAsJsonObject("poi_selected_vs_behaviour"));
        html.p(ver.get("episodes").getAsInt() + " episodes per policy, every policy from the same initial states"
                + (ver.get("behaviour_played_online").getAsBoolean() ? "" : " (the behaviour policy is unknown: its"
                        + " logged episodes stand in)") + ". The recommended policy " + ver.get("selected").getAsString()
                + " beats a behaviour episode with probability " + Numbers.withInterval(poi) + ": "
                + verdictText(ver.get("verdict").getAsString()) + ". The best policy online is "
                + ver.get("best_online").getAsString() + "; the recommendation's regret (discounted value) is "
                + Numbers.withInterval(JsonValues.estimate(ver.getAsJsonObject("selection_regret"))) + " (paired"
                + " bootstrap over episodes, both policies held fixed).");
        html.labelled("How well OPE ranked the policies.", "Against the online discounted values, with the behaviour"
                + " policy's " + (ver.get("behaviour_played_online").getAsBoolean() ? "online" : "logged")
                + " value " + Numbers.withInterval(JsonValues.estimate(ver.getAsJsonObject("behaviour_value")))
                + " (its point) as the baseline of SharpeRatio@k = max(best@k - J(behaviour), 0) / std@k (Kiyohara"
                + " et al. 2024; '-' where it is undefined, as at k = 1; inf when the top k are equal and beat the"
                + " baseline).");
        OpeVsTruthTable.write(html, ver.getAsJsonObject("ope_vs_truth"), "policies");
    }

    private static void quantify(JsonObject q, HtmlReport html) {
        html.h3("Conformal interval of the next episode's return");
        Estimate cov = JsonValues.estimate(q.getAsJsonObject("empirical_coverage"));
        String rank = q.get("rank").getAsInt() + " of " + q.get("calibration_episodes").getAsInt();
        html.p("Method: " + q.get("method").getAsString() + " (" + q.get("implementation").getAsString() + "). "
                + q.get("episodes").getAsInt() + " fresh episodes of " + q.get("policy").getAsString() + ": "
                + q.get("fit_episodes").getAsInt() + " fit the model, " + q.get("calibration_episodes").getAsInt()
                + " calibrate, " + q.get("test_episodes").getAsInt() + " test. With alpha "
                + Numbers.num(q, "alpha") + " the threshold is calibration score number " + rank
                + " in increasing order, " + Numbers.num(q, "threshold") + ": a new episode's return"
                + " lies in its interval with probability at least " + pct(JsonValues.number(q, "nominal_coverage"))
                + ". At the mean initial state the interval is ["
                + Numbers.num(q, "interval_at_mean_start_low") + ", "
                + Numbers.num(q, "interval_at_mean_start_high") + "]; mean width "
                + Numbers.num(q, "mean_width") + ". Empirical coverage on the test episodes: "
                + Numbers.withInterval(cov) + " (exact binomial interval)"
                + (Double.isNaN(JsonValues.number(q, "coverage_upper_bound")) ? "; the scores have ties (e.g. capped"
                        + " returns), so coverage may exceed the nominal level by more than 1/(n+1)."
                        : "; without ties it is at most " + Numbers.num(q, "coverage_upper_bound")
                                + " in expectation."));
    }

    // ------------------------------------------------------------------ across tasks

    private static JsonObject aggregates(StudyConfig study, SequentialStudy s, List<TaskOutcome> outcomes, int threads,
            HtmlReport html) {
        html.h2("Across tasks", "aggregates");
        boolean normalised = true;
        for (TaskOutcome o : outcomes) {
            normalised &= NormalisedScore.reference(o.task().env()).isPresent();
        }
        Map<String, List<double[]>> byLabel = new LinkedHashMap<>();
        List<double[]> behaviour = new ArrayList<>();
        List<ImprovementPair> pairs = new ArrayList<>();
        for (TaskOutcome o : outcomes) {
            String env = o.task().env();
            Optional<NormalisedScore.Reference> ref = normalised ? NormalisedScore.reference(env) : Optional.empty();
            JsonObject pols = o.doc(Stage.VERIFY).getAsJsonObject("policies");
            for (CandidateSpec c : o.task().candidates()) {
                double[] runs = new double[s.learn().seeds().size()];
                for (int i = 0; i < runs.length; i++) {
                    String id = LearnStage.policyId(c.label(), s.learn().seeds().get(i));
                    double m = JsonValues.estimate(pols.getAsJsonObject(id).getAsJsonObject("mean_return")).point();
                    runs[i] = ref.map(r -> r.score(m)).orElse(m);
                }
                byLabel.computeIfAbsent(c.label(), k -> new ArrayList<>()).add(runs);
            }
            double b = JsonValues.estimate(pols.getAsJsonObject(VerifyStage.BEHAVIOUR).getAsJsonObject("mean_return"))
                    .point();
            behaviour.add(new double[] {ref.map(r -> r.score(b)).orElse(b)});
            JsonObject ver = o.doc(Stage.VERIFY);
            pairs.add(new ImprovementPair(env + " " + ver.get("selected").getAsString(), "behaviour",
                    JsonValues.estimate(ver.getAsJsonObject("poi_selected_vs_behaviour"))));
        }
        byLabel.put(VerifyStage.BEHAVIOUR, behaviour);
        List<Metric> metrics = new ArrayList<>(List.of(Metric.iqm(), Metric.mean()));
        if (normalised) {
            metrics.add(Metric.optimalityGap(100));
        }
        BootstrapConfig bc = BootstrapConfig.seeded(dev.quiver.core.seed.Seeds.of(study.seed()).child("aggregates")
                .seed()).withReps(s.verify().bootstrap()).withThreads(threads)
                .withConfidence(s.estimate().confidence());
        Map<String, double[][]> matrices = new LinkedHashMap<>();
        byLabel.forEach((k, v) -> matrices.put(k, v.toArray(double[][]::new)));
        Map<String, BootstrapResult> res = StratifiedBootstrap.runAll(matrices, metrics, bc);
        JsonObject out = new JsonObject();
        out.addProperty("score", normalised ? "normalised return (D4RL: 100 (R - random) / (expert - random))"
                : "mean online return");
        Map<String, Map<String, Estimate>> plot = new LinkedHashMap<>();
        List<String[]> rows = new ArrayList<>();
        for (Metric m : metrics) {
            plot.put(metricName(m.name()), new LinkedHashMap<>());
        }
        for (Map.Entry<String, BootstrapResult> e : res.entrySet()) {
            JsonObject a = new JsonObject();
            List<String> row = new ArrayList<>(List.of(e.getKey(), Integer.toString(matrices.get(e.getKey()).length),
                    Integer.toString(matrices.get(e.getKey())[0].length)));
            for (Metric m : metrics) {
                Estimate x = e.getValue().estimate(m.name());
                a.add(m.name(), JsonValues.estimate(x));
                plot.get(metricName(m.name())).put(e.getKey(), x);
                row.add(Numbers.withInterval(x));
            }
            out.add(e.getKey(), a);
            rows.add(row.toArray(String[]::new));
        }
        List<String> header = new ArrayList<>(List.of("<candidate", "tasks", "runs per task"));
        for (Metric m : metrics) {
            header.add(metricName(m.name()));
        }
        html.table(header.toArray(String[]::new), rows);
        html.p("Runs are training seeds, each scored by its policy's mean online return ("
                + (normalised ? "normalised: 0 is a uniformly random policy, 100 the scripted expert" : "raw returns")
                + "); the behaviour policy is one run per task. Intervals: " + pct(s.estimate().confidence())
                + " stratified bootstrap over runs (" + s.verify().bootstrap() + " replicates; rliable). A candidate"
                + " aggregates over the tasks it ran on (the tasks column): compare candidates with different task"
                + " sets within a task, not here.");
        html.figure(IntervalEstimatesPlot.of(plot).withXLabel(normalised ? "normalised score" : "mean return")
                .withTitle("Aggregate metrics across tasks"), "IQM, mean" + (normalised ? " and optimality gap (below"
                        + " 100)" : "") + " of each candidate over tasks and seeds, with stratified-bootstrap"
                        + " intervals.");
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[][] m : matrices.values()) {
            for (double[] row : m) {
                for (double v : row) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (hi > lo) {
            double[] taus = PerformanceProfile.linspace(lo - 0.05 * (hi - lo), hi, 41);
            List<ProfileCurve> curves = new ArrayList<>();
            BootstrapConfig pc = bc.withReps(Math.min(s.verify().bootstrap(), PerformanceProfile.DEFAULT_REPS));
            JsonObject profiles = new JsonObject();
            for (Map.Entry<String, double[][]> e : matrices.entrySet()) {
                PerformanceProfile p = PerformanceProfile.runScore(e.getValue(), taus, pc);
                curves.add(new ProfileCurve(e.getKey(), p.taus(), p.point(), p.low(), p.high()));
                JsonObject pj = new JsonObject();
                pj.add("tau", JsonValues.array(p.taus()));
                pj.add("fraction", JsonValues.array(p.point()));
                pj.add("low", JsonValues.array(p.low()));
                pj.add("high", JsonValues.array(p.high()));
                profiles.add(e.getKey(), pj);
            }
            out.add("performance_profiles", profiles);
            html.figure(PerformanceProfilePlot.of(curves).withLabels(normalised ? "normalised score tau"
                    : "return tau", "fraction of runs with score > tau").withTitle("Performance profiles"),
                    "Run-score performance profiles: the fraction of runs (seeds, over tasks) scoring above each"
                            + " threshold, with stratified-bootstrap bands.");
        }
        html.figure(ProbabilityOfImprovementPlot.of(pairs).withTitle("Probability of improvement over the behaviour"
                + " policy").withXLabel("P(episode return of X > episode return of Y)"), "Probability that an episode of"
                        + " the recommended policy has a higher return than an episode of the behaviour policy, per"
                        + " task, with stratified independent bootstrap intervals.");
        return out;
    }

    private static String metricName(String key) {
        return switch (key) {
            case "iqm" -> "IQM";
            case "mean" -> "Mean";
            default -> key.startsWith("og") ? "Optimality gap" : key;
        };
    }

    private static String pct(double c) {
        return Numbers.num(100 * c) + "%";
    }
}
