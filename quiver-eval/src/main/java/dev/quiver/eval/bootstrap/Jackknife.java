package dev.quiver.eval.bootstrap;

import dev.quiver.eval.aggregate.Aggregate;
import java.util.function.Function;

/**
 * The jackknife acceleration {@code a} of the BCa interval, for statistics of one or more score
 * matrices {@code [task][run]}.
 *
 * <p><b>Which runs are left out.</b> When every task of every matrix has the same number of runs
 * {@code n >= 2} (the rectangular case, the only one rliable supports), run {@code i} is left out of
 * every task (and every matrix) at once, for {@code i = 0..n-1}: exactly what arch's {@code conf_int}
 * does inside rliable's {@code StratifiedBootstrap} (its leave-one-out jackknife drops row {@code i}
 * of the {@code runs x tasks} array), so BCa intervals match rliable's. Then {@code a = sum u_i^3 / (6
 * (sum u_i^2)^{3/2})} with {@code u_i = mean_j(theta_(j)) - theta_(i)} (Efron 1987).
 *
 * <p>When run counts differ (a ragged matrix, or two matrices with different run counts), "run
 * {@code i}" means nothing across tasks, so each stratum (a task of a matrix) is jackknifed on its own:
 * one observation is left out at a time, {@code theta_(s,i)}, giving the empirical influence values
 * {@code l_si = (n_s - 1) (mean_i theta_(s,i) - theta_(s,i))}, and {@code a = sum_s sum_i (l_si /
 * n_s)^3 / (6 (sum_s sum_i (l_si / n_s)^2)^{3/2})} (Davison and Hinkley 1997, sections 3.7 and 5.3):
 * the skewness of a stratified estimator, matching the stratified bootstrap, which resamples
 * each task separately. With one stratum it reduces to Efron's formula. A stratum with one run cannot
 * be jackknifed; it is skipped (its contribution to the variance is not resampled either).
 *
 * <p>When the leave-one-out values do not vary (beyond rounding), {@code a = 0}.
 *
 * @see <a href="https://doi.org/10.1080/01621459.1987.10478410">Efron, B. (1987). Better bootstrap
 *     confidence intervals. JASA 82(397)</a>
 * @see <a href="https://doi.org/10.1017/CBO9780511802843">Davison, A. C. and Hinkley, D. V. (1997).
 *     Bootstrap Methods and their Application, sections 3.7 and 5.3</a>
 */
public final class Jackknife {
    private Jackknife() {
    }

    /** The acceleration of aggregate {@code f} of one score matrix (see the class comment for the rule). */
    public static double acceleration(double[][] scores, Aggregate f) {
        return accelerations(new double[][][] {scores}, s -> new double[] {f.apply(s[0])})[0];
    }

    /**
     * The acceleration of each component of a vector statistic of several score matrices (for example
     * the two samples of a probability of improvement, or a performance profile over a grid).
     *
     * @param samples the matrices {@code [sample][task][run]}
     * @param statistic the statistic; it must not modify or keep its argument
     * @return one acceleration per component of the statistic
     */
    public static double[] accelerations(double[][][] samples, Function<double[][][], double[]> statistic) {
        int common = commonRunCount(samples);
        if (common >= 2) {
            double[][] loo = new double[common][];
            for (int i = 0; i < common; i++) {
                loo[i] = statistic.apply(withoutRun(samples, i));
            }
            return perComponent(new double[][][] {loo});
        }
        int strata = 0;
        for (double[][] sample : samples) {
            for (double[] row : sample) {
                if (row.length >= 2) {
                    strata++;
                }
            }
        }
        if (strata == 0) {
            int dim = statistic.apply(samples).length;
            return new double[dim];
        }
        double[][][] loo = new double[strata][][];
        int k = 0;
        for (int s = 0; s < samples.length; s++) {
            for (int t = 0; t < samples[s].length; t++) {
                double[] row = samples[s][t];
                if (row.length < 2) {
                    continue;
                }
                loo[k] = new double[row.length][];
                for (int i = 0; i < row.length; i++) {
                    loo[k][i] = statistic.apply(withoutObservation(samples, s, t, i));
                }
                k++;
            }
        }
        return perComponent(loo);
    }

    /** Efron's acceleration from the leave-one-out values of a single sample. */
    public static double acceleration(double[] leaveOneOut) {
        return stratifiedAcceleration(new double[][] {leaveOneOut});
    }

    /**
     * Davison and Hinkley's stratified acceleration from leave-one-out values {@code [stratum][i]}
     * (strata with fewer than two values are ignored); Efron's formula for one stratum.
     */
    public static double stratifiedAcceleration(double[][] leaveOneOut) {
        double num = 0;
        double den = 0;
        double scale = 0;
        double spread = 0;
        for (double[] v : leaveOneOut) {
            int n = v.length;
            if (n < 2) {
                continue;
            }
            double mean = 0;
            for (double x : v) {
                mean += x;
                scale = Math.max(scale, Math.abs(x));
            }
            mean /= n;
            for (double x : v) {
                double u = mean - x;
                spread = Math.max(spread, Math.abs(u));
                double w = (n - 1) * u / n;
                num += w * w * w;
                den += w * w;
            }
        }
        if (den == 0 || spread <= 64 * Math.ulp(scale)) {
            return 0;
        }
        return num / (6 * Math.pow(den, 1.5));
    }

    private static double[] perComponent(double[][][] loo) {
        int dim = loo[0][0].length;
        double[] a = new double[dim];
        for (int c = 0; c < dim; c++) {
            double[][] v = new double[loo.length][];
            for (int s = 0; s < loo.length; s++) {
                v[s] = new double[loo[s].length];
                for (int i = 0; i < loo[s].length; i++) {
                    v[s][i] = loo[s][i][c];
                }
            }
            a[c] = stratifiedAcceleration(v);
        }
        return a;
    }

    /** The run count shared by every task of every sample, or -1 if they differ. */
    static int commonRunCount(double[][][] samples) {
        int n = samples[0][0].length;
        for (double[][] sample : samples) {
            for (double[] row : sample) {
                if (row.length != n) {
                    return -1;
                }
            }
        }
        return n;
    }

    private static double[][][] withoutRun(double[][][] samples, int i) {
        double[][][] out = new double[samples.length][][];
        for (int s = 0; s < samples.length; s++) {
            out[s] = new double[samples[s].length][];
            for (int t = 0; t < samples[s].length; t++) {
                out[s][t] = without(samples[s][t], i);
            }
        }
        return out;
    }

    private static double[][][] withoutObservation(double[][][] samples, int s, int t, int i) {
        double[][][] out = samples.clone();
        out[s] = samples[s].clone();
        out[s][t] = without(samples[s][t], i);
        return out;
    }

    private static double[] without(double[] row, int i) {
        double[] r = new double[row.length - 1];
        System.arraycopy(row, 0, r, 0, i);
        System.arraycopy(row, i + 1, r, i, row.length - i - 1);
        return r;
    }
}
