package dev.quiver.pipeline.report;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.quiver.pipeline.io.JsonValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The report's table of how well each off-policy estimator did against the true values (a verify stage's
 * {@code ope_vs_truth}, see {@code dev.quiver.pipeline.selection.OpeVsTruth}): one row per estimator with its
 * rank correlation, MSE, regret@1, how many of its intervals cover the truth, and SharpeRatio@k for k = 2 to 4
 * (as far as there are candidates).
 *
 * @see <a href="https://arxiv.org/abs/2311.18207">Kiyohara et al. (2024), Towards Assessing and Benchmarking
 *     Risk-Return Tradeoff of Off-Policy Evaluation, arXiv:2311.18207</a> (SharpeRatio@k)
 */
public final class OpeVsTruthTable {
    /** The largest k whose SharpeRatio@k gets a column. */
    private static final int MAX_K = 4;

    private OpeVsTruthTable() {
    }

    /**
     * Adds the table of {@code ope} to {@code html}.
     *
     * @param ope the {@code ope_vs_truth} object
     * @param countKey the key that holds the number of candidates ({@code "policies"} or {@code "candidates"})
     */
    public static void write(HtmlReport html, JsonObject ope, String countKey) {
        List<String[]> rows = new ArrayList<>();
        int k = 0;
        for (String name : ope.keySet()) {
            JsonObject m = ope.getAsJsonObject(name);
            JsonArray topk = m.getAsJsonArray("top_k");
            k = topk.size();
            List<String> row = new ArrayList<>(List.of(name.toUpperCase(Locale.ROOT),
                    Numbers.num(m, "rank_correlation"), Numbers.num(m, "mse"),
                    Numbers.num(topk.get(0).getAsJsonObject(), "regret"),
                    m.get("intervals_covering_truth").getAsInt() + " / " + m.get(countKey).getAsInt()));
            for (int j = 1; j < Math.min(k, MAX_K); j++) {
                JsonObject kj = topk.get(j).getAsJsonObject();
                row.add(Numbers.sharpeRatio(JsonValues.number(kj, "sharpe_ratio"),
                        JsonValues.number(kj, "sharpe_ratio_clipped")));
            }
            rows.add(row.toArray(String[]::new));
        }
        List<String> header = new ArrayList<>(List.of("<estimator", "rank correlation", "MSE", "regret@1",
            "intervals covering truth"));
        for (int j = 2; j <= Math.min(k, MAX_K); j++) {
            header.add("SharpeRatio@" + j);
        }
        html.table(header.toArray(String[]::new), rows);
    }
}
