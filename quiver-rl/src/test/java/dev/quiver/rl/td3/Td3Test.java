package dev.quiver.rl.td3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.core.env.Env;
import dev.quiver.core.error.QuiverUserException;
import dev.quiver.core.policy.RandomPolicy;
import dev.quiver.core.registry.Envs;
import dev.quiver.core.seed.Seeds;
import dev.quiver.rl.actorcritic.NoiseType;
import dev.quiver.rl.agent.TrainingCallback;
import dev.quiver.rl.eval.Evaluation;
import dev.quiver.rl.eval.EvaluationResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Td3Test {
    /** A short run with small networks that starts learning almost at once (smoke, determinism, save tests). */
    private static final Td3Config SHORT = Td3Config.defaults().withHidden(32, 32).withBatchSize(32)
            .withLearningStarts(100);

    @TempDir
    Path tmp;

    @Test
    void defaultsAreRlZoosPendulumAndConfigsValidate() {
        Td3Config d = Td3Config.defaults();
        assertEquals(1e-3, d.learningRate());
        assertEquals(200_000, d.bufferSize());
        assertEquals(256, d.batchSize());
        assertEquals(0.98, d.gamma());
        assertEquals(0.005, d.tau());
        assertEquals(10_000, d.learningStarts());
        assertEquals(1, d.trainFrequency());
        assertEquals(1, d.gradientSteps());
        assertEquals(List.of(400, 300), d.hidden());
        assertEquals(2, d.policyDelay());
        assertEquals(0.2, d.targetPolicyNoise());
        assertEquals(0.5, d.targetNoiseClip());
        assertEquals(0.1, d.explorationNoise());
        assertEquals(NoiseType.GAUSSIAN, d.noiseType());
        assertEquals(d, Td3Config.fromMap(d.toMap(), "test"));
        Td3Config ou = d.withExplorationNoise(NoiseType.ORNSTEIN_UHLENBECK, 0.5).withPolicyDelay(3);
        assertEquals(ou, Td3Config.fromMap(ou.toMap(), "test"));
        QuiverUserException e = assertThrows(QuiverUserException.class, () -> d.withPolicyDelay(0));
        assertTrue(e.getMessage().contains("policyDelay"), e.getMessage());
        e = assertThrows(QuiverUserException.class, () -> d.withTargetPolicyNoise(0.2, -1));
        assertTrue(e.getMessage().contains("targetNoiseClip"), e.getMessage());
        assertThrows(QuiverUserException.class, () -> d.withExplorationNoise(null, 0.1));
        java.util.Map<String, Object> m = d.toMap();
        m.put("noiseType", "PINK");
        assertThrows(QuiverUserException.class, () -> Td3Config.fromMap(m, "test"));
    }

    /**
     * Pendulum-v1 in 8,000 env steps with RL Zoo's hyperparameters except learning from step 1,000 (not
     * 10,000) and [64, 64] hidden layers (to keep the test fast): the deterministic policy's mean return over
     * 10 evaluation episodes (seed 12345) must exceed −400, where a random policy averages about −1,200 and a
     * good swing-up policy about −150 to −200. Observed with this evaluation: seed 1 mean −211.0
     * [−271.7, −158.0], seed 2 −212.3, seed 3 −220.7. After 6,000 steps seed 1 was still at −755: TD3 with
     * Gaussian exploration needs the longer run.
     */
    @Test
    void learnsPendulum() {
        try (Env<float[], float[]> env = Envs.make("Pendulum-v1")) {
            EvaluationResult random = Evaluation.run(env, new RandomPolicy<>(env.actionSpace(), Seeds.of(5).rng()), 10,
                    12345);
            assertTrue(random.meanReturn().point() < -900, "random policy: " + random.meanReturn());
            int[] critic = {0};
            int[] actor = {0};
            try (Td3Policy policy = Td3Config.defaults().withLearningStarts(1_000).withHidden(64, 64)
                    .build(env.spec()).learn(env, 8_000, 1, (step, m) -> {
                        if (m.containsKey("train/critic_loss")) {
                            critic[0]++;
                            assertTrue(Double.isFinite(m.get("train/critic_loss")) && m.containsKey("train/q_mean"));
                        }
                        if (m.containsKey("train/actor_loss")) {
                            actor[0]++;
                        }
                    })) {
                EvaluationResult r = Evaluation.run(env, policy, 10, 12345);
                assertTrue(r.meanReturn().point() > -400, "TD3 deterministic policy: " + r.meanReturn());
            }
            assertEquals(7_000, critic[0]);
            assertEquals(3_500, actor[0]);
        }
    }

    @Test
    void ornsteinUhlenbeckNoiseRunsWithFiniteLossesAndValidActions() {
        List<Double> losses = new ArrayList<>();
        try (Env<float[], float[]> env = Envs.make("MountainCarContinuous-v0");
                Td3Policy p = SHORT.withExplorationNoise(NoiseType.ORNSTEIN_UHLENBECK, 0.5).build(env.spec())
                        .learn(env, 400, 2, (step, m) -> {
                            if (m.containsKey("train/critic_loss")) {
                                losses.add(m.get("train/critic_loss"));
                            }
                        })) {
            assertEquals(300, losses.size());
            assertTrue(losses.stream().allMatch(Double::isFinite));
            assertTrue(env.actionSpace().contains(p.act(new float[] {-0.5f, 0.01f})));
        }
    }

    @Test
    void sameSeedSameResult() {
        double[][] returns = new double[2][];
        float[][] actions = new float[2][];
        for (int i = 0; i < 2; i++) {
            try (Env<float[], float[]> env = Envs.make("Pendulum-v1");
                    Td3Policy p = SHORT.build(env.spec()).learn(env, 400, 42, TrainingCallback.NONE)) {
                returns[i] = Evaluation.run(env, p, 2, 99).returns();
                actions[i] = p.act(new float[] {0.1f, -0.2f, 0.3f});
            }
        }
        assertArrayEquals(returns[0], returns[1]);
        assertArrayEquals(actions[0], actions[1]);
    }

    @Test
    void unboundedOrDiscreteActionsAreAClearError() {
        try (Env<float[], Integer> env = Envs.make("CartPole-v1")) {
            QuiverUserException e = assertThrows(QuiverUserException.class,
                    () -> Td3Config.defaults().build(env.spec()));
            assertTrue(e.getMessage().contains("finite bounds") && e.getMessage().contains("CartPole-v1"),
                    e.getMessage());
        }
    }

    @Test
    void saveLoadGivesIdenticalActions() {
        Path dir = tmp.resolve("td3");
        var rng = Seeds.of(8).rng();
        try (Env<float[], float[]> env = Envs.make("Pendulum-v1");
                Td3Policy p = SHORT.build(env.spec()).learn(env, 300, 5, TrainingCallback.NONE)) {
            p.save(dir);
            try (Td3Policy back = Td3Policy.load(dir)) {
                assertEquals(SHORT, back.config());
                assertEquals("Pendulum-v1", back.envId());
                assertEquals(3, back.observationSize());
                assertEquals(1, back.actionSize());
                assertArrayEquals(new double[] {-2}, back.actionLow());
                assertArrayEquals(new double[] {2}, back.actionHigh());
                assertEquals(300, back.trainedSteps());
                for (int i = 0; i < 50; i++) {
                    float[] o = {(float) rng.nextDouble(-1, 1), (float) rng.nextDouble(-1, 1),
                        (float) rng.nextDouble(-8, 8)};
                    assertArrayEquals(p.act(o), back.act(o));
                }
            }
        }
        QuiverUserException e = assertThrows(QuiverUserException.class,
                () -> dev.quiver.rl.sac.SacPolicy.load(dir));
        assertTrue(e.getMessage().contains("'td3'"), e.getMessage());
    }
}
