package dev.quiver.uq.calibration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.core.seed.Seeds;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Platt scaling, isotonic calibration and temperature scaling. */
class CalibratorsTest {
    /**
     * Platt recovers a known logistic curve: scores s ~ N(0, 1), {@code y ~ Bernoulli(σ(2 s − 0.5))}, n = 20,000.
     * The maximum-likelihood estimate is asymptotically normal with covariance the inverse Fisher information
     * {@code (Σ p(1 − p) [s, 1][s, 1]ᵀ)⁻¹} at the truth; we accept estimates within 4 of those standard errors.
     * Platt's smoothed targets add an O(1/n) bias, far inside that band.
     */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void plattRecoversKnownLogisticParameters(boolean smoothed) {
        UniformRandomProvider rng = Seeds.of(7).rng();
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
        int n = 20_000;
        double a = 2;
        double b = -0.5;
        double[] s = new double[n];
        int[] y = new int[n];
        double iaa = 0;
        double iab = 0;
        double ibb = 0;
        for (int i = 0; i < n; i++) {
            s[i] = g.sample();
            double p = PlattScaling.sigmoid(a * s[i] + b);
            y[i] = rng.nextDouble() < p ? 1 : 0;
            double v = p * (1 - p);
            iaa += v * s[i] * s[i];
            iab += v * s[i];
            ibb += v;
        }
        double det = iaa * ibb - iab * iab;
        double seA = Math.sqrt(ibb / det);
        double seB = Math.sqrt(iaa / det);
        PlattScaling.Curve c = PlattScaling.defaults().withSmoothedTargets(smoothed).fit(s, y);
        assertEquals(a, c.slope(), 4 * seA, "slope");
        assertEquals(b, c.intercept(), 4 * seB, "intercept");
    }

    @Test
    void plattStaysFiniteOnSeparableData() {
        double[] s = {-2, -1, 1, 2};
        int[] y = {0, 0, 1, 1};
        PlattScaling.Curve c = PlattScaling.defaults().fit(s, y);
        assertTrue(Double.isFinite(c.slope()) && c.slope() > 0 && Double.isFinite(c.intercept()), c.toString());
        // with smoothed targets 5/6 and 1/6 the fitted probabilities cannot pass them by much
        assertTrue(c.probability(2) < 0.95 && c.probability(-2) > 0.05, c.toString());
    }

    @Test
    void isotonicPoolsTiesThenViolatorsAndInterpolates() {
        // unique scores 0.1 (y 0), 0.2 (y 1, 0), 0.3 (y 0), 0.4 (y 1): PAVA on [0, 1/2, 0, 1] weights [1, 2, 1, 1]
        double[] s = {0.3, 0.2, 0.1, 0.4, 0.2};
        int[] y = {0, 1, 0, 1, 0};
        IsotonicCalibration.Curve c = new IsotonicCalibration().fit(s, y);
        assertArrayEquals(new double[] {0.1, 0.2, 0.3, 0.4}, c.scores(), 0);
        assertArrayEquals(new double[] {0, 1 / 3.0, 1 / 3.0, 1}, c.values(), 1e-15);
        assertEquals(0, c.probability(0.05));
        assertEquals(1 / 6.0, c.probability(0.15), 1e-12);
        assertEquals(1 / 3.0, c.probability(0.25), 1e-12);
        assertEquals(2 / 3.0, c.probability(0.35), 1e-12);
        assertEquals(1, c.probability(0.9));
    }

    @Test
    void oneVersusRestKeepsRowsNormalised() {
        double[][] p2 = {{0.8, 0.2}, {0.3, 0.7}, {0.6, 0.4}, {0.1, 0.9}};
        int[] y2 = {0, 1, 1, 1};
        double[][] out2 = OneVersusRest.platt().fit(p2, y2).apply(p2);
        double[][] p3 = {{0.6, 0.3, 0.1}, {0.2, 0.5, 0.3}, {0.1, 0.1, 0.8}, {0.4, 0.4, 0.2}, {0.3, 0.3, 0.4}};
        int[] y3 = {0, 1, 2, 1, 0};
        double[][] out3 = OneVersusRest.isotonic().fit(p3, y3).apply(p3);
        for (double[][] out : new double[][][] {out2, out3}) {
            for (double[] row : out) {
                double sum = 0;
                for (double v : row) {
                    assertTrue(v >= 0 && v <= 1);
                    sum += v;
                }
                assertEquals(1, sum, 1e-12);
            }
        }
        // binary: class 0 is the complement of the calibrated class 1, which is monotone in p1
        assertTrue(out2[3][1] >= out2[1][1] && out2[1][1] >= out2[2][1] && out2[2][1] >= out2[0][1]);
    }

    /**
     * Temperature scaling on an overconfident classifier: three classes whose labels follow {@code softmax(z)}
     * while the classifier reports {@code softmax(2.5 z)}, so the best inverse temperature on the reported
     * logits is β = 0.4. The estimate is within 4 asymptotic standard errors {@code 1/√(Σ Var_{softmax}(z'))} of
     * it (Fisher information of β; z' the reported logits), it minimises the calibration NLL, and it lowers the
     * NLL of held-out units.
     */
    @Test
    void temperatureScalingFindsTheTemperatureAndReducesNll() {
        UniformRandomProvider rng = Seeds.of(9).rng();
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
        int n = 5000;
        double[][] reported = new double[2 * n][3];
        int[] labels = new int[2 * n];
        for (int i = 0; i < 2 * n; i++) {
            double[] z = {g.sample(), g.sample(), g.sample()};
            double[] p = new TemperatureScaling.Fitted(1).applyLogits(new double[][] {z})[0];
            double u = rng.nextDouble();
            labels[i] = u < p[0] ? 0 : u < p[0] + p[1] ? 1 : 2;
            for (int k = 0; k < 3; k++) {
                reported[i][k] = 2.5 * z[k];
            }
        }
        double[][] cal = java.util.Arrays.copyOf(reported, n);
        int[] yCal = java.util.Arrays.copyOf(labels, n);
        double[][] test = java.util.Arrays.copyOfRange(reported, n, 2 * n);
        int[] yTest = java.util.Arrays.copyOfRange(labels, n, 2 * n);
        TemperatureScaling.Fitted t = new TemperatureScaling().fitLogits(cal, yCal);
        double info = 0;
        for (double[] z : cal) {
            double[] p = new TemperatureScaling.Fitted(0.4).applyLogits(new double[][] {z})[0];
            double m1 = 0;
            double m2 = 0;
            for (int k = 0; k < 3; k++) {
                m1 += p[k] * z[k];
                m2 += p[k] * z[k] * z[k];
            }
            info += m2 - m1 * m1;
        }
        assertEquals(0.4, t.inverseTemperature(), 4 / Math.sqrt(info));
        double beta = t.inverseTemperature();
        double at = TemperatureScaling.negativeLogLikelihood(cal, yCal, beta);
        assertTrue(at <= TemperatureScaling.negativeLogLikelihood(cal, yCal, beta * 1.01));
        assertTrue(at <= TemperatureScaling.negativeLogLikelihood(cal, yCal, beta * 0.99));
        assertTrue(TemperatureScaling.negativeLogLikelihood(test, yTest, beta)
                < TemperatureScaling.negativeLogLikelihood(test, yTest, 1) - 0.1);
        // through probabilities: log p differs from z by a per-row constant, which softmax ignores
        double[][] probs = new TemperatureScaling.Fitted(1).applyLogits(cal);
        assertEquals(beta, new TemperatureScaling().fit(probs, yCal).inverseTemperature(), 1e-6);
    }

    @Test
    void temperatureScalingNeverChangesThePredictedClass() {
        double[][] p = {{0.7, 0.2, 0.1}, {0.1, 0.5, 0.4}, {0.3, 0.3, 0.4}};
        double[][] out = new TemperatureScaling.Fitted(0.3).apply(p);
        for (int i = 0; i < p.length; i++) {
            assertEquals(argmax(p[i]), argmax(out[i]));
        }
    }

    private static int argmax(double[] v) {
        int a = 0;
        for (int k = 1; k < v.length; k++) {
            if (v[k] > v[a]) {
                a = k;
            }
        }
        return a;
    }
}
