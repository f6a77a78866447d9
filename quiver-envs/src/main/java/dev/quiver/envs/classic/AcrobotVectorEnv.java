package dev.quiver.envs.classic;

/** {@code Acrobot-v1} as an allocation-free struct-of-arrays vector env (500-step limit, next-step autoreset). */
public final class AcrobotVectorEnv extends ClassicVectorEnv<AcrobotKernel> {

    /** {@code numEnvs} copies with book dynamics. */
    public AcrobotVectorEnv(int numEnvs) {
        super(Acrobot.SPEC, new AcrobotKernel(numEnvs, true), numEnvs, 6);
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
