package dev.quiver.nn.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.training.GradientCollector;
import dev.quiver.nn.optim.GradientClipping;
import dev.quiver.nn.optim.Optimizer;
import dev.quiver.nn.runtime.NnRuntime;
import java.util.ArrayList;
import java.util.List;

/**
 * One gradient update without DJL's Trainer: forward and loss in a gradient collector, backward,
 * optional clipping by global norm, the optimizer's update, and zeroing of the gradients. Every array
 * made during the step (inputs in the step manager, temporaries, gradient handles) is freed when the
 * step returns, so native memory stays flat over any number of steps.
 *
 * <p>DJL allows one open gradient collector per JVM (a global flag): run parallel trainings in
 * separate processes, not threads.
 */
public final class GradientStep {
    private final Optimizer optimizer;
    private final NDManager parent;
    private final double maxGradNorm;

    /**
     * @param optimizer the optimizer (it names the parameters updated)
     * @param parent the manager to make per-step sub-managers from (e.g. the network's)
     * @param maxGradNorm the clipping threshold for the global gradient norm, or {@code 0} for no clipping
     */
    public GradientStep(Optimizer optimizer, NDManager parent, double maxGradNorm) {
        if (maxGradNorm < 0 || Double.isNaN(maxGradNorm)) {
            throw new IllegalArgumentException("maxGradNorm must be >= 0 (0: no clipping), got " + maxGradNorm);
        }
        this.optimizer = optimizer;
        this.parent = parent;
        this.maxGradNorm = maxGradNorm;
    }

    /** Runs one update on the loss that {@code fn} computes. */
    public StepResult step(LossFunction fn) {
        try (NDScope scope = new NDScope(); NDManager sub = parent.newSubManager()) {
            float lossValue;
            try (GradientCollector gc = NnRuntime.engine().newGradientCollector()) {
                NDArray loss = fn.loss(sub);
                gc.backward(loss);
                lossValue = loss.getFloat();
            }
            List<NDArray> grads = new ArrayList<>();
            for (NDArray p : optimizer.parameters()) {
                grads.add(p.getGradient());
            }
            double norm = maxGradNorm > 0 ? GradientClipping.clipByGlobalNorm(grads, maxGradNorm) : Double.NaN;
            optimizer.update(grads);
            for (NDArray g : grads) {
                g.subi(g);
            }
            return new StepResult(lossValue, norm);
        }
    }
}
