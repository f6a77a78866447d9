package dev.quiver.rl.ppo;

import ai.djl.ndarray.NDArray;
import dev.quiver.nn.optim.Optimizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Wraps an optimizer and scales each of its parameter updates by a factor in {@code [0, 1]}: with Adam
 * this is Adam at learning rate {@code factor · lr} (Adam's step is proportional to its learning rate),
 * which is how PPO anneals the learning rate without losing the optimizer's moments (and IQL's actor follows
 * its cosine schedule).
 */
public final class AnnealedOptimizer implements Optimizer {
    private final Optimizer inner;
    private double factor = 1;

    /** Wraps {@code inner} with factor 1. */
    public AnnealedOptimizer(Optimizer inner) {
        this.inner = inner;
    }

    /** Sets the factor applied to the following updates. */
    public void setFactor(double f) {
        if (!(f >= 0 && f <= 1)) {
            throw new IllegalArgumentException("factor must be in [0, 1], got " + f);
        }
        factor = f;
    }

    @Override
    public void update(List<NDArray> gradients) {
        if (factor == 1) {
            inner.update(gradients);
            return;
        }
        List<NDArray> params = inner.parameters();
        List<NDArray> before = new ArrayList<>(params.size());
        try {
            for (NDArray p : params) {
                before.add(p.duplicate());
            }
            inner.update(gradients);
            float f = (float) factor;
            for (int i = 0; i < params.size(); i++) {
                // p ← before + f · (p − before)
                params.get(i).subi(before.get(i)).muli(f).addi(before.get(i));
            }
        } finally {
            for (NDArray b : before) {
                b.close();
            }
        }
    }

    @Override
    public List<NDArray> parameters() {
        return inner.parameters();
    }

    @Override
    public long stepCount() {
        return inner.stepCount();
    }

    @Override
    public void setStepCount(long steps) {
        inner.setStepCount(steps);
    }

    @Override
    public Map<String, NDArray> state() {
        return inner.state();
    }

    @Override
    public Map<String, Object> describe() {
        return inner.describe();
    }

    @Override
    public void close() {
        inner.close();
    }
}
