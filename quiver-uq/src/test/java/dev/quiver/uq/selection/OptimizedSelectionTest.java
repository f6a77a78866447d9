package dev.quiver.uq.selection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.core.seed.Seeds;
import dev.quiver.uq.model.RegressionModel;
import dev.quiver.uq.model.linear.LinearRegression;
import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * OptCS-MSel: the one-pass auxiliary BH against a direct computation, invariance to duplicated models, and FDR
 * control next to BH with each single model on a small seeded simulation.
 */
class OptimizedSelectionTest {
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
    void onePassAuxiliaryBhMatchesSortingAndBh(long seed) {
        UniformRandomProvider rng = Seeds.of(seed).rng();
        int n = 1 + rng.nextInt(12);
        int m = 1 + rng.nextInt(15);
        double q = new double[] {0.1, 0.3, 0.5, 0.9}[rng.nextInt(4)];
        double[] cal = new double[n];
        for (int i = 0; i < n; i++) {
            cal[i] = rng.nextInt(3) == 0 ? Double.POSITIVE_INFINITY : rng.nextInt(6); // ties and +inf
        }
        double[] test = new double[m];
        for (int l = 0; l < m; l++) {
            test[l] = rng.nextInt(6);
        }
        double[] sorted = ConformalPValues.sortedScores(cal);
        int[] atMost = new int[m];
        for (int l = 0; l < m; l++) {
            atMost[l] = ConformalPValues.countAtMost(sorted, test[l]);
        }
        Integer[] boxed = new Integer[m];
        for (int l = 0; l < m; l++) {
            boxed[l] = l;
        }
        Arrays.sort(boxed, (a, b) -> Double.compare(test[a], test[b]));
        int[] order = Arrays.stream(boxed).mapToInt(Integer::intValue).toArray();
        for (int j = 0; j < m; j++) {
            double[] p = new double[m];
            for (int l = 0; l < m; l++) {
                p[l] = l == j ? 0 : (atMost[l] + (test[j] <= test[l] ? 1 : 0)) / (n + 1.0);
            }
            assertEquals(BenjaminiHochberg.rejections(p, q),
                    OptimizedConformalSelection.auxiliaryRejections(test, atMost, order, n, j, q), "unit " + j);
        }
    }

    @Test
    void eValuesAreZeroOrMOverQR() {
        Case c = Case.draw(new SelectionSimulation(6, 0.5), Seeds.of(3), 100, 60);
        OptimizedSelection s = new OptimizedConformalSelection(0, 0.2).select(c.calPred, c.cal.y(), c.testPred,
                Seeds.of(4).rng());
        int m = c.testPred[0].length;
        for (int j = 0; j < m; j++) {
            double e = s.eValues()[j];
            int r = s.referenceSizes()[j];
            assertTrue(r >= 1 && r <= m);
            if (s.pValues()[j] * m <= 0.2 * r * (1 + 1e-12)) {
                assertEquals(m / (0.2 * r), e, 1e-12);
            } else {
                assertEquals(0, e);
            }
        }
        // a selected unit's e-value passes the e-BH line
        for (int j : s.selected()) {
            assertTrue(s.eValues()[j] * 0.2 * s.size() >= m * (1 - 1e-12));
        }
    }

    @Test
    void duplicatedModelsLeaveTheReferenceSizesUnchanged() {
        Case c = Case.draw(new SelectionSimulation(7, 0.5), Seeds.of(5), 100, 40);
        OptimizedConformalSelection opt = new OptimizedConformalSelection(0, 0.3);
        OptimizedSelection a = opt.select(new double[][] {c.calPred[1]}, c.cal.y(), new double[][] {c.testPred[1]},
                Seeds.of(6).rng());
        OptimizedSelection b = opt.select(new double[][] {c.calPred[1], c.calPred[1]}, c.cal.y(),
                new double[][] {c.testPred[1], c.testPred[1]}, Seeds.of(6).rng());
        // R_j is deterministic; the copies tie for every unit, so the choice is a fair coin (40 units: both sides
        // chosen with probability 1 - 2^-39)
        assertArrayEquals(a.referenceSizes(), b.referenceSizes());
        int[] counts = b.modelCounts(2);
        assertTrue(counts[0] > 0 && counts[1] > 0, Arrays.toString(counts));
    }

    @Test
    void sameSeedSameSelection() {
        Case c = Case.draw(new SelectionSimulation(3, 0.5), Seeds.of(8), 100, 50);
        OptimizedConformalSelection opt = new OptimizedConformalSelection(0, 0.2);
        assertEquals(opt.select(c.calPred, c.cal.y(), c.testPred, Seeds.of(9).rng()),
                opt.select(c.calPred, c.cal.y(), c.testPred, Seeds.of(9).rng()));
    }

    /**
     * FDR control over R = 300 seeded repetitions of Jin and Candès's setting 6 (σ = 0.5, n_train = 200,
     * n_calib = 200, m = 50, q = 0.2) with three models — the true mean μ(x) (an oracle "pre-trained" model),
     * OLS fitted on the training units, and pure noise — for BH with each and OptCS with β = 1 and 0.9. The
     * bound: FDR ≤ q in finite samples, so the average FDP over R independent repetitions should not exceed
     * q + 3 ŝ/√R (ŝ the FDPs' standard deviation; a false alarm has probability about 0.0013 per row under the
     * normal approximation). OptCS must also beat BH with the noise model and with OLS in power, as the model
     * it would pick is the oracle.
     */
    @Test
    void fdrIsControlledAndOptCsFindsTheBetterModel() {
        int reps = 300;
        double q = 0.2;
        SelectionSimulation sim = new SelectionSimulation(6, 0.5);
        double[][] fdp = new double[5][reps];
        double[][] power = new double[5][reps];
        int oracleChoices = 0;
        int units = 0;
        for (int r = 0; r < reps; r++) {
            Seeds seeds = Seeds.of(2024).child("rep", r);
            Case c = Case.draw(sim, seeds, 200, 50);
            double[] yTest = c.test.y();
            for (int k = 0; k < 3; k++) {
                Selection s = ConformalSelection.clipped(0, q).select(c.calPred[k], c.cal.y(), c.testPred[k],
                        seeds.child("bh", k).rng());
                fdp[k][r] = SelectionMetrics.falseDiscoveryProportion(s.selected(), yTest, 0);
                power[k][r] = SelectionMetrics.power(s.selected(), yTest, 0);
            }
            OptimizedSelection o = new OptimizedConformalSelection(0, q).select(c.calPred, c.cal.y(), c.testPred,
                    seeds.child("optcs").rng());
            fdp[3][r] = SelectionMetrics.falseDiscoveryProportion(o.selected(), yTest, 0);
            power[3][r] = SelectionMetrics.power(o.selected(), yTest, 0);
            oracleChoices += o.modelCounts(3)[0];
            OptimizedSelection b = new OptimizedConformalSelection(0, q, 0.9).select(c.calPred, c.cal.y(), c.testPred,
                    seeds.child("optcs").rng());
            fdp[4][r] = SelectionMetrics.falseDiscoveryProportion(b.selected(), yTest, 0);
            power[4][r] = SelectionMetrics.power(b.selected(), yTest, 0);
            units += yTest.length;
        }
        String[] names = {"oracle", "ols", "noise", "optcs", "optcs beta 0.9"};
        for (int k = 0; k < 5; k++) {
            double mean = mean(fdp[k]);
            double bound = q + 3 * sd(fdp[k]) / Math.sqrt(reps);
            assertTrue(mean <= bound, names[k] + ": mean FDP " + mean + " above " + bound);
        }
        assertTrue(mean(power[3]) > mean(power[1]) && mean(power[3]) > mean(power[2]),
                "OptCS power " + mean(power[3]) + " vs OLS " + mean(power[1]) + ", noise " + mean(power[2]));
        assertTrue(oracleChoices > units / 2, "the oracle model was chosen for " + oracleChoices + " of " + units);
    }

    /** Calibration and test samples with [model][unit] predictions of the oracle, OLS and noise models. */
    private record Case(SelectionSimulation.Sample cal, SelectionSimulation.Sample test, double[][] calPred,
            double[][] testPred) {
        static Case draw(SelectionSimulation sim, Seeds seeds, int n, int m) {
            SelectionSimulation.Sample train = sim.sample(n, seeds.child("train").rng());
            SelectionSimulation.Sample cal = sim.sample(n, seeds.child("calibration").rng());
            SelectionSimulation.Sample test = sim.sample(m, seeds.child("test").rng());
            RegressionModel ols = LinearRegression.ols().fit(train.x(), train.y(), seeds.child("ols"));
            UniformRandomProvider noise = seeds.child("noise").rng();
            return new Case(cal, test, new double[][] {cal.mean(), ols.predict(cal.x()), noise(n, noise)},
                    new double[][] {test.mean(), ols.predict(test.x()), noise(m, noise)});
        }

        private static double[] noise(int n, UniformRandomProvider rng) {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = rng.nextDouble();
            }
            return v;
        }
    }

    private static double mean(double[] v) {
        return Arrays.stream(v).average().orElseThrow();
    }

    private static double sd(double[] v) {
        double m = mean(v);
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return Math.sqrt(s / (v.length - 1));
    }

}
