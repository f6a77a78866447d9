package dev.quiver.ope.bandit.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.ope.bandit.Estimators;
import dev.quiver.ope.bandit.policy.ScorePolicy;
import dev.quiver.ope.bandit.synthetic.SyntheticBanditConfig;
import dev.quiver.ope.model.RidgeRewardModel;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The synthetic benchmark is deterministic and its cells are consistent. */
class SyntheticExperimentTest {
    @Test
    void deterministicAndConsistent() {
        SyntheticExperiment e = new SyntheticExperiment(SyntheticBanditConfig.defaults().withBeta(-3),
                ScorePolicy.epsilonGreedy(0.3), new int[] {300, 600}, 5,
                List.of(Estimators.byName("ipw"), Estimators.byName("dm")), RidgeRewardModel.defaults(), 2, 20_000, 4);
        int[] calls = new int[1];
        SyntheticExperiment.Result a = e.run(done -> calls[0] = done);
        SyntheticExperiment.Result b = e.run(done -> { });
        assertEquals(10, calls[0], "one progress call per replication");
        assertEquals(a, b);
        assertEquals(4, a.cells().size());
        for (SyntheticExperiment.Cell c : a.cells()) {
            // MSE = bias^2 + (R-1)/R var >= bias^2
            assertTrue(c.mse() >= c.bias() * c.bias() - 1e-15, c.toString());
            assertTrue(c.biasSe() > 0 && c.mseSe() > 0, c.toString());
        }
        assertEquals(300, a.cells().get(0).n());
        assertEquals("dm", a.cells().get(1).estimator());
    }
}
