package dev.quiver.nn.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import dev.quiver.core.seed.Seeds;
import dev.quiver.nn.net.Activation;
import dev.quiver.nn.net.Mlp;
import dev.quiver.nn.net.Network;
import dev.quiver.nn.optim.Adam;
import dev.quiver.nn.optim.Optimizer;
import dev.quiver.nn.optim.RmsProp;
import org.junit.jupiter.api.Test;

class GradientStepTest {
    private static final Mlp SPEC = Mlp.of(1, 1, 32, 32).withActivation(Activation.TANH);

    @Test
    void mlpLearnsSine() {
        try (Network net = Network.create(SPEC, Seeds.of(11));
                Optimizer opt = new Adam(Adam.Config.adam(3e-3), net)) {
            GradientStep step = new GradientStep(opt, net.manager(), 10.0);
            double before = Sine.gridMse(net, net.manager());
            float last = 0;
            for (int s = 0; s < 1500; s++) {
                last = step.step(Sine.mseBatch(net, 5, s, 64)).loss();
            }
            double after = Sine.gridMse(net, net.manager());
            // noise variance is SIGMA² = 0.01: the fit error against the true function must be well below it
            assertTrue(after < Sine.SIGMA * Sine.SIGMA, "grid MSE " + after + " (before " + before + ")");
            assertTrue(last < 3 * Sine.SIGMA * Sine.SIGMA, "last batch loss " + last);
            assertEquals(1500, opt.stepCount());
        }
    }

    @Test
    void sameSeedSameTrajectoryBitForBit() {
        float[][] runs = new float[2][];
        for (int r = 0; r < 2; r++) {
            try (Network net = Network.create(SPEC.withLayerNorm(true), Seeds.of(21));
                    Optimizer opt = new Adam(Adam.Config.adamW(1e-3, 0.01), net)) {
                GradientStep step = new GradientStep(opt, net.manager(), 1.0);
                runs[r] = new float[200];
                for (int s = 0; s < 200; s++) {
                    runs[r][s] = step.step(Sine.mseBatch(net, 9, s, 32)).loss();
                }
            }
        }
        assertArrayEquals(runs[0], runs[1]);
    }

    @Test
    void rmsPropAlsoDescends() {
        try (Network net = Network.create(SPEC, Seeds.of(12));
                Optimizer opt = new RmsProp(RmsProp.Config.of(1e-3), net)) {
            GradientStep step = new GradientStep(opt, net.manager(), 0);
            double before = Sine.gridMse(net, net.manager());
            for (int s = 0; s < 300; s++) {
                step.step(Sine.mseBatch(net, 5, s, 64));
            }
            assertTrue(Sine.gridMse(net, net.manager()) < before / 2);
        }
    }

    @Test
    void clippingBoundsTheGradientNorm() {
        try (Network net = Network.create(SPEC, Seeds.of(13));
                Optimizer opt = new Adam(Adam.Config.adam(0), net)) {
            GradientStep step = new GradientStep(opt, net.manager(), 1e-3);
            StepResult r = step.step(Sine.mseBatch(net, 5, 0, 64));
            assertTrue(r.gradNorm() > 1e-3);
            // gradients were zeroed after the update
            for (NDArray p : net.parameterList()) {
                try (NDArray g = p.getGradient()) {
                    assertEquals(0f, g.abs().max().getFloat());
                }
            }
        }
    }
}
