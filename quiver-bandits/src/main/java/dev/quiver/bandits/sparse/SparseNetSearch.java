package dev.quiver.bandits.sparse;

import java.util.List;

/**
 * Dong and Yang's search for an {@code O(epsilon)}-optimal arm of an s-sparse misspecified linear bandit
 * with {@code O(epsilon^-s d^s)} queries: for every support {@code S} of size {@code s} and every point
 * {@code u} of a {@code resolution}-net of the unit sphere of {@code R^S}, the arm maximising
 * {@code <x_S, u>} becomes a candidate (no queries: features are known); then every distinct candidate is
 * queried and the best empirical mean wins ({@link FinalComparison}). At most
 * {@code C(d, s) |net| = O((d / epsilon)^s)} candidates, whatever the number of arms.
 *
 * <p>Why it works: the true parameter's direction lies within {@code resolution} of a net point {@code u}
 * on its support; the arm greedy for {@code u} is then within {@code 2 resolution} of the best linear value
 * and within {@code 2 resolution + 2 epsilon} of the best reward, and the comparison loses at most twice
 * its accuracy. With the default {@code resolution = epsilon / 2} the returned arm is {@code 3 epsilon}-
 * optimal without noise ({@code 4 epsilon} with the default comparison accuracy {@code epsilon / 2} under
 * noise).
 *
 * <p>Reconstruction note: the paper's full text was not readable from this project's sources (abstract
 * only); this is the support-enumeration-plus-net argument its {@code O(epsilon^-s d^s)} bound points to,
 * written down by us; the constants (net at {@code epsilon / 2}) are ours.
 *
 * @param sparsity the sparsity s the search assumes
 * @param resolution the net resolution in units of epsilon (default 0.5)
 * @param accuracy the comparison accuracy under noise, in units of epsilon (default 0.5)
 * @param delta the failure probability under noise (default 0.05)
 * @see <a href="https://arxiv.org/abs/2303.16998">Dong, Yang (2023), Does Sparsity Help in Learning
 *     Misspecified Linear Bandits?, arXiv:2303.16998</a>
 */
public record SparseNetSearch(int sparsity, double resolution, double accuracy, double delta) implements BestArmSearch {

    /** The smallest net resolution used when epsilon is 0 (a well-specified instance). */
    public static final double MIN_RESOLUTION = 0.01;

    /** Validates the fields. */
    public SparseNetSearch {
        if (sparsity < 1) {
            throw new IllegalArgumentException("sparsity must be at least 1, got " + sparsity);
        }
        if (!(resolution > 0) || !(accuracy > 0) || !(delta > 0 && delta < 1)) {
            throw new IllegalArgumentException("need resolution > 0, accuracy > 0, delta in (0, 1)");
        }
    }

    /** Sparsity {@code s}, resolution and accuracy epsilon / 2, delta 0.05. */
    public static SparseNetSearch defaults(int sparsity) {
        return new SparseNetSearch(sparsity, 0.5, 0.5, 0.05);
    }

    @Override
    public String name() {
        return "sparse-net";
    }

    @Override
    public int search(MisspecifiedArms arms) {
        int d = arms.dim();
        int k = arms.size();
        double res = Math.max(resolution * arms.epsilon(), MIN_RESOLUTION);
        List<double[]> net = SphereNet.points(sparsity, res);
        boolean[] candidate = new boolean[k];
        double[] projected = new double[k * sparsity];
        double[] norms = new double[k];
        double[] sorted = new double[k];
        int[] top = new int[k];
        Supports.forEach(d, sparsity, support -> {
            for (int i = 0; i < k; i++) {
                double n2 = 0;
                for (int j = 0; j < sparsity; j++) {
                    double v = arms.feature(i, support[j]);
                    projected[i * sparsity + j] = v;
                    n2 += v * v;
                }
                norms[i] = Math.sqrt(n2);
            }
            // exact speed-up: scan the arms of largest projected norm first; if the best value among them
            // exceeds every other arm's norm, no other arm can beat it (Cauchy-Schwarz, u is a unit vector)
            System.arraycopy(norms, 0, sorted, 0, k);
            java.util.Arrays.sort(sorted);
            double threshold = sorted[Math.max(0, k - PREFILTER)];
            int m = 0;
            for (int i = 0; i < k; i++) {
                if (norms[i] >= threshold) {
                    top[m++] = i;
                }
            }
            double outside = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < k; i++) {
                if (norms[i] < threshold) {
                    outside = Math.max(outside, norms[i]);
                }
            }
            for (double[] u : net) {
                int best = greedy(projected, top, m, u);
                if (!(value(projected, best, u) > outside)) {
                    best = greedy(projected, null, k, u);
                }
                candidate[best] = true;
            }
        });
        return FinalComparison.best(arms, indices(candidate), accuracy * arms.epsilon(), delta);
    }

    /** How many arms of largest projected norm are scanned first. */
    private static final int PREFILTER = 512;

    /** The first arm (in index order) maximising {@code <x_S, u>} among {@code idx[0..m)} (all arms if null). */
    private int greedy(double[] projected, int[] idx, int m, double[] u) {
        int best = -1;
        double bestValue = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < m; c++) {
            int i = idx == null ? c : idx[c];
            double s = value(projected, i, u);
            if (s > bestValue) {
                bestValue = s;
                best = i;
            }
        }
        return best;
    }

    private double value(double[] projected, int i, double[] u) {
        double s = 0;
        int row = i * sparsity;
        for (int j = 0; j < sparsity; j++) {
            s += projected[row + j] * u[j];
        }
        return s;
    }

    static int[] indices(boolean[] mask) {
        int n = 0;
        for (boolean b : mask) {
            n += b ? 1 : 0;
        }
        int[] out = new int[n];
        int j = 0;
        for (int i = 0; i < mask.length; i++) {
            if (mask[i]) {
                out[j++] = i;
            }
        }
        return out;
    }
}
