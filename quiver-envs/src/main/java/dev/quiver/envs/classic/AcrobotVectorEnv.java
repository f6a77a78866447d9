package dev.quiver.envs.classic;

/** {@code Acrobot-v1} as an allocation-free struct-of-arrays vector env (500-step limit, next-step autoreset). */
public final class AcrobotVectorEnv extends ClassicVectorEnv {
    private final AcrobotKernel k;

    /** {@code numEnvs} copies with book dynamics. */
    public AcrobotVectorEnv(int numEnvs) {
        super(Acrobot.SPEC, numEnvs, 6);
        this.k = new AcrobotKernel(numEnvs, true);
    }

    @Override
    protected void resetCopy(int i) {
        k.reset(i, rngs[i]);
        k.observe(i, obs, i * 6);
    }

    @Override
    public void step(int[] actions) {
        checkDiscrete(actions, 3);
        for (int i = 0; i < n; i++) {
            if (autoresetIfDue(i)) {
                continue;
            }
            boolean terminated = k.step(i, actions[i]);
            k.observe(i, obs, i * 6);
            finish(i, terminated ? 0.0 : -1.0, terminated);
        }
    }

    @Override
    public void step(float[] actions) {
        throw wrongActionKind("discrete");
    }
}
