package dev.quiver.pipeline.selection;

import com.google.gson.JsonObject;
import dev.quiver.core.estimate.Estimate;
import dev.quiver.pipeline.io.JsonValues;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The ranking of a study's candidates by one estimator, best first: by the lower end of each estimate's
 * interval ({@code rank_by: lower}, the pessimistic choice: a candidate ranks high only as far as the data can
 * vouch for it) or by its point estimate ({@code rank_by: point}). Equal values keep the candidates' given
 * order; the first is the recommended candidate.
 */
public final class EstimateRanking {
    /** The {@code rank_by} value that ranks by the interval's lower end. */
    public static final String LOWER = "lower";

    private EstimateRanking() {
    }

    /**
     * {@code names} ranked by {@code estimator}'s estimates, highest first.
     *
     * @param names the candidates, in the study's order (ties keep it)
     * @param estimates per candidate name, per estimator name, an estimate as {@link JsonValues#estimate(Estimate)}
     *     writes it
     * @param estimator the estimator to rank by
     * @param rankBy {@value #LOWER} for the interval's lower end, anything else for the point estimate
     */
    public static List<String> rank(List<String> names, JsonObject estimates, String estimator, String rankBy) {
        boolean lower = rankBy.equals(LOWER);
        List<String> ranking = new ArrayList<>(names);
        ranking.sort(Comparator.comparingDouble((String n) -> {
            Estimate x = JsonValues.estimate(estimates.getAsJsonObject(n).getAsJsonObject(estimator));
            return lower ? x.low() : x.point();
        }).reversed());
        return ranking;
    }
}
