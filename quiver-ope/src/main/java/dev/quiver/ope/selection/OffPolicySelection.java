package dev.quiver.ope.selection;

import dev.quiver.core.error.QuiverUserException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How good the policy selection an OPE estimator makes is: candidate policies' true values {@code V(pi_i)},
 * the estimator's estimates {@code hat V(pi_i)} and the behaviour policy's value {@code J(pi_b)} give accuracy
 * metrics (MSE, relative estimation error), ranking metrics (Spearman's rank correlation, regret@k) and the
 * top-k portfolio statistics with SharpeRatio@k ({@link TopKPortfolio}) for every {@code k} from 1 to the number
 * of candidates.
 *
 * <p>Definitions (SCOPE-RL's {@code OffPolicySelection} and Open Bandit Pipeline where they differ from
 * textbook ones, so numbers can be compared with theirs):
 * <ul>
 *   <li>ranking: candidates by decreasing estimate; among equal estimates the candidate listed later ranks
 *       first, which is what SCOPE-RL's {@code np.argsort(estimates)[::-1]} gives (a stable sort for the few
 *       candidates of its experiments, reversed);</li>
 *   <li>MSE: {@code mean_i (hat V_i - V_i)^2} (sklearn's {@code mean_squared_error});</li>
 *   <li>relative estimation error: {@code mean_i |hat V_i - V_i| / |V_i|} (OBP's and SCOPE-RL's
 *       {@code relative-ee}, averaged over candidates; infinite when a true value is 0);</li>
 *   <li>rank correlation: Spearman's rho between true values and estimates, ties given their average rank
 *       ({@code scipy.stats.spearmanr}); NaN when either is constant;</li>
 *   <li>regret@k: {@code max_i V_i - best@k}, the true value lost by deploying the best of the estimator's top
 *       k instead of the best candidate (Doroudi et al. 2017's definition, as the paper states it); {@link
 *       #sumRegretAtK} is the variant SCOPE-RL's {@code select_by_policy_value} computes (sum of the k best
 *       true values minus the sum of the top-k's true values); both agree at {@code k = 1};</li>
 *   <li>top-k statistics and SharpeRatio@k: {@link TopKPortfolio}. The paper counts {@code pi_b} among the
 *       candidates when it forms portfolios; to do so, add it as a candidate with its estimate.</li>
 * </ul>
 *
 * @see <a href="https://arxiv.org/abs/2311.18207">Kiyohara, H., Kishimoto, R., Kawakami, K., Kobayashi, K.,
 *     Nakata, K. and Saito, Y. (2024). Towards Assessing and Benchmarking Risk-Return Tradeoff of Off-Policy
 *     Evaluation. ICLR. arXiv:2311.18207</a>
 * @see "Doroudi, S., Thomas, P. S. and Brunskill, E. (2017). Importance Sampling for Fair Policy Selection. UAI
 *     (regret@k)"
 */
public final class OffPolicySelection {
    private final double[] trueValues;
    private final double[] estimates;
    private final double behaviourValue;
    private final int[] ranking;

    private OffPolicySelection(double[] trueValues, double[] estimates, double behaviourValue) {
        this.trueValues = trueValues;
        this.estimates = estimates;
        this.behaviourValue = behaviourValue;
        int n = trueValues.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        // decreasing estimate; ties: the later candidate first (a stable ascending sort, reversed)
        Arrays.sort(order, (a, b) -> {
            int c = Double.compare(estimates[b], estimates[a]);
            return c != 0 ? c : Integer.compare(b, a);
        });
        this.ranking = Arrays.stream(order).mapToInt(Integer::intValue).toArray();
    }

    /**
     * The selection made by an estimator.
     *
     * @param trueValues {@code V(pi_i)} of each candidate (copied)
     * @param estimates the estimator's {@code hat V(pi_i)}, same order (copied)
     * @param behaviourValue {@code J(pi_b)}
     * @throws QuiverUserException if the arrays are empty, differ in length or hold non-finite values
     */
    public static OffPolicySelection of(double[] trueValues, double[] estimates, double behaviourValue) {
        if (trueValues.length == 0 || trueValues.length != estimates.length) {
            throw new QuiverUserException("need one estimate per candidate and at least one candidate, got "
                    + trueValues.length + " true values and " + estimates.length + " estimates");
        }
        for (int i = 0; i < trueValues.length; i++) {
            if (!Double.isFinite(trueValues[i]) || !Double.isFinite(estimates[i])) {
                throw new QuiverUserException("candidate " + i + ": true value " + trueValues[i] + ", estimate "
                        + estimates[i] + "; both must be finite");
            }
        }
        if (!Double.isFinite(behaviourValue)) {
            throw new QuiverUserException("the behaviour policy's value must be finite, got " + behaviourValue);
        }
        return new OffPolicySelection(trueValues.clone(), estimates.clone(), behaviourValue);
    }

    /** The number of candidates. */
    public int size() {
        return trueValues.length;
    }

    /** {@code J(pi_b)}. */
    public double behaviourValue() {
        return behaviourValue;
    }

    /** Candidate indices by decreasing estimate (ties: later candidate first). */
    public int[] ranking() {
        return ranking.clone();
    }

    /** {@code mean_i (hat V_i - V_i)^2}. */
    public double meanSquaredError() {
        double s = 0;
        for (int i = 0; i < size(); i++) {
            double d = estimates[i] - trueValues[i];
            s += d * d;
        }
        return s / size();
    }

    /** {@code mean_i |hat V_i - V_i| / |V_i|}. */
    public double relativeEstimationError() {
        double s = 0;
        for (int i = 0; i < size(); i++) {
            s += Math.abs(estimates[i] - trueValues[i]) / Math.abs(trueValues[i]);
        }
        return s / size();
    }

    /** Spearman's rank correlation between true values and estimates (average ranks for ties). */
    public double rankCorrelation() {
        double[] rt = averageRanks(trueValues);
        double[] re = averageRanks(estimates);
        double mt = mean(rt);
        double me = mean(re);
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < size(); i++) {
            double a = rt[i] - mt;
            double b = re[i] - me;
            sxy += a * b;
            sxx += a * a;
            syy += b * b;
        }
        return sxy / Math.sqrt(sxx * syy);
    }

    /** {@code max_i V_i - best@k}. */
    public double regretAtK(int k) {
        return max(trueValues) - topK(k).best();
    }

    /** SCOPE-RL's regret: the sum of the k largest true values minus the sum of the top-k's true values. */
    public double sumRegretAtK(int k) {
        checkK(k);
        double[] sorted = trueValues.clone();
        Arrays.sort(sorted);
        double s = 0;
        for (int j = 0; j < k; j++) {
            s += sorted[sorted.length - 1 - j] - trueValues[ranking[j]];
        }
        return s;
    }

    /** The true values of the candidates in estimate order (the estimator's deployment order). */
    public double[] trueValuesInEstimateOrder() {
        double[] v = new double[size()];
        for (int j = 0; j < v.length; j++) {
            v[j] = trueValues[ranking[j]];
        }
        return v;
    }

    /** The top-{@code k} portfolio, {@code 1 <= k <= size()}. */
    public TopKPortfolio topK(int k) {
        checkK(k);
        double best = Double.NEGATIVE_INFINITY;
        double worst = Double.POSITIVE_INFINITY;
        double sum = 0;
        for (int j = 0; j < k; j++) {
            double v = trueValues[ranking[j]];
            best = Math.max(best, v);
            worst = Math.min(worst, v);
            sum += v;
        }
        double mean = sum / k;
        double std = Double.NaN;
        if (k > 1) {
            double ss = 0;
            for (int j = 0; j < k; j++) {
                double d = trueValues[ranking[j]] - mean;
                ss += d * d;
            }
            std = Math.sqrt(ss / (k - 1));
        }
        return new TopKPortfolio(k, trueValues[ranking[k - 1]], best, worst, mean, std, behaviourValue);
    }

    /** The portfolios for {@code k = 1 .. size()}. */
    public List<TopKPortfolio> topKs() {
        List<TopKPortfolio> out = new ArrayList<>(size());
        for (int k = 1; k <= size(); k++) {
            out.add(topK(k));
        }
        return out;
    }

    /** SharpeRatio@k, {@link TopKPortfolio#sharpeRatio()} of {@link #topK}. */
    public double sharpeRatioAtK(int k) {
        return topK(k).sharpeRatio();
    }

    private void checkK(int k) {
        if (k < 1 || k > size()) {
            throw new QuiverUserException("k must be in [1, " + size() + "] (the number of candidates), got " + k);
        }
    }

    /** Ranks 1..n, tied values sharing the average of their ranks. */
    static double[] averageRanks(double[] v) {
        int n = v.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(v[a], v[b]));
        double[] ranks = new double[n];
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && v[order[j + 1]] == v[order[i]]) {
                j++;
            }
            double r = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                ranks[order[k]] = r;
            }
            i = j + 1;
        }
        return ranks;
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    private static double max(double[] v) {
        double m = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            m = Math.max(m, x);
        }
        return m;
    }
}
