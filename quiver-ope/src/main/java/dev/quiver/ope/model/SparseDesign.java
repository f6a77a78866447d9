package dev.quiver.ope.model;

import dev.quiver.ope.bandit.data.LoggedBanditData;

/**
 * The feature vectors {@code phi(x_i, a_i, k_i)} of some rows (at their logged actions), stored sparsely
 * (most features are one-hot), with the Gram-matrix and product helpers the linear models need.
 */
final class SparseDesign {
    final int p;
    final int[][] index;
    final double[][] value;

    private SparseDesign(int p, int[][] index, double[][] value) {
        this.p = p;
        this.index = index;
        this.value = value;
    }

    /** The logged-action features of {@code rows}. */
    static SparseDesign logged(LoggedBanditData data, int[] rows, RewardFeatures features) {
        int p = features.dimension(data);
        double[] buf = new double[p];
        int[][] index = new int[rows.length][];
        double[][] value = new double[rows.length][];
        int[] idx = new int[p];
        for (int j = 0; j < rows.length; j++) {
            features.write(data, rows[j], data.action(rows[j]), buf);
            int nnz = 0;
            for (int c = 0; c < p; c++) {
                if (buf[c] != 0) {
                    idx[nnz++] = c;
                }
            }
            index[j] = java.util.Arrays.copyOf(idx, nnz);
            value[j] = new double[nnz];
            for (int t = 0; t < nnz; t++) {
                value[j][t] = buf[idx[t]];
            }
        }
        return new SparseDesign(p, index, value);
    }

    int rows() {
        return index.length;
    }

    /** {@code phi_j . beta}. */
    double dot(int j, double[] beta) {
        double s = 0;
        int[] ix = index[j];
        double[] v = value[j];
        for (int t = 0; t < ix.length; t++) {
            s += v[t] * beta[ix[t]];
        }
        return s;
    }

    /**
     * Adds {@code w phi_j phi_j'} to the lower triangle of the top-left {@code p x p} block of the
     * row-major matrix {@code g} whose rows are {@code stride} long.
     */
    void addOuter(int j, double w, double[] g, int stride) {
        int[] ix = index[j];
        double[] v = value[j];
        for (int s = 0; s < ix.length; s++) {
            double ws = w * v[s];
            int row = ix[s] * stride;
            for (int t = 0; t <= s; t++) {
                g[row + ix[t]] += ws * v[t];
            }
        }
    }

    /** Adds {@code w phi_j} to {@code b}. */
    void addScaled(int j, double w, double[] b) {
        int[] ix = index[j];
        double[] v = value[j];
        for (int t = 0; t < ix.length; t++) {
            b[ix[t]] += w * v[t];
        }
    }

    /** Copies the lower triangle of {@code g} (indices ascending per row) to the upper one. */
    static void symmetrise(double[] g, int p) {
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < i; j++) {
                g[j * p + i] = g[i * p + j];
            }
        }
    }
}
