package dev.quiver.rl.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.core.env.Env;
import dev.quiver.core.error.QuiverUserException;
import dev.quiver.core.policy.Policy;
import dev.quiver.core.policy.RandomPolicy;
import dev.quiver.core.registry.Envs;
import dev.quiver.core.seed.Seeds;
import dev.quiver.rl.eval.Evaluation;
import org.junit.jupiter.api.Test;

/** The reference table is what Quiver's random policy and the scripted experts return on episodes 0..99. */
class NormalisedScoreTest {
    private static double mean(String id, Policy<float[], ?> policy) {
        try (Env<float[], Object> env = Envs.make(id)) {
            @SuppressWarnings("unchecked")
            Policy<float[], Object> p = (Policy<float[], Object>) policy;
            return Evaluation.run(env, p, 100, 0).meanReturn().point();
        }
    }

    private static <A> Policy<float[], A> random(String id) {
        try (Env<float[], A> env = Envs.make(id)) {
            return new RandomPolicy<>(env.actionSpace(), Seeds.of(0).rng());
        }
    }

    @Test
    void referencesAreTheMeasuredReturnsRoundedAsTabulated() {
        // the table keeps two decimals (four significant digits for Pendulum's random return)
        assertEquals(NormalisedScore.reference("CartPole-v1").orElseThrow().random(), mean("CartPole-v1",
                random("CartPole-v1")), 0.005);
        assertEquals(NormalisedScore.reference("Pendulum-v1").orElseThrow().random(), mean("Pendulum-v1",
                random("Pendulum-v1")), 0.5);
        assertEquals(NormalisedScore.reference("MountainCarContinuous-v0").orElseThrow().random(),
                mean("MountainCarContinuous-v0", random("MountainCarContinuous-v0")), 0.005);
        assertEquals(500, mean("CartPole-v1", ScriptedPolicies.cartPole()), 0);
        assertEquals(NormalisedScore.reference("Pendulum-v1").orElseThrow().expert(),
                mean("Pendulum-v1", ScriptedPolicies.pendulum()), 0.05);
        assertEquals(NormalisedScore.reference("MountainCarContinuous-v0").orElseThrow().expert(),
                mean("MountainCarContinuous-v0", ScriptedPolicies.mountainCar()), 0.005);
    }

    @Test
    void scoresAreZeroForRandomAndHundredForExpert() {
        assertEquals(0, NormalisedScore.of("CartPole-v1", 23.78), 1e-12);
        assertEquals(100, NormalisedScore.of("CartPole-v1", 500), 1e-12);
        assertEquals(50, NormalisedScore.of("Pendulum-v1", (-1212 + -147.0) / 2), 1e-9);
        // D4RL's locomotion references, for any version or dataset name of the family
        assertEquals(100, NormalisedScore.of("hopper-medium-v2", 3234.3), 1e-9);
        assertEquals(0, NormalisedScore.of("Walker2d-v4", 1.629008), 1e-9);
        QuiverUserException e = assertThrows(QuiverUserException.class, () -> NormalisedScore.of("Acrobot-v1", -100));
        assertTrue(e.getMessage().contains("Acrobot-v1") && e.getMessage().contains("CartPole-v1"), e.getMessage());
        assertTrue(NormalisedScore.reference("CartPole-v0").isEmpty());
    }
}
