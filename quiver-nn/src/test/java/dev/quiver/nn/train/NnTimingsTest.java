package dev.quiver.nn.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.quiver.core.seed.Seeds;
import dev.quiver.nn.checkpoint.CheckpointWriter;
import dev.quiver.nn.net.Mlp;
import dev.quiver.nn.net.Network;
import dev.quiver.nn.optim.Adam;
import dev.quiver.nn.optim.Optimizer;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A quick speed measurement, not a test: run with {@code -Dquiver.nn.bench=true}. Times an Adam update of
 * an MLP 17→256→256→1 at batch 256 and a batch-1 forward, and writes a sample checkpoint to
 * {@code target/nn-sample-checkpoint} (for checking it from Python).
 */
@EnabledIfSystemProperty(named = "quiver.nn.bench", matches = "true")
class NnTimingsTest {
    @Test
    void measure() {
        Mlp spec = Mlp.of(17, 1, 256, 256);
        try (Network net = Network.create(spec, Seeds.of(1)); Optimizer opt = new Adam(Adam.Config.adam(1e-4), net)) {
            GradientStep step = new GradientStep(opt, net.manager(), 10.0);
            float[] x = new float[256 * 17];
            float[] y = new float[256];
            var rng = Seeds.of(2).rng();
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) rng.nextDouble();
            }
            LossFunction loss = sub -> net.forward(sub.create(x, new Shape(256, 17)), true)
                    .sub(sub.create(y, new Shape(256, 1))).square().mean();
            for (int r = 0; r < 3; r++) {
                double[] t = new double[1000];
                for (int i = 0; i < t.length; i++) {
                    long t0 = System.nanoTime();
                    step.step(loss);
                    t[i] = (System.nanoTime() - t0) / 1e6;
                }
                Arrays.sort(t);
                System.out.printf("TIMING adam update (17-256-256-1, batch 256, clip): median %.3f ms, p90 %.3f ms%n",
                        t[500], t[900]);
            }
            GradientStep noClip = new GradientStep(opt, net.manager(), 0);
            double[] t2 = new double[1000];
            for (int i = 0; i < t2.length; i++) {
                long t0 = System.nanoTime();
                noClip.step(loss);
                t2[i] = (System.nanoTime() - t0) / 1e6;
            }
            Arrays.sort(t2);
            System.out.printf("TIMING adam update without clipping: median %.3f ms%n", t2[500]);
            double[] t3 = new double[1000];
            for (int i = 0; i < t3.length; i++) {
                long t0 = System.nanoTime();
                try (ai.djl.ndarray.NDScope sc = new ai.djl.ndarray.NDScope();
                        NDManager sub = net.manager().newSubManager();
                        ai.djl.training.GradientCollector gc = dev.quiver.nn.runtime.NnRuntime.engine()
                                .newGradientCollector()) {
                    NDArray l = loss.loss(sub);
                    gc.backward(l);
                    l.getFloat();
                }
                t3[i] = (System.nanoTime() - t0) / 1e6;
            }
            Arrays.sort(t3);
            System.out.printf("TIMING forward+backward only: median %.3f ms%n", t3[500]);
            net.zeroGradients();
            double[] t4 = new double[1000];
            java.util.List<NDArray> fakeGrads = new java.util.ArrayList<>();
            for (NDArray p : net.parameterList()) {
                fakeGrads.add(net.manager().zeros(p.getShape()));
            }
            for (int i = 0; i < t4.length; i++) {
                long t0 = System.nanoTime();
                opt.update(fakeGrads);
                t4[i] = (System.nanoTime() - t0) / 1e6;
            }
            Arrays.sort(t4);
            System.out.printf("TIMING adam update alone: median %.3f ms%n", t4[500]);
            float[] one = Arrays.copyOf(x, 17);
            try (NDManager sub = net.manager().newSubManager()) {
                NDArray in = sub.create(one, new Shape(1, 17));
                double[] t5 = new double[20000];
                for (int i = 0; i < t5.length; i++) {
                    long t0 = System.nanoTime();
                    try (NDArray out = net.forward(in)) {
                        t5[i] = (System.nanoTime() - t0) / 1e3;
                    }
                }
                Arrays.sort(t5);
                System.out.printf("TIMING bare batch-1 forward (input already native, intermediates leak to sub): "
                        + "median %.1f us%n", t5[10000]);
            }
            for (int r = 0; r < 3; r++) {
                double[] t = new double[20000];
                for (int i = 0; i < t.length; i++) {
                    long t0 = System.nanoTime();
                    try (NDManager sub = net.manager().newSubManager()) {
                        NDArray out = net.forward(sub.create(one, new Shape(1, 17)));
                        out.getFloat();
                    }
                    t[i] = (System.nanoTime() - t0) / 1e3;
                }
                Arrays.sort(t);
                System.out.printf("TIMING batch-1 forward (incl. input copy, sub-manager, read-back): median %.1f us, "
                        + "p90 %.1f us%n", t[10000], t[18000]);
            }
            new CheckpointWriter().algorithm("sample").step(opt.stepCount()).network("q", net).optimizer("q_opt", opt)
                    .write(Path.of("target/nn-sample-checkpoint"));
        }
    }
}
