package dev.quiver.pipeline.selection;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.quiver.core.estimate.Estimate;
import dev.quiver.ope.selection.OffPolicySelection;
import dev.quiver.ope.selection.TopKPortfolio;
import dev.quiver.pipeline.io.JsonValues;
import java.util.List;

/**
 * How well each off-policy estimator did against the candidates' true values, as the verify stages write it
 * ({@code ope_vs_truth}): per estimator, its MSE, relative estimation error and rank correlation, how many of
 * its intervals cover the true value, its ranking, and per {@code k} the top-k portfolio (best, worst, mean and
 * std of the true values of its top k), regret@k and SharpeRatio@k against the baseline's value ({@link
 * OffPolicySelection}, SCOPE-RL's definitions).
 *
 * @see <a href="https://arxiv.org/abs/2311.18207">Kiyohara et al. (2024), Towards Assessing and Benchmarking
 *     Risk-Return Tradeoff of Off-Policy Evaluation, arXiv:2311.18207</a> (SharpeRatio@k)
 */
public final class OpeVsTruth {
    private OpeVsTruth() {
    }

    /**
     * The {@code ope_vs_truth} object: one entry per estimator, in {@code estimators}' order.
     *
     * @param estimates per candidate name, per estimator name, an estimate as {@link JsonValues#estimate(Estimate)}
     *     writes it
     * @param estimators the estimators' names (a JSON array of strings)
     * @param names the candidates, in the order of {@code truth}
     * @param truth each candidate's true value
     * @param baseline the value SharpeRatio@k must beat (the behaviour or logging policy's)
     * @param countKey the key under which the number of candidates is written ({@code "policies"} or
     *     {@code "candidates"})
     */
    public static JsonObject of(JsonObject estimates, JsonArray estimators, List<String> names, double[] truth,
            double baseline, String countKey) {
        JsonObject ope = new JsonObject();
        for (JsonElement e : estimators) {
            String name = e.getAsString();
            double[] points = new double[names.size()];
            int covered = 0;
            for (int i = 0; i < names.size(); i++) {
                Estimate x = JsonValues.estimate(estimates.getAsJsonObject(names.get(i)).getAsJsonObject(name));
                points[i] = x.point();
                covered += x.covers(truth[i]) ? 1 : 0;
            }
            ope.add(name, selection(OffPolicySelection.of(truth, points, baseline), covered, names, countKey));
        }
        return ope;
    }

    private static JsonObject selection(OffPolicySelection s, int covered, List<String> names, String countKey) {
        JsonObject o = new JsonObject();
        o.addProperty("mse", s.meanSquaredError());
        o.addProperty("relative_error", s.relativeEstimationError());
        o.addProperty("rank_correlation", s.rankCorrelation());
        o.addProperty("intervals_covering_truth", covered);
        o.addProperty(countKey, names.size());
        JsonArray ranking = new JsonArray();
        for (int i : s.ranking()) {
            ranking.add(names.get(i));
        }
        o.add("ranking", ranking);
        JsonArray topk = new JsonArray();
        for (TopKPortfolio p : s.topKs()) {
            JsonObject k = new JsonObject();
            k.addProperty("k", p.k());
            k.addProperty("best", p.best());
            k.addProperty("worst", p.worst());
            k.addProperty("mean", p.mean());
            k.addProperty("std", p.std());
            k.addProperty("regret", s.regretAtK(p.k()));
            k.addProperty("sharpe_ratio", p.sharpeRatio());
            k.addProperty("sharpe_ratio_clipped", p.clippedSharpeRatio());
            topk.add(k);
        }
        o.add("top_k", topk);
        return o;
    }
}
