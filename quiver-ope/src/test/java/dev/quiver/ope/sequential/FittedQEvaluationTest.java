package dev.quiver.ope.sequential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.core.estimate.Estimate;
import dev.quiver.core.seed.Seeds;
import dev.quiver.core.tabular.TabularModel;
import dev.quiver.data.dataset.EpisodeDataset;
import dev.quiver.envs.solve.ValueIteration;
import dev.quiver.envs.toytext.FrozenLake;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FittedQEvaluationTest {
    private static final double GAMMA = 0.9;
    private static final int HORIZON = 100;
    private static TabularModel lake;
    private static double[][] evaluation;
    private static OffPolicyData data;
    private static double truth;

    /** Deterministic FrozenLake 4x4; behaviour: epsilon 0.5 mixture of the optimal policy; evaluation: epsilon 0.1. */
    @BeforeAll
    static void data() {
        lake = new FrozenLake("4x4", false);
        int[] greedy = ValueIteration.solve(lake, 0.99, 1e-10).greedyActions();
        double[][] behaviour = TabularOpe.epsilonGreedy(greedy, 4, 0.5);
        evaluation = TabularOpe.epsilonGreedy(greedy, 4, 0.1);
        truth = TabularOpe.trueValue(lake, evaluation, GAMMA, HORIZON);
        EpisodeDataset ds = TabularOpe.simulate(lake, behaviour, 200, HORIZON, Seeds.of(11).rng());
        data = OffPolicyData.of(ds, TabularOpe.onOneHot(evaluation), TabularOpe.onOneHot(behaviour));
    }

    /**
     * A linear model on one-hot states is a table, and with deterministic moves the empirical Bellman operator is
     * the true one on every visited state-action pair, so FQE's fixed point is the true Q: what is left is the
     * optimisation error (60 target copies leave 0.9^60 = 0.002 of the initial error) and the time limit, which
     * the stationary model ignores (0.9^100 = 3e-5). Tolerance 0.01, about 2% of the value.
     */
    @Test
    void aTabularModelLandsOnTheExactValue() {
        FqeConfig cfg = FqeConfig.defaults().withHidden(List.of()).withLearningRate(5e-2).withSteps(600)
                .withTargetUpdateInterval(10).withNormalizeObservations(false);
        SequentialOpeConfig ope = SequentialOpeConfig.defaults().withGamma(GAMMA).withBootstrapReps(200).withSeed(3);
        FittedQEvaluation fqe = new FittedQEvaluation(cfg);
        try (FqeModel model = fqe.fit(data, GAMMA, 3)) {
            Estimate e = fqe.estimate(model, data, ope);
            assertEquals(truth, e.point(), 0.01, e + " vs truth " + truth);
            // every episode starts in state 0, so the fixed-model interval has zero width
            assertEquals(e.low(), e.high(), 1e-9);
            // DR with FQE's model: unbiased whatever the model, and close to the truth with a good one
            Estimate dr = DoublyRobust.of(model).estimate(data, ope);
            assertEquals(truth, dr.point(), 0.05, dr.toString());
            double[] q = new double[4];
            model.values(oneHot(0), 0, q);
            double v0 = 0;
            for (int a = 0; a < 4; a++) {
                v0 += evaluation[0][a] * q[a];
            }
            assertEquals(e.point(), v0, 1e-6);
        }
    }

    /** Same seed, same fit; refits give a real interval around the point. */
    @Test
    void isReproducibleAndRefitsGiveAnInterval() {
        FqeConfig cfg = FqeConfig.defaults().withHidden(List.of(16)).withSteps(60).withBatchSize(32)
                .withTargetUpdateInterval(20);
        SequentialOpeConfig ope = SequentialOpeConfig.defaults().withGamma(GAMMA).withBootstrapReps(50).withSeed(5);
        Estimate a = new FittedQEvaluation(cfg).estimate(data, ope);
        assertEquals(a, new FittedQEvaluation(cfg).estimate(data, ope));
        Estimate refit = new FittedQEvaluation(cfg.withBootstrapRefits(3)).estimate(data, ope);
        assertEquals(a.point(), refit.point(), 0.0);
        assertTrue(refit.high() > refit.low(), refit.toString());
        assertTrue(refit.method().contains("3 refits"), refit.method());
    }

    private static float[] oneHot(int s) {
        float[] x = new float[16];
        x[s] = 1f;
        return x;
    }
}
