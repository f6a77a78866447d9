package dev.quiver.uq.selection;

import java.util.Comparator;
import java.util.stream.IntStream;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Optimized conformal selection among several pre-trained models (OptCS-MSel, Bai and Jin 2024, Section 4.1):
 * each test unit picks, in a way that treats it as one more calibration unit, the model whose BH selection
 * would be largest, and FDR control survives that data-driven choice through conformal e-values and e-BH.
 *
 * <p>With K models, n calibration units, m test units and the clipped score of each model
 * ({@code V^k_i = V^k(X_i, Y_i)}, {@code V̂^k_l = V^k(X_l, c)}), for every test unit j:
 * <ol>
 *   <li>for each model k, the auxiliary p-values {@code p^{(j)}_j = 0} and, for {@code l ≠ j},
 *       {@code p^{(j)}_l = (#{i : V^k_i ≤ V̂^k_l} + 1{V̂^k_j ≤ V̂^k_l}) / (n + 1)} — test unit j counted as a
 *       calibration unit with score {@code V̂^k_j}, which under its null equals its true score because the
 *       clipped score gives {@code V(x, y) = V(x, c)} for {@code y ≤ c} — and {@code R^k_j}, the number of
 *       BH(q) rejections among them;</li>
 *   <li>the model {@code θ_j = argmax_k R^k_j} (ties broken uniformly at random) and {@code R_j = R^{θ_j}_j};
 *       both are symmetric functions of the n + 1 scores, so</li>
 *   <li>the conformal p-value {@code p_j} of {@link ConformalPValues} under model {@code θ_j} stays valid, and
 *       {@code e_j = 1{p_j ≤ q R_j / m} · m / (q R_j)} has {@code E[e_j] ≤ 1} for a null unit;</li>
 * </ol>
 * then select with {@link EBenjaminiHochberg} at level q, which controls the FDR at q under any dependence.
 *
 * <p>A unit can only be selected at an e-BH size k ≥ R_j, and R_j is the best auxiliary size over K models,
 * so when many units' R_j exceed the number of non-zero e-values the selection collapses. The authors' code
 * therefore also computes e-values with the cut-off {@code β q R_j / m} and value {@code m / (β q R_j)}
 * (β = 0.9 there): for any fixed β ∈ (0, 1] that is still an e-value ({@code E[e_j] ≤ 1} by the same argument),
 * so FDR control is kept while units may be selected at e-BH sizes down to {@code β R_j}. β = 1 is the paper's
 * procedure and the default.
 *
 * <p>Choices, stated: e-BH without pruning, the variant whose FDR control the paper proves (the authors' code
 * labels the randomly pruned variants "not proved"); the selected model's p-value uses Jin and Candès's random
 * tie-breaking rather than the authors' {@code (1 + #{V_i < V̂_j}) / (n + 1)}, which is not super-uniform when
 * scores tie (tree ensembles predict ties). The clipped score is required, not optional: with another
 * monotone score the swap of test unit j into the calibration set would not leave the scores unchanged. Cost
 * O(K m (m + log n)) after sorting.
 *
 * @param threshold the threshold c (units with {@code Y > c} are the ones to find)
 * @param q the FDR level, in (0, 1)
 * @param beta the e-value slack β in (0, 1] (1: the paper's e-values)
 * @see <a href="https://arxiv.org/abs/2411.17983">Bai and Jin (2024), Optimized Conformal Selection: Powerful
 *     Selective Inference After Conformity Score Optimization, arXiv:2411.17983</a>
 * @see <a href="https://arxiv.org/abs/2210.01408">Jin and Candès (2023), Selection by Prediction with Conformal
 *     p-values, JMLR 24, arXiv:2210.01408</a>
 */
public record OptimizedConformalSelection(double threshold, double q, double beta) {
    /** Validates the settings. */
    public OptimizedConformalSelection {
        BenjaminiHochberg.checkLevel(q);
        if (!Double.isFinite(threshold)) {
            throw new IllegalArgumentException("selection threshold must be finite, got " + threshold);
        }
        if (!(beta > 0 && beta <= 1)) {
            throw new IllegalArgumentException("beta must be in (0, 1], got " + beta);
        }
    }

    /** The paper's procedure (β = 1). */
    public OptimizedConformalSelection(double threshold, double q) {
        this(threshold, q, 1);
    }

    /** A copy with another e-value slack β. */
    public OptimizedConformalSelection withBeta(double newBeta) {
        return new OptimizedConformalSelection(threshold, q, newBeta);
    }

    /**
     * Selects among the test units.
     *
     * @param calibrationPredictions {@code [model][unit]}: each model's predictions on the calibration units
     * @param calibrationOutcomes the calibration units' outcomes Y
     * @param testPredictions {@code [model][unit]}: each model's predictions on the test units
     * @param rng breaks ties between models (test unit by test unit, only where there is a tie), then draws the
     *     p-value tie-breakers {@code U_j}, one per test unit in index order
     */
    public OptimizedSelection select(double[][] calibrationPredictions, double[] calibrationOutcomes,
            double[][] testPredictions, UniformRandomProvider rng) {
        int models = calibrationPredictions.length;
        if (models == 0 || testPredictions.length != models) {
            throw new IllegalArgumentException("need the same number (>= 1) of models for calibration and test units,"
                    + " got " + models + " and " + testPredictions.length);
        }
        ClippedScore score = new ClippedScore(threshold);
        int n = calibrationOutcomes.length;
        int m = testPredictions[0].length;
        double[][] sortedCal = new double[models][];
        double[][] test = new double[models][];
        int[][] atMost = new int[models][];
        int[][] order = new int[models][];
        for (int k = 0; k < models; k++) {
            if (testPredictions[k].length != m) {
                throw new IllegalArgumentException("model " + k + " has " + testPredictions[k].length
                        + " test predictions, model 0 has " + m);
            }
            sortedCal[k] = ConformalPValues.sortedScores(ConformalSelection.calibrationScores(score,
                    calibrationPredictions[k], calibrationOutcomes));
            test[k] = ConformalSelection.testScores(score, testPredictions[k]);
            atMost[k] = new int[m];
            for (int l = 0; l < m; l++) {
                atMost[k][l] = ConformalPValues.countAtMost(sortedCal[k], test[k][l]);
            }
            double[] t = test[k];
            order[k] = IntStream.range(0, m).boxed().sorted(Comparator.comparingDouble(l -> t[l]))
                    .mapToInt(Integer::intValue).toArray();
        }
        int[] chosen = new int[m];
        int[] reference = new int[m];
        int[] best = new int[models];
        for (int j = 0; j < m; j++) {
            int max = 0;
            int ties = 0;
            for (int k = 0; k < models; k++) {
                int r = auxiliaryRejections(test[k], atMost[k], order[k], n, j, q);
                if (r > max) {
                    max = r;
                    ties = 0;
                }
                if (r == max) {
                    best[ties++] = k;
                }
            }
            chosen[j] = ties == 1 ? best[0] : best[rng.nextInt(ties)];
            reference[j] = max;
        }
        double[] p = new double[m];
        double[] e = new double[m];
        for (int j = 0; j < m; j++) {
            int k = chosen[j];
            p[j] = ConformalPValues.randomized(sortedCal[k], test[k][j], rng.nextDouble());
            e[j] = BenjaminiHochberg.withinLevel(p[j], q * beta, reference[j], m) ? m / (q * beta * reference[j]) : 0;
        }
        return new OptimizedSelection(EBenjaminiHochberg.select(e, q), p, e, chosen, reference);
    }

    /**
     * {@code R^k_j}: BH(q) rejections among the auxiliary p-values of test unit j under one model. Along the test
     * units in ascending order of score the auxiliary p-values do not decrease, so BH is one pass (unit j, with
     * p-value 0, first).
     */
    static int auxiliaryRejections(double[] test, int[] atMost, int[] order, int n, int j, double q) {
        int m = test.length;
        double vj = test[j];
        int rejections = 1;
        int rank = 1;
        for (int l : order) {
            if (l == j) {
                continue;
            }
            rank++;
            double p = (atMost[l] + (vj <= test[l] ? 1 : 0)) / (n + 1.0);
            if (BenjaminiHochberg.withinLevel(p, q, rank, m)) {
                rejections = rank;
            }
        }
        return rejections;
    }
}
