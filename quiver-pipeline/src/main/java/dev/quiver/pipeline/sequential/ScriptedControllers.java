package dev.quiver.pipeline.sequential;

import dev.quiver.core.policy.Policy;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Hand-written controllers for classic-control envs, the behaviour policies a study can collect logs with
 * ({@code behaviour: scripted}). They need no training, so the demo's logs cost seconds; mixed with
 * epsilon-random actions they give the noisy-expert logs of D4RL's "medium" datasets. The CartPole and Pendulum
 * controllers are the ones whose returns define {@code NormalisedScore}'s expert references (500 and about
 * -147).
 *
 * <ul>
 *   <li>CartPole-v1 (obs x, x', theta, theta'): push right when {@code theta + 0.5 theta' + 0.01 x + 0.1 x' > 0}.
 *   <li>Pendulum-v1 (obs cos theta, sin theta, theta'; theta = 0 upright; theta'' = 15 sin theta + 3u): a PD
 *       controller {@code u = -10 theta - 2 theta'} near the top ({@code cos theta > 0.85}), elsewhere energy
 *       pumping {@code u = 2 sign(theta')} while the energy {@code theta'^2 / 2 + 15 (cos theta - 1)} is below the
 *       upright rest energy 0 (and damping {@code -0.5 theta'} above it), clipped to [-2, 2].
 *   <li>MountainCar-v0 and MountainCarContinuous-v0: full force along the velocity (pumps energy every swing).
 * </ul>
 *
 * @see <a href="https://arxiv.org/abs/2004.07219">Fu, Kumar, Nachum, Tucker, Levine (2020), D4RL,
 *     arXiv:2004.07219</a> (noisy-expert "medium" data)
 */
public final class ScriptedControllers {
    private static final Map<String, Policy<float[], ?>> CONTROLLERS = new TreeMap<>();

    static {
        CONTROLLERS.put("CartPole-v1", (Policy<float[], Integer>) s -> s[2] + 0.5 * s[3] + 0.01 * s[0] + 0.1 * s[1] > 0
                ? 1 : 0);
        CONTROLLERS.put("Pendulum-v1", (Policy<float[], float[]>) ScriptedControllers::pendulum);
        CONTROLLERS.put("MountainCar-v0", (Policy<float[], Integer>) s -> s[1] >= 0 ? 2 : 0);
        CONTROLLERS.put("MountainCarContinuous-v0", (Policy<float[], float[]>) s -> new float[] {s[1] >= 0 ? 1f : -1f});
    }

    private ScriptedControllers() {
    }

    /** The envs that have a controller. */
    public static List<String> envs() {
        return List.copyOf(CONTROLLERS.keySet());
    }

    /** Whether {@code envId} has a controller. */
    public static boolean has(String envId) {
        return CONTROLLERS.containsKey(envId);
    }

    /**
     * The controller of {@code envId} (actions {@code Integer} for Discrete envs, {@code float[]} for Box ones).
     *
     * @throws IllegalArgumentException if there is none
     */
    @SuppressWarnings("unchecked")
    public static <A> Policy<float[], A> of(String envId) {
        Policy<float[], ?> p = CONTROLLERS.get(envId);
        if (p == null) {
            throw new IllegalArgumentException("no scripted controller for " + envId + "; have " + envs());
        }
        return (Policy<float[], A>) p;
    }

    private static float[] pendulum(float[] s) {
        double theta = Math.atan2(s[1], s[0]);
        double dot = s[2];
        double u;
        if (s[0] > 0.85) {
            u = -10 * theta - 2 * dot;
        } else {
            double energy = 0.5 * dot * dot + 15 * (s[0] - 1);
            u = energy < 0 ? 2 * Math.signum(dot == 0 ? 1 : dot) : -0.5 * dot;
        }
        return new float[] {(float) Math.max(-2, Math.min(2, u))};
    }
}
