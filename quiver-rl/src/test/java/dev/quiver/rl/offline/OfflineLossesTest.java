package dev.quiver.rl.offline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.quiver.nn.runtime.NnRuntime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The offline losses against values computed by hand (float32 arithmetic: tolerances of a few ulps). */
class OfflineLossesTest {
    private static final float TOL = 1e-5f;
    private static NDManager m;

    @BeforeAll
    static void start() {
        m = NnRuntime.engine().newBaseManager();
    }

    @AfterAll
    static void stop() {
        m.close();
    }

    private static NDArray col(float... v) {
        return m.create(v, new Shape(v.length, 1));
    }

    @Test
    void expectileWeightsNegativeDifferencesByOneMinusTau() {
        // u = (-1, 2), tau = 0.7: (0.3 * 1 + 0.7 * 4) / 2 = 1.55
        assertEquals(1.55f, OfflineLosses.expectile(col(-1, 2), 0.7).getFloat(), TOL);
        // tau = 0.5 is half the mean squared error: (1 + 4) / 2 / 2
        assertEquals(1.25f, OfflineLosses.expectile(col(-1, 2), 0.5).getFloat(), TOL);
    }

    @Test
    void huberIsQuadraticInsideTheThresholdAndLinearOutside() {
        assertArrayEquals(new float[] {0.125f, 1.5f, 0f}, OfflineLosses.huber(col(0.5f, -2, 0), 1.0).toFloatArray(), TOL);
        // delta = 2: 0.5 * 1 / 2 = 0.25 inside; 3 - 1 = 2 outside; continuous at the threshold: 0.5 * 4 / 2 = 2 - 1
        assertArrayEquals(new float[] {0.25f, 2f, 1f}, OfflineLosses.huber(col(1, -3, 2), 2.0).toFloatArray(), TOL);
    }

    @Test
    void logSumExpIsStableAndExact() {
        NDArray x = m.create(new float[] {1, 2, 3, 1000, 1000, 1000}, new Shape(2, 3));
        float[] lse = OfflineLosses.logSumExp(x, 1).toFloatArray();
        assertEquals(3.40760596f, lse[0], TOL);
        assertEquals((float) (1000 + Math.log(3)), lse[1], 1e-3f);
    }

    @Test
    void discreteCqlPenaltyIsLogSumExpMinusTheDataActionsValue() {
        NDArray q = m.create(new float[] {1, 2, 3, 0, 0, 0}, new Shape(2, 3));
        // row 1: log(e + e^2 + e^3) - 2 = 1.40760596; row 2: log 3 - 0 = 1.09861229
        assertEquals((1.40760596f + 1.09861229f) / 2, OfflineLosses.discreteCqlPenalty(q, col(2, 0)).getFloat(), TOL);
    }

    @Test
    void sampledCqlPenaltyUsesTheTemperature() {
        NDArray sampled = m.create(new float[] {0, (float) Math.log(3)}, new Shape(1, 2));
        // T = 1: log(1 + 3) - 1; T = 2: 2 log(1 + sqrt 3) - 1
        assertEquals((float) (Math.log(4) - 1), OfflineLosses.sampledCqlPenalty(sampled, col(1), 1).getFloat(), TOL);
        assertEquals((float) (2 * Math.log(1 + Math.sqrt(3)) - 1),
                OfflineLosses.sampledCqlPenalty(sampled, col(1), 2).getFloat(), TOL);
    }

    @Test
    void ensembleQuantileInterpolatesOrderStatisticsAsTorchQuantile() {
        // 5 members, 2 rows: row 0 values 5, 1, 4, 2, 3; row 1 values 10, 50, 30, 20, 40
        NDArray v = m.create(new float[] {5, 10, 1, 50, 4, 30, 2, 20, 3, 40}, new Shape(5, 2, 1));
        assertArrayEquals(new float[] {2, 20}, OfflineLosses.ensembleQuantile(v, 0.25).toFloatArray(), TOL);
        assertArrayEquals(new float[] {2.2f, 22}, OfflineLosses.ensembleQuantile(v, 0.3).toFloatArray(), 1e-4f);
        assertArrayEquals(new float[] {1, 10}, OfflineLosses.ensembleQuantile(v, 0).toFloatArray(), TOL);
        assertArrayEquals(new float[] {5, 50}, OfflineLosses.ensembleQuantile(v, 1).toFloatArray(), TOL);
        assertArrayEquals(new Shape(2, 1).getShape(), OfflineLosses.ensembleQuantile(v, 0.25).getShape().getShape());
        // two members at level 0: the clipped double-Q minimum
        NDArray twin = m.create(new float[] {3, -1, 2, 4}, new Shape(2, 2, 1));
        assertArrayEquals(new float[] {2, -1}, OfflineLosses.ensembleQuantile(twin, 0).toFloatArray(), TOL);
    }

    @Test
    void td3bcLambdaIsAlphaOverMeanAbsoluteQ() {
        assertEquals(1.25, OfflineLosses.td3bcLambda(2.5, col(1, -3)), 1e-6);
    }

    @Test
    void advantageWeightsAreExponentialAndClipped() {
        assertArrayEquals(new float[] {1, (float) Math.exp(3), 100, (float) Math.exp(-3)},
                OfflineLosses.advantageWeights(col(0, 1, 10, -1), 3, 100).toFloatArray(), 1e-4f);
    }

    @Test
    void likelihoodsMatchTheirFormulas() {
        float halfLog2Pi = (float) (0.5 * Math.log(2 * Math.PI));
        NDArray mean = m.create(new float[] {0, 0}, new Shape(1, 2));
        NDArray logStd = m.create(new float[] {0, (float) Math.log(2)}, new Shape(1, 2));
        NDArray a = m.create(new float[] {1, 2}, new Shape(1, 2));
        // (0.5 + 0 + c) + (0.5 + ln 2 + c)
        assertEquals(1 + (float) Math.log(2) + 2 * halfLog2Pi, OfflineLosses.gaussianNll(mean, logStd, a).getFloat(), TOL);
        assertEquals(5f, OfflineLosses.squaredError(a, mean).getFloat(), TOL);
        NDArray logits = m.create(new float[] {1, 2, 3, 0, 0, 0}, new Shape(2, 3));
        NDArray oneHot = m.create(new float[] {0, 0, 1, 1, 0, 0}, new Shape(2, 3));
        assertArrayEquals(new float[] {0.40760596f, (float) Math.log(3)},
                OfflineLosses.categoricalNll(logits, oneHot).toFloatArray(), TOL);
    }
}
