package dev.quiver.envs.classic;

/** {@code MountainCar-v0} as an allocation-free struct-of-arrays vector env (200-step limit, next-step autoreset). */
public final class MountainCarVectorEnv extends ClassicVectorEnv<MountainCarKernel> {

    /** {@code numEnvs} copies. */
    public MountainCarVectorEnv(int numEnvs) {
        super(MountainCar.SPEC, new MountainCarKernel(numEnvs, 0.0), numEnvs, 2);
    }

    @Override
    public void step(int[] actions) {
        checkDiscrete(actions, 3);
        for (int i = 0; i < n; i++) {
            if (autoresetIfDue(i)) {
                continue;
            }
            boolean terminated = k.step(i, actions[i]);
            k.observe(i, obs, i * 2);
            finish(i, -1.0, terminated);
        }
    }

    @Override
    public void step(float[] actions) {
        throw wrongActionKind("discrete");
    }
}
