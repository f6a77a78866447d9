package dev.quiver.envs.classic;

import dev.quiver.core.error.QuiverUserException;
import dev.quiver.core.registry.EnvRegistration;
import dev.quiver.core.registry.Kwargs;
import dev.quiver.core.vector.FlatVectorEnv;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The classic-control envs' registrations (Gymnasium ids, limits and thresholds) and their vector versions. */
public final class ClassicControl {
    private ClassicControl() {
    }

    /** Registrations for CartPole-v1, MountainCar-v0, MountainCarContinuous-v0, Acrobot-v1 and Pendulum-v1. */
    public static List<EnvRegistration> registrations() {
        return List.of(
                EnvRegistration.of(CartPole.ID, "Balance a pole on a cart (Barto et al. 1983)", 500, 475.0, Map.of(),
                        kw -> new CartPole(new Kwargs(CartPole.ID, kw, Set.of("sutton_barto_reward"))
                                .bool("sutton_barto_reward", false))),
                EnvRegistration.of(MountainCar.ID, "Drive an under-powered car up a hill (Moore 1990)", 200, -110.0,
                        Map.of(), kw -> new MountainCar(new Kwargs(MountainCar.ID, kw, Set.of("goal_velocity"))
                                .number("goal_velocity", 0.0))),
                EnvRegistration.of(MountainCarContinuous.ID, "Mountain car with a continuous force", 999, 90.0,
                        Map.of(), kw -> new MountainCarContinuous(new Kwargs(MountainCarContinuous.ID, kw,
                                Set.of("goal_velocity")).number("goal_velocity", 0.0))),
                EnvRegistration.of(Acrobot.ID, "Swing up a two-link under-actuated pendulum (Sutton 1996)", 500, -100.0,
                        Map.of(), kw -> {
                            new Kwargs(Acrobot.ID, kw, Set.of());
                            return new Acrobot();
                        }),
                EnvRegistration.of(Pendulum.ID, "Swing up and hold an inverted pendulum", 200, Double.NaN, Map.of(),
                        kw -> new Pendulum(new Kwargs(Pendulum.ID, kw, Set.of("g")).number("g", 10.0))));
    }

    /** Whether {@code id} has an allocation-free vector version. */
    public static boolean hasVector(String id) {
        return switch (id) {
            case CartPole.ID, MountainCar.ID, MountainCarContinuous.ID, Acrobot.ID, Pendulum.ID -> true;
            default -> false;
        };
    }

    /** The struct-of-arrays vector version of {@code id} with {@code numEnvs} copies. */
    public static FlatVectorEnv vector(String id, int numEnvs) {
        return switch (id) {
            case CartPole.ID -> new CartPoleVectorEnv(numEnvs);
            case MountainCar.ID -> new MountainCarVectorEnv(numEnvs);
            case MountainCarContinuous.ID -> new MountainCarContinuousVectorEnv(numEnvs);
            case Acrobot.ID -> new AcrobotVectorEnv(numEnvs);
            case Pendulum.ID -> new PendulumVectorEnv(numEnvs);
            default -> throw new QuiverUserException("no struct-of-arrays vector env for '" + id
                    + "'; available: CartPole-v1, MountainCar-v0, MountainCarContinuous-v0, Acrobot-v1, Pendulum-v1"
                    + " (any env works with SyncVectorEnv)");
        };
    }
}
