package dev.quiver.pipeline.sequential;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.quiver.core.estimate.Estimate;
import dev.quiver.core.seed.Seeds;
import dev.quiver.data.io.MinariReader;
import dev.quiver.eval.bootstrap.PercentileBootstrap;
import dev.quiver.pipeline.config.EstimateSpec;
import dev.quiver.pipeline.config.TaskSpec;
import dev.quiver.pipeline.exec.Task;
import dev.quiver.pipeline.io.CsvFile;
import dev.quiver.pipeline.io.JsonValues;
import dev.quiver.pipeline.run.RunContext;
import dev.quiver.pipeline.selection.EstimateRanking;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The estimate stage of a sequential task: every trained policy is evaluated off-policy on the evaluation logs
 * ({@link SequentialTasks#OPE}), then ranked by the selection estimator, by its interval's lower end
 * ({@code rank_by: lower}, the pessimistic choice: a policy ranks high only as far as the data can vouch for it)
 * or by its point estimate; the first is the recommended policy. Writes {@code estimate.json} and
 * {@code estimates.csv}.
 *
 * <p>Which estimators apply: all of the study's for Discrete actions with a known behaviour policy; only FQE
 * when the behaviour's probabilities are unknown (importance weights need them) and for Box actions (the
 * importance ratio of a deterministic continuous policy is not defined; {@link ContinuousFqe} there). Every
 * policy is estimated with the same seed ({@code Seeds.of(seed).child("estimate")}): the same bootstrap
 * resamples of the evaluation episodes and the same FQE initialisation.
 *
 * <p>The behaviour policy's side comes from the logs themselves, with percentile-bootstrap intervals at the
 * study's confidence and number of resamples: {@code behaviour_logged_value}, the mean discounted return of the
 * evaluation episodes (resamples from {@code Seeds.of(seed).child("estimate").child(env).child("logged-value")}),
 * and {@code logged_return}, the mean undiscounted return of every logged episode ({@code child("logged-return")}).
 * They are computed here rather than in the data stage because they depend on the estimate settings.
 */
public final class EstimateStage {
    private EstimateStage() {
    }

    /** The estimators that apply to a task, in the study's order (see the class comment). */
    public static List<String> applicable(EstimateSpec spec, boolean discrete, boolean behaviourKnown) {
        if (discrete && behaviourKnown) {
            return spec.estimators();
        }
        return List.of("fqe");
    }

    /** Runs the stage for {@code task} into {@code dir}. */
    public static void run(TaskSpec task, EstimateSpec spec, long studySeed, Path dataDir, Path learnDir, Path dir,
            RunContext ctx) {
        JsonObject data = JsonValues.read(dataDir.resolve("data.json"));
        boolean discrete = data.get("discrete_actions").getAsBoolean();
        boolean known = data.has("behaviour");
        List<String> estimators = applicable(spec, discrete, known);
        String selectBy = estimators.contains(spec.selectBy()) ? spec.selectBy() : "fqe";
        List<String> notes = new ArrayList<>();
        if (!estimators.equals(spec.estimators())) {
            String why = !discrete ? "actions are continuous (a deterministic policy has no importance ratio; FQE"
                    + " for continuous actions is used)" : "the behaviour policy is unknown (no importance weights)";
            notes.add(task.env() + ": only FQE applies because " + why);
        }
        if (!selectBy.equals(spec.selectBy())) {
            notes.add(task.env() + ": selecting by fqe instead of " + spec.selectBy());
        }
        long seed = Seeds.of(studySeed).child("estimate").seed();
        JsonArray policies = JsonValues.read(learnDir.resolve("learn.json")).getAsJsonArray("policies");
        List<Task> tasks = new ArrayList<>();
        for (JsonElement e : policies) {
            JsonObject pol = e.getAsJsonObject();
            JsonObject p = new JsonObject();
            p.addProperty("env", task.env());
            p.addProperty("checkpoint", learnDir.resolve(pol.get("checkpoint").getAsString()).toString());
            p.addProperty("dataset", dataDir.resolve(DataStage.EVAL).toString());
            if (known && discrete) {
                p.add("behaviour", data.get("behaviour"));
            }
            p.addProperty("gamma", spec.gamma());
            p.add("estimators", JsonValues.GSON.toJsonTree(estimators));
            p.add("fqe", JsonValues.GSON.toJsonTree(spec.fqe().toMap()));
            p.addProperty("bootstrap", spec.bootstrap());
            p.addProperty("confidence", spec.confidence());
            p.addProperty("seed", seed);
            tasks.add(new Task(SequentialTasks.OPE, p, "estimate " + task.env() + " " + pol.get("id").getAsString(),
                    spec.fqe().steps()));
        }
        ctx.begin((long) tasks.size() * spec.fqe().steps(), "FQE steps");
        List<JsonObject> results = ctx.run(tasks);
        JsonObject byPolicy = new JsonObject();
        List<String> ids = new ArrayList<>();
        CsvFile csv = new CsvFile("policy", "estimator", "value", "low", "high", "confidence", "method");
        for (int i = 0; i < results.size(); i++) {
            String id = policies.get(i).getAsJsonObject().get("id").getAsString();
            ids.add(id);
            JsonObject est = results.get(i).getAsJsonObject("estimates");
            byPolicy.add(id, est);
            for (String name : estimators) {
                Estimate x = JsonValues.estimate(est.getAsJsonObject(name));
                csv.row(id, name, x.point(), x.low(), x.high(), x.confidence(), x.method());
            }
        }
        List<String> ranking = EstimateRanking.rank(ids, byPolicy, selectBy, spec.rankBy());
        JsonObject doc = new JsonObject();
        doc.addProperty("env", task.env());
        doc.add("estimators", JsonValues.GSON.toJsonTree(estimators));
        doc.addProperty("select_by", selectBy);
        doc.addProperty("rank_by", spec.rankBy());
        doc.addProperty("gamma", spec.gamma());
        Seeds logSeeds = Seeds.of(studySeed).child("estimate").child(task.env());
        double[] evalDiscounted = MinariReader.read(dataDir.resolve(DataStage.EVAL)).discountedReturns(spec.gamma());
        doc.add("behaviour_logged_value", JsonValues.estimate(PercentileBootstrap.mean(evalDiscounted,
                spec.confidence(), spec.bootstrap(), logSeeds.child("logged-value").rng())));
        doc.add("logged_return", JsonValues.estimate(PercentileBootstrap.mean(DataStage.loggedReturns(dataDir),
                spec.confidence(), spec.bootstrap(), logSeeds.child("logged-return").rng())));
        doc.add("policies", byPolicy);
        doc.add("ranking", JsonValues.GSON.toJsonTree(ranking));
        doc.addProperty("selected", ranking.get(0));
        doc.add("notes", JsonValues.GSON.toJsonTree(notes));
        JsonValues.write(dir.resolve("estimate.json"), doc);
        csv.write(dir.resolve("estimates.csv"));
    }
}
