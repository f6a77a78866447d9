package dev.quiver.envs.classic;

/**
 * {@code CartPole-v1} as an allocation-free struct-of-arrays vector env (the equivalent of
 * Gymnasium's numpy {@code CartPoleVectorEnv}, with {@link dev.quiver.core.vector.VectorEnv}'s
 * next-step autoreset and the 500-step time limit).
 */
public final class CartPoleVectorEnv extends ClassicVectorEnv<CartPoleKernel> {
    private final boolean suttonBartoReward;

    /** {@code numEnvs} copies with the default reward. */
    public CartPoleVectorEnv(int numEnvs) {
        this(numEnvs, false);
    }

    /** {@code numEnvs} copies, optionally with the Sutton and Barto reward. */
    public CartPoleVectorEnv(int numEnvs, boolean suttonBartoReward) {
        super(CartPole.SPEC, new CartPoleKernel(numEnvs), numEnvs, 4);
        this.suttonBartoReward = suttonBartoReward;
    }

    @Override
    public void step(int[] actions) {
        checkDiscrete(actions, 2);
        for (int i = 0; i < n; i++) {
            if (autoresetIfDue(i)) {
                continue;
            }
            boolean terminated = k.step(i, actions[i]);
            k.observe(i, obs, i * 4);
            finish(i, suttonBartoReward ? (terminated ? -1.0 : 0.0) : 1.0, terminated);
        }
    }

    @Override
    public void step(float[] actions) {
        throw wrongActionKind("discrete");
    }
}
