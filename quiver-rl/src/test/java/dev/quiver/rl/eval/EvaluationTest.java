package dev.quiver.rl.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.core.env.Env;
import dev.quiver.core.policy.Policy;
import dev.quiver.core.registry.Envs;
import dev.quiver.core.seed.Seeds;
import dev.quiver.rl.policy.EpsilonGreedy;
import org.junit.jupiter.api.Test;

class EvaluationTest {

    /** Push the cart towards the side the pole leans to (balances for the full 500 steps). */
    private static final Policy<float[], Integer> LEAN = o -> o[2] + 0.5f * o[3] > 0 ? 1 : 0;
    /** Look at the angle only: fails after a few dozen steps, differently from seed to seed. */
    private static final Policy<float[], Integer> WEAK = o -> o[2] > 0 ? 1 : 0;

    @Test
    void sameSeedSameReturnsOnCartPole() {
        try (Env<float[], Integer> env = Envs.make("CartPole-v1")) {
            EvaluationResult a = Evaluation.run(env, WEAK, 5, 1000);
            EvaluationResult b = Evaluation.run(env, WEAK, 5, 1000);
            assertArrayEquals(a.returns(), b.returns());
            assertArrayEquals(a.lengths(), b.lengths());
            assertEquals(a.meanReturn(), b.meanReturn());
            for (int i = 0; i < 5; i++) {
                assertEquals(a.lengths()[i], a.returns()[i]); // reward 1 per step
                assertTrue(a.lengths()[i] >= 1 && a.lengths()[i] <= 500);
            }
            assertTrue(java.util.Arrays.stream(a.returns()).distinct().count() > 1, "returns should vary by seed");
            assertTrue(a.meanReturn().covers(a.meanReturn().point()));
            assertTrue(a.meanReturn().width() > 0);
            EvaluationResult solved = Evaluation.run(env, LEAN, 3, 123);
            assertArrayEquals(new double[] {500, 500, 500}, solved.returns()); // truncated at the time limit
            assertEquals(0.95, a.meanReturn().confidence());
        }
    }

    @Test
    void episodeIIsResetWithSeedPlusI() {
        try (Env<float[], Integer> env = Envs.make("CartPole-v1")) {
            EvaluationResult all = Evaluation.run(env, WEAK, 4, 1000);
            for (int i = 0; i < 4; i++) {
                EvaluationResult one = Evaluation.run(env, WEAK, 1, 1000 + i);
                assertEquals(all.returns()[i], one.returns()[0]);
            }
            assertEquals(all.meanLength(), java.util.Arrays.stream(all.lengths()).average().orElseThrow(), 1e-12);
        }
    }

    @Test
    void epsilonGreedyWithItsOwnSeedIsReproducible() {
        try (Env<float[], Integer> env = Envs.make("CartPole-v1")) {
            EvaluationResult a = Evaluation.run(env, new EpsilonGreedy<>(LEAN, 2, 0.1, Seeds.rng(4)), 3, 7);
            EvaluationResult b = Evaluation.run(env, new EpsilonGreedy<>(LEAN, 2, 0.1, Seeds.rng(4)), 3, 7);
            assertArrayEquals(a.returns(), b.returns());
        }
    }
}
