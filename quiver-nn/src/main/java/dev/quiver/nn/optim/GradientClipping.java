package dev.quiver.nn.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import java.util.List;

/**
 * Gradient clipping by global norm, as PyTorch's {@code clip_grad_norm_}: when the L2 norm over all
 * gradients exceeds {@code maxNorm}, every gradient is scaled in place by {@code maxNorm / (norm + 1e-6)}.
 *
 * @see <a href="https://arxiv.org/abs/1211.5063">Pascanu, Mikolov and Bengio (2012), arXiv:1211.5063</a>
 */
public final class GradientClipping {
    private GradientClipping() {
    }

    /** Clips {@code gradients} in place and returns their global norm before clipping. */
    public static double clipByGlobalNorm(List<NDArray> gradients, double maxNorm) {
        if (!(maxNorm > 0)) {
            throw new IllegalArgumentException("maxNorm must be > 0, got " + maxNorm);
        }
        double norm = globalNorm(gradients);
        double coef = maxNorm / (norm + 1e-6);
        if (coef < 1) {
            for (NDArray g : gradients) {
                g.muli((float) coef);
            }
        }
        return norm;
    }

    /** The L2 norm over all of {@code gradients}. */
    public static double globalNorm(List<NDArray> gradients) {
        try (NDScope scope = new NDScope()) {
            NDArray acc = null;
            for (NDArray g : gradients) {
                NDArray s = g.square().sum();
                acc = acc == null ? s : acc.addi(s);
            }
            return acc == null ? 0 : Math.sqrt(acc.getFloat());
        }
    }
}
