package dev.quiver.pipeline.sequential;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.quiver.core.estimate.Estimate;
import dev.quiver.core.seed.Seeds;
import dev.quiver.eval.bootstrap.BootstrapConfig;
import dev.quiver.eval.bootstrap.PercentileBootstrap;
import dev.quiver.eval.poi.ProbabilityOfImprovement;
import dev.quiver.ope.selection.OffPolicySelection;
import dev.quiver.pipeline.config.EstimateSpec;
import dev.quiver.pipeline.config.TaskSpec;
import dev.quiver.pipeline.config.VerifySpec;
import dev.quiver.pipeline.exec.Task;
import dev.quiver.pipeline.io.CsvFile;
import dev.quiver.pipeline.io.JsonValues;
import dev.quiver.pipeline.run.RunContext;
import dev.quiver.pipeline.selection.OpeVsTruth;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The verify stage of a sequential task: plays every trained policy and the behaviour policy online
 * ({@link SequentialTasks#ROLLOUTS}) from the same initial states (episode {@code i} of every policy resets with
 * the same seed, so comparisons are paired in their starts), then measures:
 * <ul>
 *   <li>each policy's mean return and discounted value (the quantity OPE estimated: its "truth"), with
 *       percentile-bootstrap intervals over episodes;</li>
 *   <li>the probability of improvement {@code P(X > Y)} of the selected policy's episode return over the
 *       behaviour's, with a stratified independent bootstrap interval (rliable's);</li>
 *   <li>how well each estimator ranked the policies against the truth: MSE, rank correlation, regret@k,
 *       SharpeRatio@k ({@link OffPolicySelection}, SCOPE-RL's definitions, the behaviour's online value as
 *       the baseline) and how many of its intervals cover the online value.</li>
 * </ul>
 * When the behaviour policy is unknown (a dataset file) it cannot be played: its logged returns stand in for its
 * episodes and its logged discounted value (the estimate stage's, with its interval) for its value.
 * {@code behaviour_value} (the SharpeRatio@k baseline) carries the interval of the behaviour's discounted value;
 * {@code selection_regret}, the best policy's online discounted value minus the recommended one's, a percentile
 * bootstrap interval over the paired episode differences (both policies held fixed; the episodes share their
 * initial states). Writes {@code verify.json} and {@code online_returns.csv}.
 *
 * @see <a href="https://arxiv.org/abs/2108.13264">Agarwal et al. (2021), Deep Reinforcement Learning at the Edge
 *     of the Statistical Precipice, arXiv:2108.13264</a> (probability of improvement)
 * @see <a href="https://arxiv.org/abs/2311.18207">Kiyohara et al. (2024), Towards Assessing and Benchmarking
 *     Risk-Return Tradeoff of Off-Policy Evaluation, arXiv:2311.18207</a> (SharpeRatio@k)
 */
public final class VerifyStage {
    /** The name of the behaviour policy in tables. */
    public static final String BEHAVIOUR = "behaviour";

    private VerifyStage() {
    }

    /** Runs the stage for {@code task} into {@code dir}. */
    public static void run(TaskSpec task, VerifySpec spec, EstimateSpec est, long studySeed, Path dataDir,
            Path learnDir, Path estimateDir, Path dir, RunContext ctx) {
        JsonObject data = JsonValues.read(dataDir.resolve("data.json"));
        JsonArray policies = JsonValues.read(learnDir.resolve("learn.json")).getAsJsonArray("policies");
        JsonObject estimate = JsonValues.read(estimateDir.resolve("estimate.json"));
        Seeds seeds = Seeds.of(studySeed).child("verify").child(task.env());
        long episodeSeed = Math.floorMod(seeds.seed(), 1L << 40);
        List<Task> tasks = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (JsonElement e : policies) {
            JsonObject pol = e.getAsJsonObject();
            JsonObject p = rolloutParams(task.env(), spec.episodes(), episodeSeed, est.gamma());
            p.addProperty("checkpoint", learnDir.resolve(pol.get("checkpoint").getAsString()).toString());
            ids.add(pol.get("id").getAsString());
            tasks.add(new Task(SequentialTasks.ROLLOUTS, p, "verify " + task.env() + " " + ids.get(ids.size() - 1),
                    spec.episodes()));
        }
        boolean known = data.has("behaviour");
        if (known) {
            JsonObject p = rolloutParams(task.env(), spec.episodes(), episodeSeed, est.gamma());
            p.add("behaviour", data.get("behaviour"));
            p.addProperty("behaviour_seed", seeds.child("behaviour").seed());
            tasks.add(new Task(SequentialTasks.ROLLOUTS, p, "verify " + task.env() + " behaviour", spec.episodes()));
        }
        ctx.begin((long) tasks.size() * spec.episodes(), "episodes");
        List<JsonObject> results = ctx.run(tasks);
        double conf = est.confidence();
        JsonObject byPolicy = new JsonObject();
        CsvFile csv = new CsvFile("policy", "episode", "return", "discounted_return", "length");
        List<double[]> returns = new ArrayList<>();
        List<double[]> discounted = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            String id = i < ids.size() ? ids.get(i) : BEHAVIOUR;
            JsonObject r = results.get(i);
            double[] ret = JsonValues.doubles(r.get("returns"));
            double[] disc = JsonValues.doubles(r.get("discounted_returns"));
            double[] len = JsonValues.doubles(r.get("lengths"));
            returns.add(ret);
            discounted.add(disc);
            JsonObject o = new JsonObject();
            o.add("mean_return", JsonValues.estimate(PercentileBootstrap.mean(ret, conf, spec.bootstrap(),
                    seeds.child("bootstrap").child(id).rng())));
            o.add("discounted_value", JsonValues.estimate(PercentileBootstrap.mean(disc, conf, spec.bootstrap(),
                    seeds.child("bootstrap-discounted").child(id).rng())));
            o.add("returns", r.get("returns"));
            o.add("discounted_returns", r.get("discounted_returns"));
            byPolicy.add(id, o);
            for (int k = 0; k < ret.length; k++) {
                csv.row(id, k, ret[k], disc[k], (long) len[k]);
            }
        }
        double[] behaviourReturns;
        if (known) {
            behaviourReturns = returns.get(returns.size() - 1);
        } else {
            behaviourReturns = DataStage.loggedReturns(dataDir);
            JsonObject o = new JsonObject();
            o.add("mean_return", estimate.get("logged_return"));
            o.add("discounted_value", estimate.get("behaviour_logged_value"));
            o.addProperty("note", "the behaviour policy is unknown: its logged episodes stand in for online ones");
            byPolicy.add(BEHAVIOUR, o);
        }
        String selected = estimate.get("selected").getAsString();
        double[] sel = returns.get(ids.indexOf(selected));
        BootstrapConfig bc = BootstrapConfig.seeded(seeds.child("poi").seed()).withReps(spec.bootstrap()).withThreads(1)
                .withConfidence(conf);
        Estimate poi = ProbabilityOfImprovement.estimate(new double[][] {sel}, new double[][] {behaviourReturns}, bc);
        JsonObject doc = new JsonObject();
        doc.addProperty("env", task.env());
        doc.addProperty("episodes", spec.episodes());
        doc.addProperty("episode_seed", episodeSeed);
        doc.addProperty("behaviour_played_online", known);
        doc.add("policies", byPolicy);
        doc.addProperty("selected", selected);
        doc.add("poi_selected_vs_behaviour", JsonValues.estimate(poi));
        doc.addProperty("verdict", poi.low() > 0.5 ? "better" : poi.high() < 0.5 ? "worse" : "undecided");
        double[] truth = new double[ids.size()];
        for (int i = 0; i < ids.size(); i++) {
            truth[i] = mean(discounted.get(i));
        }
        int best = 0;
        for (int i = 1; i < truth.length; i++) {
            if (truth[i] > truth[best]) {
                best = i;
            }
        }
        doc.addProperty("best_online", ids.get(best));
        double[] bestDisc = discounted.get(best);
        double[] selDisc = discounted.get(ids.indexOf(selected));
        double[] regret = new double[bestDisc.length];
        for (int k = 0; k < regret.length; k++) {
            regret[k] = bestDisc[k] - selDisc[k];
        }
        doc.add("selection_regret", JsonValues.estimate(PercentileBootstrap.mean(regret, conf, spec.bootstrap(),
                seeds.child("bootstrap-regret").rng())));
        JsonObject behaviourValue = byPolicy.getAsJsonObject(BEHAVIOUR).getAsJsonObject("discounted_value").deepCopy();
        doc.add("behaviour_value", behaviourValue);
        doc.add("ope_vs_truth", OpeVsTruth.of(estimate.getAsJsonObject("policies"),
                estimate.getAsJsonArray("estimators"), ids, truth, JsonValues.estimate(behaviourValue).point(),
                "policies"));
        JsonValues.write(dir.resolve("verify.json"), doc);
        csv.write(dir.resolve("online_returns.csv"));
    }

    private static JsonObject rolloutParams(String env, int episodes, long seed, double gamma) {
        JsonObject p = new JsonObject();
        p.addProperty("env", env);
        p.addProperty("episodes", episodes);
        p.addProperty("seed", seed);
        p.addProperty("gamma", gamma);
        return p;
    }

    static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }
}
