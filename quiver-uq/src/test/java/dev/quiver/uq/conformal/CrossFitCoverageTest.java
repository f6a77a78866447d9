package dev.quiver.uq.conformal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.core.seed.Seeds;
import dev.quiver.uq.Synthetic;
import dev.quiver.uq.conformal.regression.ConformalRegressor;
import dev.quiver.uq.conformal.regression.CvPlus;
import dev.quiver.uq.conformal.regression.JackknifePlusAfterBootstrap;
import dev.quiver.uq.data.Matrix;
import dev.quiver.uq.metrics.IntervalMetrics;
import dev.quiver.uq.model.RegressionModel;
import dev.quiver.uq.model.Regressor;
import dev.quiver.uq.model.linear.LinearRegression;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Jackknife+, CV+ and jackknife+-after-bootstrap: coverage at least 1 − 2α (Barber et al. 2021, Theorem 1;
 * Kim et al. 2020, Theorem 1; for CV+ the bound 1 − 2α − √(2/n) is weaker, we check 1 − 2α which it
 * clears by far), over R = 200 seeded repetitions; the average is accepted when above the bound minus 4
 * empirical standard errors of the average. Plus a hand-computed jackknife+ interval.
 */
class CrossFitCoverageTest {
    private static final int REPS = 200;
    private static final int N = 60;
    private static final int N_TEST = 100;
    private static final double ALPHA = 0.1;

    static Stream<Arguments> methods() {
        return Stream.of(Arguments.of(CvPlus.jackknifePlus(LinearRegression.ols(), ALPHA)),
                Arguments.of(CvPlus.cvPlus(LinearRegression.ols(), ALPHA, 5)),
                Arguments.of(JackknifePlusAfterBootstrap.of(LinearRegression.ridge(0.1), ALPHA, 20)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("methods")
    void coverageIsAtLeastOneMinusTwoAlpha(ConformalRegressor method) {
        double[] cov = new double[REPS];
        double sum = 0;
        for (int r = 0; r < REPS; r++) {
            Seeds seeds = Seeds.of(3).child("rep", r);
            Synthetic.Data d = Synthetic.heteroscedastic(N + N_TEST, seeds.child("data").rng());
            PredictionIntervals pi = method.fit(Synthetic.rows(d.x(), 0, N), Synthetic.slice(d.y(), 0, N), seeds)
                    .predict(Synthetic.rows(d.x(), N, N_TEST));
            cov[r] = IntervalMetrics.coverage(pi, Synthetic.slice(d.y(), N, N_TEST));
            sum += cov[r];
        }
        double avg = sum / REPS;
        double ss = 0;
        for (double c : cov) {
            ss += (c - avg) * (c - avg);
        }
        double se = Math.sqrt(ss / (REPS - 1) / REPS);
        assertTrue(avg >= 1 - 2 * ALPHA - 4 * se, method.name() + ": mean coverage " + avg + " below 1 - 2 alpha - 4 se");
    }

    @Test
    void jackknifePlusMatchesAHandComputation() {
        // Model: the mean of the training targets (ignores x). y = 1, 2, 4, 7 (n = 4), alpha = 0.2.
        Regressor mean = (x, y, s) -> {
            double m = java.util.Arrays.stream(y).average().orElseThrow();
            return (RegressionModel) rows -> {
                double[] out = new double[rows.rows()];
                java.util.Arrays.fill(out, m);
                return out;
            };
        };
        double[] y = {1, 2, 4, 7};
        Matrix x = Matrix.of(new double[][] {{0}, {0}, {0}, {0}});
        // leave-one-out means: 13/3, 4, 10/3, 7/3; residuals |y_i - mu_-i|: 10/3, 2, 2/3, 14/3
        // upper values mu_-i + R_i: 23/3, 6, 4, 7 -> rank ceil(0.8 * 5) = 4 of 4 -> 23/3
        // lower values mu_-i - R_i: 1, 2, 8/3, -7/3 -> rank floor(0.2 * 5) = 1 -> -7/3
        PredictionIntervals pi = CvPlus.jackknifePlus(mean, 0.2).fit(x, y, Seeds.of(0))
                .predict(Matrix.of(new double[][] {{5}}));
        assertEquals(-7 / 3.0, pi.lower(0), 1e-12);
        assertEquals(23 / 3.0, pi.upper(0), 1e-12);
    }

    @Test
    void linearDownDatesGiveTheSameIntervalsAsRefitting() {
        Synthetic.Data d = Synthetic.heteroscedastic(80, Seeds.of(11).rng());
        LinearRegression ridge = LinearRegression.ridge(0.5);
        Regressor refit = ridge::fit; // the interface's default fitLeavingOut: refit each complement
        Matrix test = Synthetic.rows(d.x(), 0, 10);
        for (int folds : new int[] {CvPlus.LEAVE_ONE_OUT, 4}) {
            PredictionIntervals fast = new CvPlus(ridge, 0.1, folds).fit(d.x(), d.y(), Seeds.of(1)).predict(test);
            PredictionIntervals slow = new CvPlus(refit, 0.1, folds).fit(d.x(), d.y(), Seeds.of(1)).predict(test);
            assertArrayEquals(slow.lowers(), fast.lowers(), 1e-9);
            assertArrayEquals(slow.uppers(), fast.uppers(), 1e-9);
        }
    }

    @Test
    void sameSeedsGiveIdenticalIntervals() {
        Synthetic.Data d = Synthetic.heteroscedastic(50, Seeds.of(2).rng());
        JackknifePlusAfterBootstrap m = JackknifePlusAfterBootstrap.of(LinearRegression.ols(), 0.1, 10);
        PredictionIntervals a = m.fit(d.x(), d.y(), Seeds.of(4)).predict(d.x());
        PredictionIntervals b = m.fit(d.x(), d.y(), Seeds.of(4)).predict(d.x());
        assertArrayEquals(a.lowers(), b.lowers());
        assertArrayEquals(a.uppers(), b.uppers());
    }
}
