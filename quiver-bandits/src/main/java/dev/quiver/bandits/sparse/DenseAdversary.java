package dev.quiver.bandits.sparse;

import dev.quiver.bandits.regress.Matrices;
import dev.quiver.core.linalg.Cholesky;

/**
 * A misspecification {@code eta} (with {@code |eta| <= epsilon}) chosen against {@link DenseDesignSearch}:
 * the worst case its {@code O(epsilon sqrt(d))} guarantee allows, built the way the lower-bound arguments of
 * Lattimore, Szepesvari and Weisz (2020) do. The dense search's design is a deterministic function of the
 * arms, so it can be computed in advance; for a decoy arm {@code b} that is truly worse than the linear best
 * {@code x*}, setting {@code eta = epsilon sign(<x_b - x*, V^-1 x_i>)} on the design arms {@code x_i} moves
 * the least-squares estimate by {@code epsilon sum_i pi_i |<x_b - x*, V^-1 x_i>|} (about
 * {@code epsilon sqrt(d)}) in b's favour; {@code eta(x_b) = -epsilon} and {@code eta(x*) = +epsilon} (when
 * they are not design arms) widen the true gap; every other arm has {@code eta = 0}. Among the 64 decoys with
 * the most favourable shift minus linear gap, the one whose noiseless dense answer is worst is kept.
 *
 * @see <a href="https://arxiv.org/abs/1911.07676">Lattimore, Szepesvari, Weisz (2020), arXiv:1911.07676</a>
 */
public final class DenseAdversary {
    private static final int DECOYS = 64;

    private DenseAdversary() {
    }

    /** The adversarial {@code eta} for arms {@code x} and parameter {@code theta}. */
    public static double[] eta(double[][] x, double[] theta, double epsilon) {
        int k = x.length;
        int d = theta.length;
        GOptimalDesign design = DenseDesignSearch.design(x);
        int[] support = design.support();
        double[] w = design.weights();
        Cholesky info = GOptimalDesign.factor(design.information(x), d);
        // u_i = V^-1 x_i for the design arms
        double[][] u = new double[support.length][];
        boolean[] inSupport = new boolean[k];
        for (int i = 0; i < support.length; i++) {
            u[i] = info.solve(x[support[i]]);
            inSupport[support[i]] = true;
        }
        double[] lin = new double[k];
        int star = 0;
        for (int a = 0; a < k; a++) {
            lin[a] = Matrices.dot(x[a], theta);
            if (lin[a] > lin[star]) {
                star = a;
            }
        }
        // potential of each decoy: shift it can get minus its linear gap
        double[] potential = new double[k];
        double[] diff = new double[d];
        for (int b = 0; b < k; b++) {
            if (b == star || inSupport[b]) {
                potential[b] = Double.NEGATIVE_INFINITY;
                continue;
            }
            for (int j = 0; j < d; j++) {
                diff[j] = x[b][j] - x[star][j];
            }
            double shift = 0;
            for (int i = 0; i < support.length; i++) {
                shift += w[i] * Math.abs(Matrices.dot(diff, u[i]));
            }
            potential[b] = epsilon * shift - (lin[star] - lin[b]);
        }
        Integer[] order = new Integer[k];
        for (int a = 0; a < k; a++) {
            order[a] = a;
        }
        java.util.Arrays.sort(order, (p, q) -> Double.compare(potential[q], potential[p]));
        double[] bestEta = new double[k];
        double bestGap = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < Math.min(DECOYS, k); c++) {
            int b = order[c];
            if (potential[b] == Double.NEGATIVE_INFINITY) {
                break;
            }
            double[] eta = new double[k];
            for (int j = 0; j < d; j++) {
                diff[j] = x[b][j] - x[star][j];
            }
            for (int i = 0; i < support.length; i++) {
                eta[support[i]] = epsilon * Math.signum(Matrices.dot(diff, u[i]));
            }
            eta[b] = -epsilon;
            if (!inSupport[star]) {
                eta[star] = epsilon;
            }
            double gap = noiselessGap(x, lin, eta, design, info);
            if (gap > bestGap) {
                bestGap = gap;
                bestEta = eta;
            }
        }
        return bestEta;
    }

    /** The true gap of the dense search's answer on noiseless rewards {@code lin + eta}. */
    private static double noiselessGap(double[][] x, double[] lin, double[] eta, GOptimalDesign design,
            Cholesky info) {
        int d = x[0].length;
        double[] rhs = new double[d];
        int[] support = design.support();
        double[] w = design.weights();
        for (int i = 0; i < support.length; i++) {
            int a = support[i];
            double r = lin[a] + eta[a];
            for (int j = 0; j < d; j++) {
                rhs[j] += w[i] * x[a][j] * r;
            }
        }
        double[] thetaHat = info.solve(rhs);
        int chosen = DesignLeastSquares.argmax(x, thetaHat);
        double best = Double.NEGATIVE_INFINITY;
        for (int a = 0; a < x.length; a++) {
            best = Math.max(best, lin[a] + eta[a]);
        }
        return best - (lin[chosen] + eta[chosen]);
    }
}
