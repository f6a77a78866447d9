package dev.quiver.rl.value;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.core.env.Env;
import dev.quiver.core.error.QuiverUserException;
import dev.quiver.core.registry.Envs;
import dev.quiver.nn.checkpoint.CheckpointReader;
import dev.quiver.rl.agent.TrainingCheckpoints;
import dev.quiver.rl.dqn.DqnConfig;
import dev.quiver.rl.dqn.DqnPolicy;
import dev.quiver.rl.qrdqn.QrDqnConfig;
import dev.quiver.rl.qrdqn.QrDqnPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An interrupted run resumed from its saved training state gives exactly the metrics and the network of
 * the uninterrupted run with the same seed.
 */
class ValueLearnerResumeTest {
    private static final long STEPS = 3_000;
    private static final long SEED = 11;
    private static final float[] PROBE = {0.1f, -0.2f, 0.05f, 0.3f};

    @TempDir
    Path dir;

    /** Thrown by a callback to simulate a crash. */
    static final class Interrupt extends RuntimeException {
        Interrupt() {
            super("interrupted for the test");
        }
    }

    static String line(long step, Map<String, Double> m) {
        return step + " " + new TreeMap<>(m);
    }

    @Test
    void dqnResumesExactly() {
        DqnConfig c = DqnConfig.defaults().withLearningStarts(200).withTrainFrequency(2).withGradientSteps(2)
                .withTargetNetworkFrequency(100).withNStep(3).withDoubleQ(true).withHidden(32, 32);
        List<String> full = new ArrayList<>();
        float[] expected;
        try (Env<float[], Integer> env = Envs.make("CartPole-v1");
                DqnPolicy p = c.build(env.spec()).learn(env, STEPS, SEED, (s, m) -> full.add(line(s, m)))) {
            expected = p.qValues(PROBE);
        }

        Path state = dir.resolve("train-state");
        TrainingCheckpoints ck = TrainingCheckpoints.in(state, 500, true);
        List<String> first = new ArrayList<>();
        try (Env<float[], Integer> env = Envs.make("CartPole-v1")) {
            assertThrows(Interrupt.class, () -> c.build(env.spec()).learn(env, STEPS, SEED, (s, m) -> {
                if (s >= 2_200) {
                    throw new Interrupt();
                }
                first.add(line(s, m));
            }, ck));
        }
        long saved = CheckpointReader.open(state).step();
        assertTrue(saved >= 1_500 && saved < 2_200, "saved at " + saved);
        List<String> resumed = new ArrayList<>();
        for (String l : first) {
            if (Long.parseLong(l.substring(0, l.indexOf(' '))) <= saved) {
                resumed.add(l);
            }
        }
        try (Env<float[], Integer> env = Envs.make("CartPole-v1");
                DqnPolicy p = c.build(env.spec()).learn(env, STEPS, SEED, (s, m) -> resumed.add(line(s, m)), ck)) {
            assertArrayEquals(expected, p.qValues(PROBE));
        }
        assertEquals(full, resumed);

        DqnConfig other = c.withLearningRate(1e-3);
        try (Env<float[], Integer> env = Envs.make("CartPole-v1")) {
            QuiverUserException e = assertThrows(QuiverUserException.class,
                    () -> other.build(env.spec()).learn(env, STEPS, SEED, (s, m) -> { }, ck));
            assertTrue(e.getMessage().contains("belongs to another run"), e.getMessage());
        }
    }

    @Test
    void qrDqnResumesExactly() {
        QrDqnConfig c = QrDqnConfig.defaults().withLearningStarts(100).withTrainFrequency(8).withGradientSteps(2)
                .withHidden(16, 16);
        float[][] expected;
        try (Env<float[], Integer> env = Envs.make("CartPole-v1");
                QrDqnPolicy p = c.build(env.spec()).learn(env, 1_200, SEED, (s, m) -> { })) {
            expected = p.quantiles(PROBE);
        }
        Path state = dir.resolve("qr-state");
        TrainingCheckpoints ck = TrainingCheckpoints.in(state, 300, true);
        try (Env<float[], Integer> env = Envs.make("CartPole-v1")) {
            assertThrows(Interrupt.class, () -> c.build(env.spec()).learn(env, 1_200, SEED, (s, m) -> {
                if (s >= 900) {
                    throw new Interrupt();
                }
            }, ck));
        }
        assertTrue(Files.isDirectory(state));
        try (Env<float[], Integer> env = Envs.make("CartPole-v1");
                QrDqnPolicy p = c.build(env.spec()).learn(env, 1_200, SEED, (s, m) -> { }, ck)) {
            assertArrayEquals(expected, p.quantiles(PROBE));
        }
    }
}
