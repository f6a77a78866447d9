package dev.quiver.rl.sac;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;

/**
 * Generalised state-dependent exploration (gSDE) for the squashed Gaussian SAC actor, as Raffin et al.
 * (2022) define it and Stable-Baselines3 implements it ({@code StateDependentNoiseDistribution} with
 * {@code full_std}, no {@code expln}, features not learnt through the noise).
 *
 * <p>An exploration matrix {@code θ_ε} ({@code (|z|, |A|)}) is drawn with entries {@code θ_ε,ij ~ N(0,
 * σ_ij²)}, {@code σ = exp(log σ)}, and held for a while; the action for state {@code s} is then the
 * deterministic function {@code a = tanh(u)}, {@code u = μ(s) + z(s)ᵀ θ_ε}, so the same state gives the
 * same action until the matrix is redrawn (smooth, not jittery, exploration). Given the features, {@code u}
 * is Gaussian with mean {@code μ(s)} and variance {@code v_j = Σ_i z_i² σ_ij²}, so
 * {@code log π(a|s) = Σ_j [log N(u_j; μ_j, v_j + 10⁻⁶) − log(1 − tanh²(u_j) + 10⁻⁶)]} (SB3's ε's). The
 * features enter the noise and the variance detached from the graph, so the noise trains only
 * {@code log σ}, and the matrix is reparameterised ({@code θ_ε = σ ⊙ ε}, {@code ε ~ N(0, 1)}) so that
 * {@code log σ} gets the entropy term's gradient.
 *
 * <p>One difference from SB3: the log-density is computed from {@code u} itself, where SB3 recovers
 * {@code u} as {@code atanh} of the clipped squashed action; they agree up to float rounding.
 *
 * @see StateDependentActor
 * @see <a href="https://proceedings.mlr.press/v164/raffin22a.html">Raffin, A., Kober, J. and Stulp, F. (2022).
 *     Smooth Exploration for Robotic Reinforcement Learning. CoRL 2021, PMLR 164</a>
 */
final class StateDependentNoise {
    /** SB3's variance floor and squashing-correction ε. */
    static final float EPSILON = 1e-6f;
    private static final float HALF_LOG_2PI = (float) (0.5 * Math.log(2 * Math.PI));

    private StateDependentNoise() {
    }

    /** An exploration matrix {@code σ ⊙ ε} from the log standard deviations and standard normal draws. */
    static float[] matrix(float[] logStd, float[] eps) {
        float[] m = new float[logStd.length];
        for (int i = 0; i < m.length; i++) {
            m[i] = (float) (Math.exp(logStd[i]) * eps[i]);
        }
        return m;
    }

    /**
     * One action in {@code [−1, 1]} from a single observation's actor output {@code out} ({@code [μ | z]}):
     * {@code tanh(μ + zᵀ θ_ε)}, or {@code tanh(μ)} when {@code matrix} is null (the deterministic action).
     */
    static float[] action(float[] out, int actDim, float[] matrix) {
        int features = out.length - actDim;
        float[] a = new float[actDim];
        for (int j = 0; j < actDim; j++) {
            double u = out[j];
            if (matrix != null) {
                for (int i = 0; i < features; i++) {
                    u += (double) out[actDim + i] * matrix[i * actDim + j];
                }
            }
            a[j] = (float) Math.tanh(u);
        }
        return a;
    }

    /**
     * Reparameterised actions and log-densities for a batch of actor outputs {@code out} ({@code (batch,
     * |A| + |z|)}), the live {@code logStd} ({@code (|z|, |A|)}) and standard normal draws {@code eps}
     * ({@code (|z|, |A|)}) for the batch's one exploration matrix; differentiable in the actor's parameters.
     */
    static SquashedGaussian.Sample sample(NDArray out, int actDim, NDArray logStd, NDArray eps) {
        long width = out.getShape().get(1);
        NDArray mean = out.get(new NDIndex(":, :{}", actDim));
        NDArray z = out.get(new NDIndex(":, {}:{}", actDim, width)).stopGradient();
        NDArray std = logStd.exp();
        NDArray noise = z.matMul(std.mul(eps));
        NDArray u = mean.add(noise);
        NDArray variance = z.square().matMul(std.square()).add(EPSILON);
        NDArray gaussian = noise.square().div(variance).mul(-0.5f).sub(variance.log().mul(0.5f)).sub(HALF_LOG_2PI);
        NDArray tanh = u.tanh();
        NDArray squash = tanh.square().neg().add(1f + EPSILON).log();
        NDArray logProb = gaussian.sub(squash).sum(new int[] {1}, true);
        return new SquashedGaussian.Sample(tanh, logProb);
    }
}
