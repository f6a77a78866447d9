package dev.quiver.rl.sac;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;

/**
 * SAC's tanh-squashed Gaussian policy head. The actor outputs {@code 2|A|} values per observation: the
 * means {@code μ} and the log standard deviations, clipped to {@code [−20, 2]} as Stable-Baselines3 does.
 * An action is {@code a = tanh(u)} with {@code u = μ + σ ε}, {@code ε ~ N(0, I)} (the reparameterisation
 * trick), and its log-density corrects the Gaussian's for the squashing (Haarnoja et al. 2018a, appendix
 * C): {@code log π(a|s) = Σ_j [log N(u_j; μ_j, σ_j) − log(1 − tanh²(u_j))]}, with the last term in the
 * overflow-free form {@code 2 (log 2 − u − softplus(−2u))}. Shared by SAC and CQL's actor.
 *
 * @see <a href="https://arxiv.org/abs/1801.01290">Haarnoja, T. et al. (2018). Soft Actor-Critic: Off-Policy
 *     Maximum Entropy Deep Reinforcement Learning with a Stochastic Actor. ICML. arXiv:1801.01290</a>
 */
public final class SquashedGaussian {
    /** Lower clip of the log standard deviation. */
    public static final float LOG_STD_MIN = -20f;
    /** Upper clip of the log standard deviation. */
    public static final float LOG_STD_MAX = 2f;
    private static final float HALF_LOG_2PI = (float) (0.5 * Math.log(2 * Math.PI));
    private static final float LOG_2 = (float) Math.log(2);

    private SquashedGaussian() {
    }

    /**
     * Sampled actions and their log-densities.
     *
     * @param action {@code tanh(u)}, shape {@code (batch, |A|)}, in {@code (−1, 1)}
     * @param logProb {@code log π(a|s)}, shape {@code (batch, 1)}
     */
    public record Sample(NDArray action, NDArray logProb) {
    }

    /**
     * Reparameterised actions for actor outputs {@code out} (shape {@code (batch, 2|A|)}) and standard
     * normal noise {@code eps} (shape {@code (batch, |A|)}); differentiable in {@code out}.
     */
    public static Sample sample(NDArray out, NDArray eps) {
        NDList parts = out.split(2, 1);
        NDArray mean = parts.get(0);
        NDArray logStd = parts.get(1).clip(LOG_STD_MIN, LOG_STD_MAX);
        NDArray u = mean.add(logStd.exp().mul(eps));
        NDArray gaussian = eps.square().mul(-0.5f).sub(logStd).sub(HALF_LOG_2PI);
        NDArray squash = u.neg().sub(Activation.softPlus(u.mul(-2f))).add(LOG_2).mul(2f);
        NDArray logProb = gaussian.sub(squash).sum(new int[] {1}, true);
        return new Sample(u.tanh(), logProb);
    }

    /**
     * One action in {@code [−1, 1]} from a single observation's actor output {@code out} ({@code 2|A|}
     * values): {@code tanh(μ + σ ε)} with {@code eps} the standard normal draws, or {@code tanh(μ)} when
     * {@code eps} is null (the deterministic action).
     */
    public static float[] action(float[] out, float[] eps) {
        int n = out.length / 2;
        float[] a = new float[n];
        for (int j = 0; j < n; j++) {
            double u = out[j];
            if (eps != null) {
                double logStd = Math.max(LOG_STD_MIN, Math.min(LOG_STD_MAX, out[n + j]));
                u += Math.exp(logStd) * eps[j];
            }
            a[j] = (float) Math.tanh(u);
        }
        return a;
    }
}
