package dev.quiver.bandits.algo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.bandits.env.BanditSpec;
import dev.quiver.bandits.env.Context;
import dev.quiver.bandits.regress.Matrices;
import dev.quiver.bandits.regress.OnlineLogistic;
import dev.quiver.bandits.regress.OnlineRidge;
import dev.quiver.core.linalg.Cholesky;
import dev.quiver.core.seed.Seeds;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

/** The online oracles against batch solutions, and the algorithms' bookkeeping. */
class OraclesAndThompsonTest {

    @Test
    void onlineRidgeEqualsTheBatchRidgeSolution() {
        UniformRandomProvider rng = Seeds.of(3).rng();
        int d = 4;
        int n = 50;
        double lambda = 0.7;
        OnlineRidge ridge = new OnlineRidge(d, lambda, true);
        double[] a = Matrices.identity(d + 1, lambda);
        double[] b = new double[d + 1];
        for (int i = 0; i < n; i++) {
            double[] x = new double[d];
            for (int j = 0; j < d; j++) {
                x[j] = rng.nextDouble() * 2 - 1;
            }
            double y = rng.nextDouble();
            ridge.update(x, y);
            double[] z = java.util.Arrays.copyOf(x, d + 1);
            z[d] = 1;
            for (int r = 0; r <= d; r++) {
                b[r] += y * z[r];
                for (int c = 0; c <= d; c++) {
                    a[r * (d + 1) + c] += z[r] * z[c];
                }
            }
        }
        assertArrayEquals(Cholesky.factor(a, d + 1).solve(b), ridge.theta(), 1e-10);
    }

    @Test
    void onlineLogisticLearnsTheSignOfALogisticModel() {
        UniformRandomProvider rng = Seeds.of(4).rng();
        double[] w = {2, -1};
        OnlineLogistic model = new OnlineLogistic(2, 1);
        for (int i = 0; i < 3000; i++) {
            double[] x = {rng.nextDouble() * 2 - 1, rng.nextDouble() * 2 - 1};
            double p = OnlineLogistic.sigmoid(w[0] * x[0] + w[1] * x[1]);
            model.update(x, rng.nextDouble() < p ? 1 : 0);
        }
        // with 3000 examples the fitted probability at (1, 0) is near sigmoid(2) = 0.88 (standard error ~0.03)
        assertEquals(OnlineLogistic.sigmoid(2), model.predict(new double[] {1, 0}), 0.1);
        assertTrue(model.predict(new double[] {-1, 1}) < 0.2);
    }

    @Test
    void epsilonGreedyPullsEveryArmOnceThenExploitsTheBestMean() {
        EpsilonGreedy g = (EpsilonGreedy) EpsilonGreedyConfig.defaults().withEpsilon(0)
                .build(new BanditSpec(3, 0, 0, 1), Seeds.of(0));
        Context c = Context.empty(3);
        double[] rewards = {0.1, 0.9, 0.5};
        for (int a = 0; a < 3; a++) {
            assertEquals(a, g.select(c));
            g.update(c, a, rewards[a]);
        }
        assertEquals(1, g.select(c));
        assertEquals(0.5, EpsilonGreedyConfig.defaults().withDecay(1).rate(6, 3), 1e-15);
    }

    @Test
    void sameSeedsGiveTheSameChoices() {
        BanditSpec spec = new BanditSpec(4, 3, -1, 1);
        for (AlgorithmConfig cfg : new AlgorithmConfig[] {LinTsConfig.defaults(), SquareCbConfig.defaults(),
            FastCbConfig.defaults(), BernoulliThompsonConfig.defaults(), GaussianThompsonConfig.defaults()}) {
            BanditAlgorithm a = cfg.build(spec, Seeds.of(9));
            BanditAlgorithm b = cfg.build(spec, Seeds.of(9));
            UniformRandomProvider rng = Seeds.of(1).rng();
            for (int t = 0; t < 200; t++) {
                double[][] x = new double[4][3];
                for (double[] row : x) {
                    for (int j = 0; j < 3; j++) {
                        row[j] = rng.nextDouble() - 0.5;
                    }
                }
                Context c = Context.of(x);
                int ka = a.select(c);
                assertEquals(ka, b.select(c), cfg.name() + " round " + t);
                double r = rng.nextDouble();
                a.update(c, ka, r);
                b.update(c, ka, r);
            }
        }
    }
}
