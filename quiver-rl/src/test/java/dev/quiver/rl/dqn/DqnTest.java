package dev.quiver.rl.dqn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.core.env.Env;
import dev.quiver.core.env.EnvSpec;
import dev.quiver.core.env.Reset;
import dev.quiver.core.env.Step;
import dev.quiver.core.error.QuiverUserException;
import dev.quiver.core.policy.RandomPolicy;
import dev.quiver.core.registry.Envs;
import dev.quiver.core.seed.Seeds;
import dev.quiver.rl.agent.TrainingCallback;
import dev.quiver.rl.eval.Evaluation;
import dev.quiver.rl.eval.EvaluationResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DqnTest {
    /** A short run that starts learning almost at once (for the smoke, determinism and save tests). */
    private static final DqnConfig SHORT = DqnConfig.defaults().withLearningStarts(200).withTrainFrequency(4)
            .withTargetNetworkFrequency(100).withBatchSize(32).withExploration(1.0, 0.05, 0.5);

    @TempDir
    Path tmp;

    @Test
    void defaultsAreCleanRlsAndConfigsValidate() {
        DqnConfig d = DqnConfig.defaults();
        assertEquals(2.5e-4, d.learningRate());
        assertEquals(10_000, d.bufferSize());
        assertEquals(500, d.targetNetworkFrequency());
        assertEquals(128, d.batchSize());
        assertEquals(10_000, d.learningStarts());
        assertEquals(10, d.trainFrequency());
        assertEquals(List.of(120, 84), d.hidden());
        assertEquals(TdLoss.MSE, d.loss());
        assertEquals(d, DqnConfig.fromMap(d.toMap(), "test"));
        QuiverUserException e = assertThrows(QuiverUserException.class, () -> d.withGamma(1.5));
        assertTrue(e.getMessage().contains("gamma"), e.getMessage());
        assertThrows(QuiverUserException.class, () -> d.withNStep(0));
    }

    /**
     * CartPole-v1 in 20,000 env steps (learning starts at 1,000, an update every 4 steps, target copy
     * every 250, ε 1 → 0.05 over the first 20%): the greedy policy's mean return over 20 evaluation
     * episodes (seed 12345) must have its 95% bootstrap interval's low end above 150, where a random
     * policy averages about 22. Observed with seed 1: mean 261.3, interval [233.5, 293.4].
     */
    @Test
    void learnsCartPoleFarBetterThanRandom() {
        DqnConfig c = DqnConfig.defaults().withLearningStarts(1_000).withTrainFrequency(4)
                .withTargetNetworkFrequency(250).withExploration(1.0, 0.05, 0.2);
        try (Env<float[], Integer> env = Envs.make("CartPole-v1")) {
            EvaluationResult random = Evaluation.run(env, new RandomPolicy<>(env.actionSpace(), Seeds.of(5).rng()), 20,
                    12345);
            assertTrue(random.meanReturn().high() < 40, "random policy: " + random.meanReturn());
            List<Double> returns = new ArrayList<>();
            try (DqnPolicy policy = c.build(env.spec()).learn(env, 20_000, 1, (step, m) -> {
                if (m.containsKey("episode/return")) {
                    returns.add(m.get("episode/return"));
                }
            })) {
                EvaluationResult r = Evaluation.run(env, policy, 20, 12345);
                assertTrue(r.meanReturn().low() > 150, "DQN greedy policy: " + r.meanReturn());
            }
            assertTrue(returns.size() > 50, "episodes reported: " + returns.size());
        }
    }

    @Test
    void doubleDuelingNStepAndHuberRunWithFiniteLosses() {
        for (DqnConfig c : List.of(SHORT.withDoubleQ(true), SHORT.withDueling(true),
                SHORT.withDoubleQ(true).withDueling(true).withNStep(3).withLoss(TdLoss.HUBER).withMaxGradNorm(10))) {
            List<Double> losses = new ArrayList<>();
            try (Env<float[], Integer> env = Envs.make("CartPole-v1");
                    DqnPolicy p = c.build(env.spec()).learn(env, 1_000, 3, (step, m) -> {
                        if (m.containsKey("train/loss")) {
                            losses.add(m.get("train/loss"));
                        }
                    })) {
                assertTrue(losses.size() > 150, c + ": " + losses.size() + " updates");
                assertTrue(losses.stream().allMatch(Double::isFinite), c.toString());
                int a = p.act(new float[] {0.01f, 0.02f, -0.03f, 0.04f});
                assertTrue(a == 0 || a == 1);
            }
        }
    }

    @Test
    void gradientStepsRunThatManyUpdatesPerTrainingRound() {
        // rounds at t = 204, 208, ..., 596 (t > 200, t % 4 == 0): 99 of them
        for (int g : new int[] {1, 3}) {
            List<Long> updateSteps = new ArrayList<>();
            try (Env<float[], Integer> env = Envs.make("CartPole-v1");
                    DqnPolicy p = SHORT.withGradientSteps(g).build(env.spec()).learn(env, 600, 3, (step, m) -> {
                        if (m.containsKey("train/loss")) {
                            assertTrue(Double.isFinite(m.get("train/loss")) && Double.isFinite(m.get("train/q_mean")));
                            updateSteps.add(step);
                        }
                    })) {
                assertEquals(600, p.trainedSteps());
                assertEquals(99 * g, updateSteps.size(), "gradientSteps " + g);
                for (int r = 0; r < 99; r++) {
                    for (int k = 0; k < g; k++) {
                        assertEquals(204 + 4L * r, updateSteps.get(r * g + k));
                    }
                }
            }
        }
    }

    @Test
    void gradientStepsDefaultsToOneForOldConstructorsAndMaps() {
        DqnConfig d = DqnConfig.defaults();
        assertEquals(1, d.gradientSteps());
        assertEquals(4, d.withGradientSteps(4).gradientSteps());
        assertEquals(d.withGradientSteps(4), DqnConfig.fromMap(d.withGradientSteps(4).toMap(), "test"));
        DqnConfig legacy = new DqnConfig(d.learningRate(), d.bufferSize(), d.gamma(), d.tau(),
                d.targetNetworkFrequency(), d.batchSize(), d.startE(), d.endE(), d.explorationFraction(),
                d.learningStarts(), d.trainFrequency(), d.hidden(), d.doubleQ(), d.dueling(), d.nStep(),
                d.maxGradNorm(), d.loss());
        assertEquals(d, legacy);
        java.util.Map<String, Object> old = new java.util.LinkedHashMap<>(d.withGradientSteps(4).toMap());
        old.remove("gradientSteps");
        assertEquals(d, DqnConfig.fromMap(old, "an old checkpoint"));
        QuiverUserException e = assertThrows(QuiverUserException.class, () -> d.withGradientSteps(0));
        assertTrue(e.getMessage().contains("gradientSteps"), e.getMessage());
    }

    @Test
    void sameSeedSameResult() {
        double[][] returns = new double[2][];
        float[][] q = new float[2][];
        for (int i = 0; i < 2; i++) {
            try (Env<float[], Integer> env = Envs.make("CartPole-v1");
                    DqnPolicy p = SHORT.withDoubleQ(true).build(env.spec()).learn(env, 1_500, 42,
                            TrainingCallback.NONE)) {
                returns[i] = Evaluation.run(env, p, 5, 99).returns();
                q[i] = p.qValues(new float[] {0.1f, -0.2f, 0.05f, 0.3f});
            }
        }
        assertArrayEquals(returns[0], returns[1]);
        assertArrayEquals(q[0], q[1]);
    }

    @Test
    void boxActionsAreAClearError() {
        try (Env<float[], float[]> env = Envs.make("Pendulum-v1")) {
            QuiverUserException e = assertThrows(QuiverUserException.class,
                    () -> DqnConfig.defaults().build(env.spec()));
            assertTrue(e.getMessage().contains("Discrete") && e.getMessage().contains("Pendulum-v1"), e.getMessage());
        }
    }

    @Test
    void envOfAnotherSpecIsAClearError() {
        try (Env<float[], Integer> cart = Envs.make("CartPole-v1"); Env<float[], Integer> car = Envs.make("MountainCar-v0")) {
            QuiverUserException e = assertThrows(QuiverUserException.class,
                    () -> SHORT.build(cart.spec()).learn(car, 10, 0, TrainingCallback.NONE));
            assertTrue(e.getMessage().contains("MountainCar-v0"), e.getMessage());
        }
    }

    @Test
    void nanRewardStopsTrainingNamingTheStep() {
        try (Env<float[], Integer> cart = Envs.make("CartPole-v1")) {
            Env<float[], Integer> poisoned = new NanRewardAfter(cart, 300);
            QuiverUserException e = assertThrows(QuiverUserException.class,
                    () -> SHORT.build(cart.spec()).learn(poisoned, 2_000, 0, TrainingCallback.NONE));
            assertTrue(e.getMessage().contains("NaN") && e.getMessage().contains("step"), e.getMessage());
        }
    }

    @Test
    void saveLoadGivesIdenticalActionsAndCorruptCheckpointsAreClearErrors() throws Exception {
        Path dir = tmp.resolve("dqn");
        float[][] observations = new float[50][];
        var rng = Seeds.of(8).rng();
        for (int i = 0; i < observations.length; i++) {
            observations[i] = new float[] {(float) rng.nextDouble(-2, 2), (float) rng.nextDouble(-2, 2),
                    (float) rng.nextDouble(-0.2, 0.2), (float) rng.nextDouble(-2, 2)};
        }
        for (DqnConfig c : List.of(SHORT, SHORT.withDueling(true))) {
            try (Env<float[], Integer> env = Envs.make("CartPole-v1");
                    DqnPolicy p = c.build(env.spec()).learn(env, 600, 5, TrainingCallback.NONE)) {
                p.save(dir);
                try (DqnPolicy back = DqnPolicy.load(dir)) {
                    assertEquals(c, back.config());
                    assertEquals("CartPole-v1", back.envId());
                    assertEquals(600, back.trainedSteps());
                    for (float[] o : observations) {
                        assertEquals(p.act(o), back.act(o));
                        assertArrayEquals(p.qValues(o), back.qValues(o));
                    }
                }
            }
        }
        Path tensors = dir.resolve("tensors.safetensors");
        byte[] bytes = Files.readAllBytes(tensors);
        Files.write(tensors, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertThrows(QuiverUserException.class, () -> DqnPolicy.load(dir));
        Files.delete(dir.resolve("manifest.json"));
        QuiverUserException e = assertThrows(QuiverUserException.class, () -> DqnPolicy.load(dir));
        assertTrue(e.getMessage().contains("manifest"), e.getMessage());
    }

    @Test
    void architectureMismatchIsAClearError() {
        Path dir = tmp.resolve("dqn");
        try (Env<float[], Integer> env = Envs.make("CartPole-v1");
                DqnPolicy p = SHORT.build(env.spec()).learn(env, 300, 5, TrainingCallback.NONE)) {
            p.save(dir);
        }
        // rewrite the manifest so that it claims a dueling network
        try {
            Path mf = dir.resolve("manifest.json");
            Files.writeString(mf, Files.readString(mf).replace("\"dueling\": false", "\"dueling\": true"));
        } catch (java.io.IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
        QuiverUserException e = assertThrows(QuiverUserException.class, () -> DqnPolicy.load(dir));
        assertTrue(e.getMessage().contains("does not match"), e.getMessage());
    }

    /** Wraps an env and reports a NaN reward from step {@code after} on. */
    private static final class NanRewardAfter implements Env<float[], Integer> {
        private final Env<float[], Integer> inner;
        private final long after;
        private long steps;

        NanRewardAfter(Env<float[], Integer> inner, long after) {
            this.inner = inner;
            this.after = after;
        }

        @Override
        public EnvSpec spec() {
            return inner.spec();
        }

        @Override
        public Reset<float[]> reset(long seed) {
            return inner.reset(seed);
        }

        @Override
        public Reset<float[]> reset() {
            return inner.reset();
        }

        @Override
        public Step<float[]> step(Integer action) {
            Step<float[]> s = inner.step(action);
            return ++steps > after ? new Step<>(s.observation(), Double.NaN, s.terminated(), s.truncated(), s.info())
                    : s;
        }
    }
}
