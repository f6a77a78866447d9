package dev.quiver.uq.data;

import java.util.Arrays;

/**
 * An immutable dense matrix of doubles stored row-major: the feature matrix of a tabular data set
 * (one row per example, one column per feature). Rows are selected and copied cheaply; nothing mutates
 * it after construction.
 */
public final class Matrix {
    private final int rows;
    private final int cols;
    private final double[] data;

    private Matrix(int rows, int cols, double[] data) {
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException("matrix dimensions must be >= 0, got " + rows + " x " + cols);
        }
        if ((long) rows * cols != data.length) {
            throw new IllegalArgumentException("a " + rows + " x " + cols + " matrix needs " + (long) rows * cols
                    + " values, got " + data.length);
        }
        this.rows = rows;
        this.cols = cols;
        this.data = data;
    }

    /** A matrix with a copy of {@code values} ({@code values[i]} is row {@code i}; all rows of equal length). */
    public static Matrix of(double[][] values) {
        int r = values.length;
        int c = r == 0 ? 0 : values[0].length;
        double[] d = new double[r * c];
        for (int i = 0; i < r; i++) {
            if (values[i].length != c) {
                throw new IllegalArgumentException("row " + i + " has " + values[i].length + " values, row 0 has " + c);
            }
            System.arraycopy(values[i], 0, d, i * c, c);
        }
        return new Matrix(r, c, d);
    }

    /** A matrix with a copy of {@code rowMajor} ({@code rows * cols} values, row after row). */
    public static Matrix ofRowMajor(int rows, int cols, double[] rowMajor) {
        return new Matrix(rows, cols, rowMajor.clone());
    }

    /**
     * A matrix that takes ownership of {@code rowMajor} without copying it: the caller must not change
     * the array afterwards. For code that has just built the array.
     */
    public static Matrix wrap(int rows, int cols, double[] rowMajor) {
        return new Matrix(rows, cols, rowMajor);
    }

    /** A one-column matrix holding {@code column}. */
    public static Matrix column(double[] column) {
        return new Matrix(column.length, 1, column.clone());
    }

    /** The number of rows (examples). */
    public int rows() {
        return rows;
    }

    /** The number of columns (features). */
    public int cols() {
        return cols;
    }

    /** The value in row {@code i}, column {@code j}. */
    public double get(int i, int j) {
        if (j < 0 || j >= cols) {
            throw new IndexOutOfBoundsException("column " + j + " of " + cols);
        }
        return data[i * cols + j];
    }

    /** A copy of row {@code i}. */
    public double[] row(int i) {
        if (i < 0 || i >= rows) {
            throw new IndexOutOfBoundsException("row " + i + " of " + rows);
        }
        return Arrays.copyOfRange(data, i * cols, (i + 1) * cols);
    }

    /** Copies row {@code i} into {@code dst} starting at {@code offset}. */
    public void copyRow(int i, double[] dst, int offset) {
        System.arraycopy(data, i * cols, dst, offset, cols);
    }

    /** A copy of column {@code j}. */
    public double[] column(int j) {
        double[] c = new double[rows];
        for (int i = 0; i < rows; i++) {
            c[i] = get(i, j);
        }
        return c;
    }

    /** The rows at {@code indices}, in that order (indices may repeat, as in a bootstrap sample). */
    public Matrix selectRows(int[] indices) {
        double[] d = new double[indices.length * cols];
        for (int k = 0; k < indices.length; k++) {
            int i = indices[k];
            if (i < 0 || i >= rows) {
                throw new IndexOutOfBoundsException("row " + i + " of " + rows);
            }
            System.arraycopy(data, i * cols, d, k * cols, cols);
        }
        return new Matrix(indices.length, cols, d);
    }

    /** A copy of the values, row-major. */
    public double[] toRowMajor() {
        return data.clone();
    }

    /** The values as float32, row-major (the layout xgboost and DJL take). */
    public float[] toFloats() {
        float[] f = new float[data.length];
        for (int k = 0; k < data.length; k++) {
            f[k] = (float) data[k];
        }
        return f;
    }

    /** A copy as an array of rows. */
    public double[][] toArray() {
        double[][] a = new double[rows][];
        for (int i = 0; i < rows; i++) {
            a[i] = row(i);
        }
        return a;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Matrix m && rows == m.rows && cols == m.cols && Arrays.equals(data, m.data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * rows + cols) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "Matrix[" + rows + " x " + cols + "]";
    }
}
