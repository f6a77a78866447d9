package dev.quiver.envs.classic;

/** {@code Pendulum-v1} as an allocation-free struct-of-arrays vector env (200-step limit, next-step autoreset). */
public final class PendulumVectorEnv extends ClassicVectorEnv<PendulumKernel> {

    /** {@code numEnvs} copies with g = 10. */
    public PendulumVectorEnv(int numEnvs) {
        super(Pendulum.SPEC, new PendulumKernel(numEnvs, 10.0), numEnvs, 3);
    }

    @Override
    public void step(float[] actions) {
        checkContinuous(actions, -2f, 2f);
        for (int i = 0; i < n; i++) {
            if (autoresetIfDue(i)) {
                continue;
            }
            double reward = k.step(i, actions[i]);
            k.observe(i, obs, i * 3);
            finish(i, reward, false);
        }
    }

    @Override
    public void step(int[] actions) {
        throw wrongActionKind("continuous");
    }
}
