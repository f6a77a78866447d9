package dev.quiver.pipeline.bandit;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.quiver.core.error.QuiverUserException;
import dev.quiver.core.estimate.Estimate;
import dev.quiver.pipeline.Stage;
import dev.quiver.pipeline.cache.ContentHash;
import dev.quiver.pipeline.cache.StageCache;
import dev.quiver.pipeline.cache.StageOutput;
import dev.quiver.pipeline.config.BanditCandidateSpec;
import dev.quiver.pipeline.config.BanditStudy;
import dev.quiver.pipeline.config.StudyConfig;
import dev.quiver.pipeline.io.JsonValues;
import dev.quiver.pipeline.report.HtmlReport;
import dev.quiver.pipeline.report.Numbers;
import dev.quiver.pipeline.report.OpeVsTruthTable;
import dev.quiver.pipeline.run.RunContext;
import dev.quiver.pipeline.run.StudyReport;
import dev.quiver.report.plot.IntervalEstimatesPlot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs a bandit study's stages ({@link BanditStages}) through the stage cache and writes its report: the
 * recommendation, the logs, the candidates, every estimator's estimate of every candidate with intervals, and,
 * on synthetic logs, the true values and how well each estimator's ranking did (SharpeRatio@k included).
 */
public final class BanditStudyRunner {
    /** The scope of a bandit study's stages in the cache and the run folder. */
    static final String SCOPE = "bandit";
    /** Part of every stage key; bump when the stages' output changes. */
    static final int FORMAT = 3;

    private BanditStudyRunner() {
    }

    /** Runs {@code study}'s stages and writes its sections into {@code report}. */
    public static void run(StudyConfig study, RunContext ctx, StudyReport report) {
        BanditStudy b = study.bandit();
        long seed = study.seed();
        Map<String, Object> dataIn = base(study);
        dataIn.put("data", b.data().toMap());
        dataIn.put("truth_contexts", b.truthContexts());
        if (!b.data().synthetic()) {
            dataIn.put("files_hash", ContentHash.ofPath(BanditStages.obdFolder(b.data())));
        }
        StageOutput data = ctx.stage(SCOPE, Stage.DATA, dataIn, dir -> BanditStages.data(b, seed, dir, ctx));
        Map<String, Object> learnIn = base(study);
        learnIn.put("candidates", b.toMap().get("candidates"));
        // learn reads only the log files: key it on their content, not on data.json's
        learnIn.put("logs_hash", ContentHash.ofPath(data.dir(), StageCache.MARKER, StageCache.TIMINGS,
                "data.json"));
        StageOutput learn = ctx.stage(SCOPE, Stage.LEARN, learnIn, dir -> BanditStages.learn(b, seed, data.dir(), dir,
                ctx));
        Map<String, Object> estIn = base(study);
        estIn.put("estimate", b.estimate().toMap());
        estIn.put("data_hash", data.contentHash());
        estIn.put("learn_hash", learn.contentHash());
        StageOutput estimate = ctx.stage(SCOPE, Stage.ESTIMATE, estIn, dir -> BanditStages.estimate(b, seed,
                data.dir(), learn.dir(), dir, ctx));
        StageOutput verify = null;
        if (study.runs(Stage.VERIFY)) {
            if (b.data().synthetic()) {
                Map<String, Object> in = base(study);
                in.put("data_hash", data.contentHash());
                in.put("learn_hash", learn.contentHash());
                in.put("estimate_hash", estimate.contentHash());
                verify = ctx.stage(SCOPE, Stage.VERIFY, in, dir -> BanditStages.verify(b, data.dir(), learn.dir(),
                        estimate.dir(), dir, ctx));
            } else {
                ctx.note("bandit: no verify stage on real logs: the true values of the candidates are unknown"
                        + " (only the logging policy's on-policy mean reward is)");
            }
        }
        JsonObject dataDoc = JsonValues.read(data.dir().resolve("data.json"));
        JsonObject learnDoc = JsonValues.read(learn.dir().resolve("learn.json"));
        learnDoc.add("wall_seconds", JsonValues.read(learn.dir().resolve(StageCache.TIMINGS)));
        JsonObject estDoc = JsonValues.read(estimate.dir().resolve("estimate.json"));
        JsonObject verDoc = verify == null ? null : JsonValues.read(verify.dir().resolve("verify.json"));
        JsonObject out = new JsonObject();
        out.add("data", dataDoc);
        out.add("learn", learnDoc);
        out.add("estimate", estDoc);
        if (verDoc != null) {
            out.add("verify", verDoc);
        }
        report.results().add(SCOPE, out);
        write(b, dataDoc, learnDoc, estDoc, verDoc, report);
        try {
            for (StageOutput s : new StageOutput[] {data, learn, estimate, verify}) {
                if (s == null) {
                    continue;
                }
                Path target = report.dir().resolve(SCOPE).resolve(s == data ? "data" : s == learn ? "learn"
                        : s == estimate ? "estimate" : "verify");
                Files.createDirectories(target);
                try (var files = Files.list(s.dir())) {
                    for (Path f : (Iterable<Path>) files::iterator) {
                        String name = f.getFileName().toString();
                        if (name.endsWith(".json") || name.endsWith(".csv")) {
                            Files.copy(f, target.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new QuiverUserException("cannot copy the bandit stages' files into the run folder " + report.dir()
                    + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, Object> base(StudyConfig study) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("seed", study.seed());
        return m;
    }

    private static void write(BanditStudy b, JsonObject data, JsonObject learn, JsonObject est, JsonObject ver,
            StudyReport report) {
        HtmlReport html = report.html();
        String selected = est.get("selected").getAsString();
        String by = est.get("select_by").getAsString();
        Estimate value = JsonValues.estimate(est.getAsJsonObject("candidates").getAsJsonObject(selected)
                .getAsJsonObject(by));
        Estimate logged = JsonValues.estimate(est.getAsJsonObject("logged_mean_reward"));
        html.h2("Recommendation", "recommendation");
        List<String[]> rec = new ArrayList<>();
        rec.add(new String[] {selected, by.toUpperCase(Locale.ROOT) + " " + Numbers.withInterval(value),
            Numbers.withInterval(logged), ver == null ? "-" : Numbers.num(ver.getAsJsonObject("true_values")
                    .get(selected).getAsDouble()), ver == null ? "-" : Numbers.num(ver.get("logging_value")
                            .getAsDouble())});
        html.table(new String[] {"<recommended policy", "<estimated value (OPE)", "logging policy's mean reward",
            "true value", "logging policy's true value"}, rec);
        List<String> summary = new ArrayList<>();
        summary.add(String.format(Locale.ROOT, "bandit: recommended %s; estimated value %s %s (%s, %s-ranked);"
                + " logging policy's mean reward %s", selected, Numbers.num(value.point()), Numbers.interval(value),
                by.toUpperCase(Locale.ROOT), est.get("rank_by").getAsString(), Numbers.withInterval(logged)));
        if (ver != null) {
            summary.add(String.format(Locale.ROOT, "  truth (synthetic): %s; logging policy %s; best candidate %s"
                    + " (regret of the recommendation %s)", Numbers.num(ver.getAsJsonObject("true_values")
                            .get(selected).getAsDouble()), Numbers.num(ver.get("logging_value").getAsDouble()),
                    ver.get("best").getAsString(), Numbers.num(ver.get("selection_regret").getAsDouble())));
        }
        report.summary(summary);
        html.h2("Contextual bandit", "bandit");
        html.h3("Data");
        html.p(data.get("description").getAsString() + ". " + data.get("rounds").getAsInt() + " rounds split at random"
                + " into " + data.get("train_rounds").getAsInt() + " training and " + data.get("eval_rounds")
                        .getAsInt() + " evaluation rounds; " + data.get("actions").getAsInt() + " actions, "
                + data.get("positions").getAsInt() + " position(s), context dimension " + data.get("context_dim")
                        .getAsInt() + ". Mean reward of the evaluation rounds (the logging policy's on-policy value): "
                + Numbers.withInterval(logged) + ".");
        html.h3("Candidates");
        List<String[]> rows = new ArrayList<>();
        JsonObject walls = learn.getAsJsonObject("wall_seconds");
        for (JsonElement e : learn.getAsJsonArray("candidates")) {
            JsonObject c = e.getAsJsonObject();
            String name = c.get("name").getAsString();
            rows.add(new String[] {name, c.get("description").getAsString(),
                walls.has(name) ? Numbers.num(walls.get(name).getAsDouble()) : "-"});
        }
        html.table(new String[] {"<candidate", "<what it is", "learning s"}, rows);
        html.h3("Off-policy estimates");
        List<String> estimators = new ArrayList<>();
        est.getAsJsonArray("estimators").forEach(e -> estimators.add(e.getAsString()));
        List<String> header = new ArrayList<>(List.of("<candidate", "rank"));
        Map<String, Map<String, Estimate>> plot = new LinkedHashMap<>();
        for (String e : estimators) {
            header.add(e.toUpperCase(Locale.ROOT));
            plot.put(e.toUpperCase(Locale.ROOT), new LinkedHashMap<>());
        }
        if (ver != null) {
            header.add("true value");
            plot.put("truth", new LinkedHashMap<>());
        }
        List<String[]> erows = new ArrayList<>();
        JsonArray ranking = est.getAsJsonArray("ranking");
        for (int r = 0; r < ranking.size(); r++) {
            String name = ranking.get(r).getAsString();
            List<String> row = new ArrayList<>(List.of(name, Integer.toString(r + 1)));
            for (String e : estimators) {
                Estimate x = JsonValues.estimate(est.getAsJsonObject("candidates").getAsJsonObject(name)
                        .getAsJsonObject(e));
                row.add(Numbers.withInterval(x));
                plot.get(e.toUpperCase(Locale.ROOT)).put(name, x);
            }
            if (ver != null) {
                double t = ver.getAsJsonObject("true_values").get(name).getAsDouble();
                row.add(Numbers.num(t));
                plot.get("truth").put(name, new Estimate(t, t, t, 0.95, "true value over "
                        + ver.get("truth_contexts").getAsInt() + " fresh contexts"));
            }
            erows.add(row.toArray(String[]::new));
        }
        html.table(header.toArray(String[]::new), erows);
        html.p("Ranked by " + by.toUpperCase(Locale.ROOT) + " (" + (est.get("rank_by").getAsString().equals("lower")
                ? "the lower end of its interval" : "its point estimate") + "). Reward model of DM/DR/SNDR: "
                + est.get("reward_model").getAsString() + ". Intervals: percentile bootstrap over evaluation rounds.");
        html.figure(IntervalEstimatesPlot.of(plot).withXLabel("policy value (expected reward per round)")
                .withTitle("Bandit candidates: off-policy estimates" + (ver != null ? " and the truth" : "")),
                "Each candidate's estimated value under each estimator" + (ver != null ? ", next to its true value"
                        + " (synthetic logs)" : "") + ".");
        if (ver != null) {
            html.h3("How well each estimator selected");
            OpeVsTruthTable.write(html, ver.getAsJsonObject("ope_vs_truth"), "candidates");
            html.p("Against the true values over " + ver.get("truth_contexts").getAsInt() + " fresh contexts, with the"
                    + " logging policy's true value " + Numbers.num(ver.get("logging_value").getAsDouble()) + " as the"
                    + " baseline of SharpeRatio@k = max(best@k - J(logging), 0) / std@k (Kiyohara et al. 2024;"
                    + " '-' where undefined, inf when the top k are equal and beat the baseline): the"
                    + " return of deploying an estimator's top k candidates over the baseline, per unit of their"
                    + " spread. The best candidate is " + ver.get("best").getAsString() + "; the recommendation's"
                    + " regret is " + Numbers.num(ver.get("selection_regret").getAsDouble()) + ".");
        }
        for (BanditCandidateSpec c : b.candidates()) {
            if (c.kind().equals("logging") && !b.data().synthetic() && b.data().policy().equals("bts")) {
                report.note("bandit: the 'logging' candidate on bts logs is approximated by the training logs'"
                        + " per-position item frequencies");
            }
        }
    }
}
