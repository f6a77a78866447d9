package dev.quiver.nn.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import dev.quiver.nn.net.Network;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adam, and AdamW when weight decay is decoupled, with PyTorch's update rule: {@code m ← β1 m + (1−β1) g},
 * {@code v ← β2 v + (1−β2) g²}, {@code w ← w − (lr / (1−β1^t)) · m / (√v / √(1−β2^t) + ε)}; L2 decay adds
 * {@code λw} to g (Adam), decoupled decay multiplies w by {@code 1 − lr·λ} first (AdamW).
 *
 * @see <a href="https://arxiv.org/abs/1412.6980">Kingma and Ba (2014), Adam, arXiv:1412.6980</a>
 * @see <a href="https://arxiv.org/abs/1711.05101">Loshchilov and Hutter (2017), AdamW, arXiv:1711.05101</a>
 */
public final class Adam extends StatefulOptimizer {
    /**
     * Adam's hyperparameters.
     *
     * @param lr learning rate
     * @param beta1 first-moment decay
     * @param beta2 second-moment decay
     * @param eps denominator epsilon
     * @param weightDecay weight decay λ (0 for none)
     * @param decoupled whether decay is decoupled (AdamW) rather than L2 added to the gradient
     */
    public record Config(double lr, double beta1, double beta2, double eps, double weightDecay, boolean decoupled) {
        /** PyTorch's Adam defaults at learning rate {@code lr}: β = (0.9, 0.999), ε = 1e-8, no decay. */
        public static Config adam(double lr) {
            return new Config(lr, 0.9, 0.999, 1e-8, 0, false);
        }

        /** PyTorch's AdamW defaults at learning rate {@code lr} and decay {@code weightDecay} (PyTorch: 0.01). */
        public static Config adamW(double lr, double weightDecay) {
            return new Config(lr, 0.9, 0.999, 1e-8, weightDecay, true);
        }

        /** A copy with another learning rate. */
        public Config withLr(double newLr) {
            return new Config(newLr, beta1, beta2, eps, weightDecay, decoupled);
        }
    }

    private final Config config;
    private final List<NDArray> m;
    private final List<NDArray> v;

    /** An optimizer over the parameters of {@code networks}, in order. */
    public Adam(Config config, Network... networks) {
        super(networks);
        this.config = config;
        this.m = newState("m");
        this.v = newState("v");
    }

    /** The hyperparameters. */
    public Config config() {
        return config;
    }

    @Override
    public void update(List<NDArray> gradients) {
        t++;
        double b1 = config.beta1;
        double b2 = config.beta2;
        double bc1 = 1 - Math.pow(b1, t);
        double sqrtBc2 = Math.sqrt(1 - Math.pow(b2, t));
        float stepSize = (float) (config.lr / bc1);
        try (NDScope scope = new NDScope()) {
            for (int i = 0; i < params.size(); i++) {
                NDArray w = params.get(i);
                NDArray g = gradients.get(i);
                if (config.weightDecay != 0) {
                    if (config.decoupled) {
                        w.muli((float) (1 - config.lr * config.weightDecay));
                    } else {
                        g = g.add(w.mul((float) config.weightDecay));
                    }
                }
                m.get(i).muli((float) b1).addi(g.mul((float) (1 - b1)));
                v.get(i).muli((float) b2).addi(g.square().muli((float) (1 - b2)));
                NDArray denom = v.get(i).sqrt().divi((float) sqrtBc2).addi((float) config.eps);
                w.subi(m.get(i).div(denom).muli(stepSize));
            }
        }
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("type", config.decoupled && config.weightDecay != 0 ? "adamw" : "adam");
        d.put("lr", config.lr);
        d.put("beta1", config.beta1);
        d.put("beta2", config.beta2);
        d.put("eps", config.eps);
        d.put("weightDecay", config.weightDecay);
        d.put("decoupled", config.decoupled);
        return d;
    }

}
