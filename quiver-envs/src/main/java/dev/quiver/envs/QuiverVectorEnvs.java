package dev.quiver.envs;

import dev.quiver.core.vector.FlatVectorEnv;
import dev.quiver.core.vector.FlatVectorEnvProvider;
import dev.quiver.envs.classic.Acrobot;
import dev.quiver.envs.classic.CartPole;
import dev.quiver.envs.classic.ClassicControl;
import dev.quiver.envs.classic.MountainCar;
import dev.quiver.envs.classic.MountainCarContinuous;
import dev.quiver.envs.classic.Pendulum;
import java.util.Set;

/**
 * Offers this module's struct-of-arrays vector envs (the classic-control ones, {@link ClassicControl#vector})
 * to {@link dev.quiver.core.vector.FlatVectorEnvs} (through ServiceLoader).
 */
public final class QuiverVectorEnvs implements FlatVectorEnvProvider {

    @Override
    public Set<String> ids() {
        return Set.of(CartPole.ID, MountainCar.ID, MountainCarContinuous.ID, Acrobot.ID, Pendulum.ID);
    }

    @Override
    public FlatVectorEnv make(String id, int numEnvs) {
        return ClassicControl.vector(id, numEnvs);
    }
}
