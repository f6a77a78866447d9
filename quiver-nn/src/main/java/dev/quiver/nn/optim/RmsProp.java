package dev.quiver.nn.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import dev.quiver.nn.net.Network;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * RMSprop with PyTorch's update rule (no momentum, not centred): {@code v ← α v + (1−α) g²},
 * {@code w ← w − lr · g / (√v + ε)}; optional L2 weight decay adds {@code λw} to g.
 *
 * @see <a href="https://www.cs.toronto.edu/~tijmen/csc321/slides/lecture_slides_lec6.pdf">Tieleman and
 *     Hinton (2012), lecture 6.5</a>
 */
public final class RmsProp extends StatefulOptimizer {
    /**
     * RMSprop's hyperparameters.
     *
     * @param lr learning rate
     * @param alpha smoothing constant
     * @param eps denominator epsilon
     * @param weightDecay L2 weight decay (0 for none)
     */
    public record Config(double lr, double alpha, double eps, double weightDecay) {
        /** PyTorch's defaults at learning rate {@code lr}: α = 0.99, ε = 1e-8, no decay. */
        public static Config of(double lr) {
            return new Config(lr, 0.99, 1e-8, 0);
        }
    }

    private final Config config;
    private final List<NDArray> v;

    /** An optimizer over the parameters of {@code networks}, in order. */
    public RmsProp(Config config, Network... networks) {
        super(networks);
        this.config = config;
        this.v = newState("v");
    }

    @Override
    public void update(List<NDArray> gradients) {
        t++;
        try (NDScope scope = new NDScope()) {
            for (int i = 0; i < params.size(); i++) {
                NDArray w = params.get(i);
                NDArray g = gradients.get(i);
                if (config.weightDecay != 0) {
                    g = g.add(w.mul((float) config.weightDecay));
                }
                v.get(i).muli((float) config.alpha).addi(g.square().muli((float) (1 - config.alpha)));
                NDArray denom = v.get(i).sqrt().addi((float) config.eps);
                w.subi(g.div(denom).muli((float) config.lr));
            }
        }
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("type", "rmsprop");
        d.put("lr", config.lr);
        d.put("alpha", config.alpha);
        d.put("eps", config.eps);
        d.put("weightDecay", config.weightDecay);
        return d;
    }

}
