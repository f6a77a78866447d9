package dev.quiver.rl.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.core.error.QuiverUserException;
import dev.quiver.core.registry.Envs;
import dev.quiver.data.corrupt.CorruptedDataset;
import dev.quiver.data.corrupt.CorruptionConfig;
import dev.quiver.data.corrupt.CorruptionKind;
import dev.quiver.data.corrupt.CorruptionMode;
import dev.quiver.data.corrupt.DataCorruption;
import dev.quiver.data.corrupt.PgdConfig;
import dev.quiver.data.dataset.EpisodeDataset;
import dev.quiver.rl.Algorithms;
import dev.quiver.rl.agent.TrainedPolicy;
import dev.quiver.rl.agent.TrainingCallback;
import dev.quiver.rl.offline.bc.BcConfig;
import dev.quiver.rl.offline.td3bc.Td3BcConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TD3+BC's saved critic as the model that P17's adversarial corruption attacks. */
class CriticAttackModelTest {
    private static EpisodeDataset data;

    @TempDir
    Path tmp;

    @BeforeAll
    static void collect() {
        data = TestDatasets.continuous("Pendulum-v1", ScriptedPolicies.pendulum(), 4, 0.3, 3);
    }

    private static TrainedPolicy<?> td3bc() {
        var spec = Envs.make("Pendulum-v1").spec();
        return Td3BcConfig.defaults().withHidden(32, 32).withBatchSize(64).build(spec).fit(data, 200, 1,
                TrainingCallback.NONE);
    }

    /**
     * The gradients in dataset units match central differences of the values (the networks are piecewise
     * linear, so the differences are exact up to float rounding of Q, about 1e-6 |Q| / h); the saved and
     * reloaded checkpoint gives the same values.
     */
    @Test
    void gradientsMatchFiniteDifferencesAndSurviveSaveLoad() {
        Path dir = tmp.resolve("td3bc");
        try (TrainedPolicy<?> policy = td3bc()) {
            policy.save(dir);
            CriticAttackModel model = CriticAttackModel.of(policy, "test");
            assertEquals(3, model.obsDim());
            assertEquals(1, model.actDim());
            float[] s = {0.6f, -0.8f, 1.5f};
            float[] a = {0.7f};
            double[] q = new double[1];
            double[] gs = new double[3];
            double[] ga = new double[1];
            model.q(s, a, 1, q, gs, ga);
            double h = 1e-2;
            for (int j = 0; j < 3; j++) {
                float[] up = s.clone();
                float[] down = s.clone();
                up[j] += (float) h;
                down[j] -= (float) h;
                double fd = (value(model, up, a) - value(model, down, a)) / (up[j] - down[j]);
                assertEquals(fd, gs[j], 0.02 + 0.02 * Math.abs(gs[j]), "dQ/ds_" + j);
            }
            double fdA = (value(model, s, new float[] {0.71f}) - value(model, s, new float[] {0.69f})) / 0.02f;
            assertEquals(fdA, ga[0], 0.02 + 0.02 * Math.abs(ga[0]), "dQ/da");
            double[] v = new double[1];
            double[] gv = new double[3];
            model.policyValue(s, 1, v, gv);
            assertTrue(Double.isFinite(v[0]) && Double.isFinite(gv[0]));
            try (TrainedPolicy<?> back = Algorithms.load(dir)) {
                double[] q2 = new double[1];
                CriticAttackModel.of(back, dir.toString()).q(s, a, 1, q2, null, null);
                assertEquals(q[0], q2[0], 0.0, "the reloaded critic is the saved one");
            }
        }
    }

    private static double value(CriticAttackModel model, float[] s, float[] a) {
        double[] q = new double[1];
        model.q(s, a, 1, q, null, null);
        return q[0];
    }

    /** Adversarial observation and action corruption push the critic's mean value down on the attacked rows. */
    @Test
    void adversarialCorruptionLowersTheCriticsValues() {
        try (TrainedPolicy<?> policy = td3bc()) {
            CriticAttackModel model = CriticAttackModel.of(policy, "test");
            for (CorruptionKind kind : new CorruptionKind[] {CorruptionKind.OBSERVATION, CorruptionKind.ACTION}) {
                CorruptedDataset r = DataCorruption.corrupt(data, new CorruptionConfig(kind,
                        CorruptionMode.ADVERSARIAL, 0.3, 1.0, 7), model, new PgdConfig(20, 0.05, 4096));
                assertTrue(r.numCorrupted() > 0);
                assertTrue(r.attackValueAfter() < r.attackValueBefore(), kind + ": " + r.attackValueBefore()
                        + " -> " + r.attackValueAfter());
            }
        }
    }

    @Test
    void aPolicyWithoutACriticIsAClearError() {
        var spec = Envs.make("Pendulum-v1").spec();
        try (TrainedPolicy<?> bc = BcConfig.defaults().withHidden(16, 16).build(spec).fit(data, 5, 1,
                TrainingCallback.NONE)) {
            QuiverUserException e = assertThrows(QuiverUserException.class, () -> CriticAttackModel.of(bc, "ck/bc"));
            assertTrue(e.getMessage().contains("ck/bc") && e.getMessage().contains("TD3+BC"), e.getMessage());
        }
    }
}
