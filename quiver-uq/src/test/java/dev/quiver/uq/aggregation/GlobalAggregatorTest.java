package dev.quiver.uq.aggregation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The global aggregator: one-hot weights reproduce a base model exactly; fitted weights concentrate on a base
 * model that is exact (the pinball risk is minimised by the true quantiles, so any weight moved to a different
 * model raises the expected loss to second order; with n = 3000 fitting rows the sampling slope is small, and we
 * ask for at least 85% of the weight on the exact model); the fitted aggregate beats every base model but the
 * exact one on held-out rows; the fit is deterministic.
 */
class GlobalAggregatorTest {
    static Stream<Arguments> oneHotCases() {
        return Stream.of(Granularity.values()).flatMap(g -> Stream.of(0, 1, 2, 3).map(j -> Arguments.of(g, j)));
    }

    @ParameterizedTest
    @MethodSource("oneHotCases")
    void oneHotWeightsEqualThatBaseModel(Granularity g, int model) {
        ExactModelCase.Data d = ExactModelCase.generate(50, 1);
        int m = ExactModelCase.LEVELS.length;
        int groups = g.groups(m);
        int sources = g.sources(4, m);
        double[][] w = new double[groups][sources];
        for (int k = 0; k < groups; k++) {
            w[k][g == Granularity.FINE ? model * m + k : model] = 1.0;
        }
        double[][] out = GlobalAggregate.of(g, w, 4, m).aggregate(d.x(), d.base());
        double[][] expected = d.base().model(model);
        for (int i = 0; i < out.length; i++) {
            assertArrayEquals(expected[i], out[i], 0.0);
        }
    }

    @ParameterizedTest
    @EnumSource(Granularity.class)
    void fittedWeightsConcentrateOnTheExactModel(Granularity g) {
        ExactModelCase.Data fit = ExactModelCase.generate(3000, 2);
        GlobalAggregate a = GlobalAggregator.defaults().withGranularity(g).fit(fit.base(), fit.y(), ExactModelCase.LEVELS);
        double[] shares = a.modelShares();
        assertEquals(1.0, shares[0] + shares[1] + shares[2] + shares[3], 1e-9);
        if (g != Granularity.FINE) {
            // (fine weights may legitimately take model 1's quantile at a lower level, which equals the exact
            // quantile at a higher one: there only the aggregate's score is checked)
            assertTrue(shares[0] >= 0.85, g + ": share of the exact model " + shares[0] + " (all: "
                    + java.util.Arrays.toString(shares) + ")");
        }
        ExactModelCase.Data test = ExactModelCase.generate(20000, 3);
        double agg = QuantileLoss.meanWis(ExactModelCase.LEVELS, a.aggregate(test.x(), test.base()), test.y());
        double exact = QuantileLoss.meanWis(ExactModelCase.LEVELS, test.base().model(0), test.y());
        for (int j = 1; j < 4; j++) {
            double other = QuantileLoss.meanWis(ExactModelCase.LEVELS, test.base().model(j), test.y());
            assertTrue(agg < other, g + ": aggregate " + agg + " not below model " + j + "'s " + other);
        }
        // and within 1% of the exact model (a weight error of order 1/sqrt(n) costs second order)
        assertTrue(agg <= 1.01 * exact, g + ": aggregate " + agg + " vs exact " + exact);
    }

    @Test
    void fitIsDeterministic() {
        ExactModelCase.Data fit = ExactModelCase.generate(500, 4);
        GlobalAggregator c = GlobalAggregator.defaults().withGranularity(Granularity.FINE).withIterations(100);
        double[][] a = c.fit(fit.base(), fit.y(), ExactModelCase.LEVELS).weights();
        double[][] b = c.fit(fit.base(), fit.y(), ExactModelCase.LEVELS).weights();
        for (int k = 0; k < a.length; k++) {
            assertArrayEquals(a[k], b[k], 0.0);
        }
    }

    @Test
    void crossingPenaltyReducesCrossingOfTheAggregate() {
        // model 3 is noisy and crosses; with a heavy penalty the fitted aggregate crosses less than without
        ExactModelCase.Data fit = ExactModelCase.generate(1000, 5);
        GlobalAggregator base = GlobalAggregator.defaults().withGranularity(Granularity.FINE).withIterations(200);
        ExactModelCase.Data test = ExactModelCase.generate(2000, 6);
        double free = CrossingPenalty.noMargin().mean(ExactModelCase.LEVELS, base.withCrossingWeight(0)
                .fit(fit.base(), fit.y(), ExactModelCase.LEVELS).aggregate(test.x(), test.base()));
        double penalised = CrossingPenalty.noMargin().mean(ExactModelCase.LEVELS, base.withCrossingWeight(50)
                .fit(fit.base(), fit.y(), ExactModelCase.LEVELS).aggregate(test.x(), test.base()));
        assertTrue(penalised <= free, "penalised crossing " + penalised + " vs unpenalised " + free);
    }
}
