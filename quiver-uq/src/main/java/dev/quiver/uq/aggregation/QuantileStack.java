package dev.quiver.uq.aggregation;

import dev.quiver.uq.data.Matrix;
import dev.quiver.uq.model.QuantileModel;
import java.util.List;

/**
 * The predictions of M base quantile models at the same m levels for n rows, {@code [row][model][level]}:
 * what an aggregator combines. Immutable (arrays are copied in and out).
 */
public final class QuantileStack {
    private final double[][][] values;
    private final int models;
    private final int levels;

    private QuantileStack(double[][][] values, int models, int levels) {
        this.values = values;
        this.models = models;
        this.levels = levels;
    }

    /** A stack from {@code [row][model][level]} values (copied; all rows of equal shape, finite). */
    public static QuantileStack of(double[][][] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no rows");
        }
        int mo = values[0].length;
        int le = mo == 0 ? 0 : values[0][0].length;
        if (mo < 1 || le < 1) {
            throw new IllegalArgumentException("need at least one model and one level");
        }
        double[][][] copy = new double[values.length][mo][];
        for (int i = 0; i < values.length; i++) {
            if (values[i].length != mo) {
                throw new IllegalArgumentException("row " + i + " has " + values[i].length + " models, expected " + mo);
            }
            for (int j = 0; j < mo; j++) {
                if (values[i][j].length != le) {
                    throw new IllegalArgumentException("row " + i + ", model " + j + " has " + values[i][j].length
                            + " levels, expected " + le);
                }
                for (double v : values[i][j]) {
                    if (!Double.isFinite(v)) {
                        throw new IllegalArgumentException("row " + i + ", model " + j + ": non-finite prediction " + v);
                    }
                }
                copy[i][j] = values[i][j].clone();
            }
        }
        return new QuantileStack(copy, mo, le);
    }

    /** The predictions of fitted models (all at the same levels) for the rows of {@code x}. */
    public static QuantileStack predict(List<? extends QuantileModel> fitted, Matrix x) {
        if (fitted.isEmpty()) {
            throw new IllegalArgumentException("no base models");
        }
        double[] lv = fitted.get(0).levels();
        double[][][] v = new double[x.rows()][fitted.size()][];
        for (int j = 0; j < fitted.size(); j++) {
            if (!java.util.Arrays.equals(lv, fitted.get(j).levels())) {
                throw new IllegalArgumentException("base model " + j + " has levels "
                        + java.util.Arrays.toString(fitted.get(j).levels()) + ", model 0 has " + java.util.Arrays.toString(lv));
            }
            double[][] p = fitted.get(j).predict(x);
            for (int i = 0; i < p.length; i++) {
                v[i][j] = p[i];
            }
        }
        return of(v);
    }

    /** The number of rows n. */
    public int rows() {
        return values.length;
    }

    /** The number of models M. */
    public int models() {
        return models;
    }

    /** The number of levels m. */
    public int levels() {
        return levels;
    }

    /** The prediction of model j at level k for row i. */
    public double get(int i, int j, int k) {
        return values[i][j][k];
    }

    /** Row i as {@code [model][level]} (a copy). */
    public double[][] row(int i) {
        double[][] r = new double[models][];
        for (int j = 0; j < models; j++) {
            r[j] = values[i][j].clone();
        }
        return r;
    }

    /** Model j's predictions {@code [row][level]} (a copy). */
    public double[][] model(int j) {
        double[][] out = new double[values.length][];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i][j].clone();
        }
        return out;
    }

    /** The unweighted mean of the models' predictions {@code [row][level]}. */
    public double[][] mean() {
        double[][] out = new double[values.length][levels];
        for (int i = 0; i < values.length; i++) {
            for (int j = 0; j < models; j++) {
                for (int k = 0; k < levels; k++) {
                    out[i][k] += values[i][j][k] / models;
                }
            }
        }
        return out;
    }

    /** The rows at {@code idx}. */
    public QuantileStack select(int[] idx) {
        double[][][] v = new double[idx.length][][];
        for (int r = 0; r < idx.length; r++) {
            v[r] = values[idx[r]];
        }
        return of(v);
    }

    /** Values standardised as {@code (v − center) / scale} (a new stack). */
    QuantileStack standardised(double center, double scale) {
        double[][][] v = new double[values.length][models][levels];
        for (int i = 0; i < values.length; i++) {
            for (int j = 0; j < models; j++) {
                for (int k = 0; k < levels; k++) {
                    v[i][j][k] = (values[i][j][k] - center) / scale;
                }
            }
        }
        return new QuantileStack(v, models, levels);
    }

    /** Direct access for the aggregators (not copied: do not modify). */
    double[][] rowView(int i) {
        return values[i];
    }
}
