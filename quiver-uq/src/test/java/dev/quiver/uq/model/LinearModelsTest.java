package dev.quiver.uq.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.core.linalg.Cholesky;
import dev.quiver.core.seed.Seeds;
import dev.quiver.uq.Synthetic;
import dev.quiver.uq.data.Matrix;
import dev.quiver.uq.data.Standardizer;
import dev.quiver.uq.model.linear.LinearModel;
import dev.quiver.uq.model.linear.LinearQuantileModel;
import dev.quiver.uq.model.linear.LinearQuantileRegression;
import dev.quiver.uq.model.linear.LinearRegression;
import dev.quiver.uq.model.linear.LogisticModel;
import dev.quiver.uq.model.linear.LogisticRegression;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LinearModelsTest {
    /** [1, x] design solved through the raw normal equations (XᵀX) b = Xᵀy, independently of the model code. */
    private static double[] normalEquations(Matrix x, double[] y, double[] penaltyDiag) {
        int q = x.cols() + 1;
        double[] a = new double[q * q];
        double[] b = new double[q];
        for (int i = 0; i < x.rows(); i++) {
            double[] z = new double[q];
            z[0] = 1;
            x.copyRow(i, z, 1);
            for (int j = 0; j < q; j++) {
                b[j] += z[j] * y[i];
                for (int k = 0; k < q; k++) {
                    a[j * q + k] += z[j] * z[k];
                }
            }
        }
        for (int j = 0; j < q; j++) {
            a[j * q + j] += penaltyDiag[j];
        }
        return Cholesky.factor(a, q).solve(b);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void olsEqualsTheNormalEquationSolution(long seed) {
        UniformRandomProvider rng = Seeds.of(seed).rng();
        Synthetic.Data d = Synthetic.heteroscedastic(200, rng);
        LinearModel m = LinearRegression.ols().fit(d.x(), d.y(), Seeds.of(0));
        double[] b = normalEquations(d.x(), d.y(), new double[3]);
        assertEquals(b[0], m.intercept(), 1e-10);
        assertArrayEquals(new double[] {b[1], b[2]}, m.coefficients(), 1e-10);
    }

    @Test
    void ridgePenalisesStandardisedCoefficients() {
        Synthetic.Data d = Synthetic.heteroscedastic(100, Seeds.of(5).rng());
        double lambda = 3;
        LinearModel m = LinearRegression.ridge(lambda).fit(d.x(), d.y(), Seeds.of(0));
        // in raw units the penalty λ s_j² b_j² is a ridge with diagonal λ s_j² (intercept unpenalised)
        double[] s = Standardizer.fit(d.x()).scale();
        double[] b = normalEquations(d.x(), d.y(), new double[] {0, lambda * s[0] * s[0], lambda * s[1] * s[1]});
        assertEquals(b[0], m.intercept(), 1e-10);
        assertArrayEquals(new double[] {b[1], b[2]}, m.coefficients(), 1e-10);
    }

    @Test
    void leaveOutDownDatesEqualRefits() {
        Synthetic.Data d = Synthetic.heteroscedastic(40, Seeds.of(6).rng());
        int[][] folds = Folds.random(40, 4, Seeds.of(1).rng());
        LinearRegression ridge = LinearRegression.ridge(0.7);
        List<RegressionModel> fast = ridge.fitLeavingOut(d.x(), d.y(), folds, Seeds.of(0));
        Regressor plain = ridge::fit;
        List<RegressionModel> slow = plain.fitLeavingOut(d.x(), d.y(), folds, Seeds.of(0));
        for (int k = 0; k < 4; k++) {
            assertArrayEquals(((LinearModel) slow.get(k)).coefficients(), ((LinearModel) fast.get(k)).coefficients(),
                    1e-10);
        }
    }

    @Test
    void collinearAndConstantColumnsStillFit() {
        double[][] rows = new double[30][];
        double[] y = new double[30];
        for (int i = 0; i < 30; i++) {
            rows[i] = new double[] {i, 2 * i, 5};
            y[i] = 1 + 3 * i;
        }
        LinearModel m = LinearRegression.ols().fit(Matrix.of(rows), y, Seeds.of(0));
        double[] pred = m.predict(Matrix.of(rows));
        for (int i = 0; i < 30; i++) {
            assertEquals(y[i], pred[i], 1e-6);
        }
        assertEquals(0, m.coefficients()[2]);
    }

    /**
     * Known conditional quantiles: y = 1 + 2x1 − x2 + (0.2 + x1)ε, so q_τ(x) = 1 + 0.2z_τ + (2 + z_τ)x1 − x2.
     * Tolerance: 5 asymptotic standard errors of q̂_τ(x0) from Koenker's sandwich
     * τ(1 − τ)·z0ᵀH⁻¹JH⁻¹z0/n, H = mean f_i z_i z_iᵀ (f_i = φ(z_τ)/(0.2 + x1_i)), J = mean z_i z_iᵀ.
     */
    @ParameterizedTest
    @ValueSource(doubles = {0.05, 0.5, 0.9})
    void quantileRegressionRecoversKnownQuantiles(double tau) {
        int n = 4000;
        Synthetic.Data d = Synthetic.heteroscedastic(n, Seeds.of(17).rng());
        LinearQuantileModel qm = (LinearQuantileModel) LinearQuantileRegression.defaults().fit(d.x(), d.y(),
                new double[] {tau}, Seeds.of(0));
        double zt = inverseNormal(tau);
        double phi = Math.exp(-0.5 * zt * zt) / Math.sqrt(2 * Math.PI);
        double[] h = new double[9];
        double[] j = new double[9];
        for (int i = 0; i < n; i++) {
            double[] z = {1, d.x().get(i, 0), d.x().get(i, 1)};
            double f = phi / (0.2 + z[1]);
            for (int a = 0; a < 3; a++) {
                for (int b = 0; b < 3; b++) {
                    h[a * 3 + b] += f * z[a] * z[b] / n;
                    j[a * 3 + b] += z[a] * z[b] / n;
                }
            }
        }
        for (double[] x0 : new double[][] {{0.2, 0.3}, {0.5, 0.5}, {0.9, 0.1}}) {
            double[] z0 = {1, x0[0], x0[1]};
            double[] u = Cholesky.factor(h, 3).solve(z0); // H⁻¹ z0
            double var = 0;
            for (int a = 0; a < 3; a++) {
                for (int b = 0; b < 3; b++) {
                    var += u[a] * j[a * 3 + b] * u[b];
                }
            }
            double se = Math.sqrt(tau * (1 - tau) * var / n);
            double truth = 1 + 0.2 * zt + (2 + zt) * x0[0] - x0[1];
            double est = qm.predict(Matrix.of(new double[][] {x0}))[0][0];
            assertEquals(truth, est, 5 * se, "tau " + tau + " at " + java.util.Arrays.toString(x0));
        }
        // LP optimality: the share of negative residuals is at most tau, of non-positive ones at least tau
        double[] fit = qm.model(0).predict(d.x());
        int neg = 0;
        int nonPos = 0;
        for (int i = 0; i < n; i++) {
            double r = d.y()[i] - fit[i];
            neg += r < -1e-7 ? 1 : 0;
            nonPos += r <= 1e-7 ? 1 : 0;
        }
        assertTrue(neg <= tau * n + 1e-9 && nonPos >= tau * n - 1e-9, neg + " negative, " + nonPos + " non-positive");
    }

    /**
     * One-hot columns that sum to one (collinear with the intercept), a duplicated column and a rare
     * indicator (as bike's weather_4): the LP has many optimal coefficient vectors, and the interior-point
     * solver must still reach the optimal pinball loss, which the same design without the redundant columns
     * attains (same column space). Tolerance: the solver stops at a duality gap below 1e-8·(1 + Σ|y|) and
     * returns the dual iterate's coefficients, whose pinball loss may exceed the optimum by somewhat more; we
     * allow 1e-6·(1 + Σ|y|) (measured: 1.1e-7 of it).
     */
    @ParameterizedTest
    @ValueSource(doubles = {0.05, 0.95})
    void quantileRegressionHandlesCollinearDesigns(double tau) {
        UniformRandomProvider rng = Seeds.of(21).rng();
        int n = 600;
        double[][] full = new double[n][];
        double[][] reduced = new double[n][];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            int season = rng.nextInt(3);
            double t = rng.nextDouble();
            double rare = i == 17 ? 1 : 0;
            full[i] = new double[] {t, season == 0 ? 1 : 0, season == 1 ? 1 : 0, season == 2 ? 1 : 0, t, rare};
            reduced[i] = new double[] {t, season == 0 ? 1 : 0, season == 1 ? 1 : 0, rare};
            y[i] = 100 * (1 + t + season) * (0.5 + rng.nextDouble());
        }
        double[] lv = {tau};
        double[][] pf = LinearQuantileRegression.defaults().fit(Matrix.of(full), y, lv, Seeds.of(0)).predict(Matrix.of(full));
        double[][] pr = LinearQuantileRegression.defaults().fit(Matrix.of(reduced), y, lv, Seeds.of(0))
                .predict(Matrix.of(reduced));
        double lossFull = 0;
        double lossReduced = 0;
        double scale = 1;
        for (double v : y) {
            scale += Math.abs(v);
        }
        for (int i = 0; i < n; i++) {
            assertTrue(Double.isFinite(pf[i][0]));
            double rf = y[i] - pf[i][0];
            double rr = y[i] - pr[i][0];
            lossFull += rf * (tau - (rf < 0 ? 1 : 0));
            lossReduced += rr * (tau - (rr < 0 ? 1 : 0));
        }
        assertEquals(lossReduced, lossFull, 1e-6 * scale);
    }

    @Test
    void logisticGradientIsZeroAtTheOptimum() {
        Synthetic.Labelled d = Synthetic.threeClasses(300, Seeds.of(4).rng());
        LogisticModel m = LogisticRegression.defaults().fit(d.x(), d.labels(), 3, Seeds.of(0));
        Matrix z = m.standardizer().transform(d.x());
        double[] w = m.weights();
        double[] g = new double[w.length];
        double[] g0 = new double[w.length];
        LogisticRegression.objective(z, d.labels(), 3, 1.0, w, g);
        LogisticRegression.objective(z, d.labels(), 3, 1.0, new double[w.length], g0);
        double norm = Math.sqrt(java.util.Arrays.stream(g).map(v -> v * v).sum());
        double norm0 = Math.sqrt(java.util.Arrays.stream(g0).map(v -> v * v).sum());
        assertTrue(norm <= 1e-7 * norm0, "gradient norm " + norm + " at the optimum (start: " + norm0 + ")");
        for (double[] p : m.predictProba(d.x())) {
            assertEquals(1.0, p[0] + p[1] + p[2], 1e-12);
        }
        // the gradient the objective reports matches finite differences
        double[] w1 = w.clone();
        double eps = 1e-6;
        w1[4] += eps;
        double f1 = LogisticRegression.objective(z, d.labels(), 3, 1.0, w1, new double[w.length]);
        w1[4] -= 2 * eps;
        double f0 = LogisticRegression.objective(z, d.labels(), 3, 1.0, w1, new double[w.length]);
        double[] gw = new double[w.length];
        LogisticRegression.objective(z, d.labels(), 3, 1.0, w1.clone(), gw);
        assertEquals((f1 - f0) / (2 * eps), gw[4], 1e-4);
    }

    /** Φ⁻¹ by bisection on the error function (tests only). */
    static double inverseNormal(double p) {
        double lo = -10;
        double hi = 10;
        for (int i = 0; i < 200; i++) {
            double m = 0.5 * (lo + hi);
            if (normalCdf(m) < p) {
                lo = m;
            } else {
                hi = m;
            }
        }
        return 0.5 * (lo + hi);
    }

    /** Φ(x) by Simpson's rule on the density over [0, |x|] (2000 panels, error far below 1e-10). */
    static double normalCdf(double x) {
        int m = 2000;
        double a = Math.abs(x);
        double h = a / m;
        double s = 0;
        for (int i = 0; i <= m; i++) {
            double t = i * h;
            double f = Math.exp(-0.5 * t * t) / Math.sqrt(2 * Math.PI);
            s += (i == 0 || i == m ? 1 : i % 2 == 1 ? 4 : 2) * f;
        }
        double half = s * h / 3;
        return x >= 0 ? 0.5 + half : 0.5 - half;
    }

    @Test
    void zigguratIsAvailableForSyntheticData() {
        assertTrue(Double.isFinite(ZigguratSampler.NormalizedGaussian.of(Seeds.of(1).rng()).sample()));
    }
}
