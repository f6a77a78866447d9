package dev.quiver.envs.classic;

/** {@code MountainCarContinuous-v0} as an allocation-free struct-of-arrays vector env (999-step limit, next-step autoreset). */
public final class MountainCarContinuousVectorEnv extends ClassicVectorEnv<MountainCarContinuousKernel> {

    /** {@code numEnvs} copies. */
    public MountainCarContinuousVectorEnv(int numEnvs) {
        super(MountainCarContinuous.SPEC, new MountainCarContinuousKernel(numEnvs, 0.0), numEnvs, 2);
    }

    @Override
    public void step(float[] actions) {
        checkContinuous(actions, -1f, 1f);
        for (int i = 0; i < n; i++) {
            if (autoresetIfDue(i)) {
                continue;
            }
            boolean terminated = k.step(i, actions[i]);
            k.observe(i, obs, i * 2);
            finish(i, MountainCarContinuousKernel.reward(actions[i], terminated), terminated);
        }
    }

    @Override
    public void step(int[] actions) {
        throw wrongActionKind("continuous");
    }
}
