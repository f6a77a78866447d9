package dev.quiver.rl.offline;

import dev.quiver.core.policy.Policy;

/** Hand-written controllers that play the classic-control envs well, to collect test datasets from. */
final class ScriptedPolicies {
    private ScriptedPolicies() {
    }

    /** CartPole-v1: push towards the side the pole falls to, with a little position and velocity feedback. */
    static Policy<float[], Integer> cartPole() {
        return s -> s[2] + 0.5 * s[3] + 0.01 * s[0] + 0.1 * s[1] > 0 ? 1 : 0;
    }

    /**
     * Pendulum-v1 (obs cos θ, sin θ, θ̇; θ = 0 upright; θ̈ = 15 sin θ + 3u): energy pumping
     * {@code u = 2 sign(θ̇)} while the energy {@code E = θ̇²/2 + 15 (cos θ − 1)} is below the upright rest
     * energy 0, and a PD controller {@code u = −10 θ − 2 θ̇} near the top.
     */
    static Policy<float[], float[]> pendulum() {
        return s -> {
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
        };
    }

    /** MountainCarContinuous-v0: full force in the direction of the velocity (pumps energy every swing). */
    static Policy<float[], float[]> mountainCar() {
        return s -> new float[] {s[1] >= 0 ? 1f : -1f};
    }
}
