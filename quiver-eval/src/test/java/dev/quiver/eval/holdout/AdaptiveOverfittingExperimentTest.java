package dev.quiver.eval.holdout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.eval.holdout.AdaptiveOverfittingExperiment.Config;
import dev.quiver.eval.holdout.AdaptiveOverfittingExperiment.Result;
import dev.quiver.eval.holdout.AdaptiveOverfittingExperiment.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;

/**
 * The paper's experiment at a reduced size (n = d = 1000 instead of 10,000; thresholds scale with
 * 1/sqrt(n)). Bounds are in binomial standard errors of one holdout accuracy, {@code sqrt(0.25 / n)} =
 * 0.016: the averages over repetitions are much tighter than that.
 */
class AdaptiveOverfittingExperimentTest {
    private static final int N = 1000;
    private static final double SE = Math.sqrt(0.25 / N);

    private static Config reduced() {
        return Config.paper().withN(N).withD(1000).withRepetitions(10).withSeed(2015);
    }

    private static Row last(Result r) {
        return r.rows().get(r.rows().size() - 1);
    }

    private static Row row(Result r, int k) {
        return r.rows().stream().filter(x -> x.k() == k).findFirst().orElseThrow();
    }

    @Test
    void withoutSignalTheStandardHoldoutOverfitsAndThresholdoutDoesNot() {
        Result r = AdaptiveOverfittingExperiment.run(reduced());
        assertEquals(AdaptiveOverfittingExperiment.PAPER_KS, r.rows().stream().map(Row::k).toList());
        Row k500 = last(r);
        assertEquals(500, k500.k());
        // standard holdout: the reported accuracy climbs far above chance, the truth stays at chance
        assertTrue(k500.standardHoldout().mean() >= 0.5 + 5 * SE, "standard holdout: " + k500.standardHoldout());
        assertTrue(k500.standardTrain().mean() >= 0.5 + 5 * SE, "training: " + k500.standardTrain());
        assertEquals(0.5, k500.standardFresh().mean(), 3 * SE, "fresh: " + k500.standardFresh());
        // Thresholdout: the reported accuracy stays near chance although training accuracy soars
        assertEquals(0.5, k500.thresholdoutHoldout().mean(), 4 * SE, "Thresholdout: " + k500.thresholdoutHoldout());
        assertTrue(k500.thresholdoutTrain().mean() >= 0.5 + 10 * SE, "training: " + k500.thresholdoutTrain());
        assertEquals(0.5, k500.thresholdoutFresh().mean(), 3 * SE, "fresh: " + k500.thresholdoutFresh());
        double t = reduced().threshold(); // 4 / sqrt(n) = 0.126 here (0.04 at the paper's n)
        for (Row row : r.rows()) {
            // where training and holdout agree to within T, Thresholdout reports the training value: off by up to T
            assertEquals(row.thresholdoutFresh().mean(), row.thresholdoutHoldout().mean(), t + 3 * SE, "k = " + row.k());
            assertEquals(0.5, row.standardFresh().mean(), 3 * SE, "k = " + row.k());
        }
        Row k0 = r.rows().get(0);
        assertEquals(0.5, k0.standardHoldout().mean(), 0.0, "k = 0 is no classifier: 0.5 as in the released code");
        // about 5% of the attributes pass both checks by chance (2 * P(Z > 1)^2)
        assertEquals(0.05 * 1000, r.standardSelected().mean(), 15);
        assertTrue(r.overThresholdAnswers().mean() > 0, "Thresholdout revealed some holdout values");
    }

    @Test
    void withSignalBothHoldoutsFindIt() {
        Result r = AdaptiveOverfittingExperiment.run(reduced().withSignal());
        Row k20 = row(r, 20);
        assertTrue(k20.standardFresh().mean() >= 0.5 + 8 * SE, "standard, fresh: " + k20.standardFresh());
        assertTrue(k20.thresholdoutFresh().mean() >= 0.5 + 8 * SE, "Thresholdout, fresh: " + k20.thresholdoutFresh());
        assertTrue(last(r).standardFresh().mean() >= 0.5 + 5 * SE);
        assertTrue(last(r).thresholdoutFresh().mean() >= 0.5 + 3 * SE);
        // Thresholdout's report is close to the truth where the classifier has few attributes
        assertEquals(k20.thresholdoutFresh().mean(), k20.thresholdoutHoldout().mean(), 3 * SE);
    }

    @Test
    void resultsDependOnlyOnTheConfigNotOnThreads() throws Exception {
        Config c = reduced().withRepetitions(2).withD(300).withKs(List.of(0, 5, 50, 300));
        Result a = AdaptiveOverfittingExperiment.run(c);
        ForkJoinPool one = new ForkJoinPool(1);
        try {
            Result b = one.submit(() -> AdaptiveOverfittingExperiment.run(c)).get();
            assertEquals(a, b);
        } finally {
            one.shutdown();
        }
        assertNotEquals(a, AdaptiveOverfittingExperiment.run(c.withSeed(1)));
        List<Integer> done = new ArrayList<>();
        AdaptiveOverfittingExperiment.run(c, done::add);
        assertEquals(List.of(1, 2), done);
    }

    @Test
    void laplaceNoiseRunsThePseudoCode() {
        Result r = AdaptiveOverfittingExperiment.run(reduced().withRepetitions(2).withNoise(ReusableHoldout.Noise.LAPLACE));
        assertEquals(ReusableHoldout.Noise.LAPLACE, r.config().noise());
        assertTrue(r.overThresholdAnswers().mean() > 0);
    }

    @Test
    void paperConfigAndValidation() {
        Config p = Config.paper();
        assertEquals(10_000, p.n());
        assertEquals(10_000, p.d());
        assertEquals(100, p.repetitions());
        assertEquals(0.04, p.threshold(), 1e-15);
        assertEquals(0.01, p.sigma(), 1e-15);
        assertEquals(0.01, p.selectionThreshold(), 1e-15);
        assertEquals(0, p.signalShift());
        assertEquals(0.06, p.withSignal().signalShift(), 1e-15);
        assertEquals(20, p.withSignal().signalFeatures());
        assertEquals(ReusableHoldout.Noise.GAUSSIAN, p.noise());
        assertEquals(List.of(0, 10, 20, 30), p.withD(30).ks());
        assertTrue(p.describe().contains("T = 0.04"), p.describe());
        assertThrows(IllegalArgumentException.class, () -> p.withKs(List.of(10, 5)));
        assertThrows(IllegalArgumentException.class, () -> p.withKs(List.of()));
        assertThrows(IllegalArgumentException.class, () -> p.withKs(List.of(0, 20_000)));
        assertThrows(IllegalArgumentException.class, () -> p.withN(0));
        assertThrows(IllegalArgumentException.class, () -> p.withRepetitions(0));
        assertThrows(IllegalArgumentException.class, () -> p.withSignal(-1, 6));
        assertEquals(List.of(0, 10, 20, 30), AdaptiveOverfittingExperiment.grid(10, 35));
        assertThrows(IllegalArgumentException.class, () -> AdaptiveOverfittingExperiment.grid(0, 10));
    }

    @Test
    void oneRepetitionHasNoInterval() {
        Result r = AdaptiveOverfittingExperiment.run(reduced().withRepetitions(1).withD(100).withKs(List.of(0, 10)));
        assertTrue(Double.isNaN(last(r).standardHoldout().sd()));
        assertTrue(Double.isNaN(last(r).standardHoldout().interval().low()));
    }
}
