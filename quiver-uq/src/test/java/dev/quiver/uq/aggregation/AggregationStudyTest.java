package dev.quiver.uq.aggregation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.core.seed.Seeds;
import dev.quiver.uq.Synthetic;
import dev.quiver.uq.data.TabularDataset;
import dev.quiver.uq.model.ResidualQuantileRegressor;
import dev.quiver.uq.model.linear.LinearQuantileRegression;
import dev.quiver.uq.model.linear.LinearRegression;
import dev.quiver.uq.model.mlp.MlpConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One split of the aggregation study on synthetic heteroscedastic data with cheap base models: every method is
 * scored, post-processing never raises a row's WIS, the study is deterministic, and aggregating an exact-family
 * model (linear quantile regression, every conditional quantile is linear here) with a homoscedastic one does not
 * do worse than the better of the two by more than 2% (sampling noise of 600 test rows).
 */
class AggregationStudyTest {
    private static AggregationStudy study() {
        return new AggregationStudy(AggregationStudy.defaultLevels(), List.of(
                new BaseModel("linear-qr", LinearQuantileRegression.defaults()),
                new BaseModel("ols-residual", new ResidualQuantileRegressor(LinearRegression.ols(), 5))),
                GlobalAggregator.defaults().withIterations(200),
                LocalAggregator.defaults().withNetwork(MlpConfig.defaults().withHidden(8).withEpochs(5)), 0.2, 0.2, 0.2,
                3000);
    }

    private static TabularDataset data() {
        Synthetic.Data d = Synthetic.heteroscedastic(4000, Seeds.of(21).rng());
        return TabularDataset.regression(d.x(), d.y(), List.of("x1", "x2"), "y");
    }

    @Test
    void scoresEveryMethodAndPostProcessingNeverHurts() {
        AggregationSplit s = study().run(data(), Seeds.of(5));
        assertEquals(List.of("linear-qr", "ols-residual", "select", "mean", "global-coarse", "global-medium",
                "global-fine", "local-medium"), List.copyOf(s.scores().keySet()));
        assertEquals(3000, s.train() + s.aggregation() + s.calibration() + s.test());
        double best = Math.min(s.scores().get("linear-qr").wisSorted(), s.scores().get("ols-residual").wisSorted());
        for (var e : s.scores().entrySet()) {
            MethodScores m = e.getValue();
            assertTrue(m.maxSortIncrease() <= 1e-12 && m.maxIsotonicIncrease() <= 1e-12, e.getKey());
            assertTrue(m.wisSorted() <= m.wisRaw() + 1e-12 && m.wisIsotonic() <= m.wisRaw() + 1e-12, e.getKey());
            if (e.getKey().startsWith("global")) {
                assertTrue(m.wisSorted() <= 1.02 * best, e.getKey() + " " + m.wisSorted() + " vs best base " + best);
            }
        }
    }

    @Test
    void sameSeedsSameScores() {
        AggregationSplit a = study().run(data(), Seeds.of(6));
        AggregationSplit b = study().run(data(), Seeds.of(6));
        assertEquals(a.scores(), b.scores());
        assertEquals(a.selected(), b.selected());
    }
}
