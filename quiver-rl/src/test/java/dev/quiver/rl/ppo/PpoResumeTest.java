package dev.quiver.rl.ppo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.core.env.Env;
import dev.quiver.core.error.QuiverUserException;
import dev.quiver.core.registry.Envs;
import dev.quiver.nn.checkpoint.CheckpointReader;
import dev.quiver.rl.agent.TrainingCallback;
import dev.quiver.rl.agent.TrainingCheckpoints;
import dev.quiver.rl.dqn.DqnConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An interrupted PPO run resumed from its saved training state (saved at a rollout boundary, mid-episode for
 * the vector env's copies) gives exactly the metric lines and the final networks of the uninterrupted run with
 * the same seed; a state of another run is refused, and so are training checkpoints on the SyncVectorEnv route.
 */
class PpoResumeTest {
    private static final long SEED = 5;
    private static final float[] PROBE = {0.1f, -0.2f, 0.05f, 0.3f};
    /** 4 copies × 32 steps: rollouts of 128 env steps; 2 epochs of 4 minibatches; both schedules annealed. */
    private static final PpoConfig CONFIG = PpoConfig.defaults().withHidden(16, 16).withNumSteps(32)
            .withUpdateEpochs(2).withLearningRate(1e-3).withAnnealClip(true);
    /** 10 rollouts (the budget is not a multiple of 128, so the last rollout is rounded up). */
    private static final long STEPS = 1_200;

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

    static long stepOf(String line) {
        return Long.parseLong(line.substring(0, line.indexOf(' ')));
    }

    /** The final policy's action probabilities and value on the probe, exactly. */
    private static String outputs(PpoPolicy p) {
        return Arrays.toString(p.probabilities(PROBE)) + " " + p.value(PROBE);
    }

    private static Ppo ppo(PpoConfig c, String envId) {
        try (Env<float[], Integer> env = Envs.make(envId)) {
            return c.build(env.spec());
        }
    }

    /**
     * Saves every 300 env steps, so after rollouts 3, 6 and 9 (steps 383, 767 and 1151); interrupted at the first
     * metric of step 900 or later (in rollout 8, steps 896–1023), so resumed after step 767 with copies in the
     * middle of their episodes, Adam's moments and both schedules part way.
     */
    @Test
    void resumesExactly() {
        Ppo learner = ppo(CONFIG, "CartPole-v1");
        assertTrue(learner.savesTrainingState());
        List<String> full = new ArrayList<>();
        String expected;
        try (Env<float[], Integer> env = Envs.make("CartPole-v1");
                PpoPolicy p = learner.learn(env, STEPS, SEED, (s, m) -> full.add(line(s, m)))) {
            expected = outputs(p);
            assertEquals(1_280, p.trainedSteps());
        }

        Path state = dir.resolve("train-state");
        TrainingCheckpoints ck = TrainingCheckpoints.in(state, 300, true);
        List<String> first = new ArrayList<>();
        try (Env<float[], Integer> env = Envs.make("CartPole-v1")) {
            assertThrows(Interrupt.class, () -> learner.learn(env, STEPS, SEED, (s, m) -> {
                if (s >= 900) {
                    throw new Interrupt();
                }
                first.add(line(s, m));
            }, ck));
        }
        CheckpointReader saved = CheckpointReader.open(state);
        assertEquals(767, saved.step());
        assertEquals(full.subList(0, first.size()), first, "the checkpointing run matches the plain one");
        // some copy is in the middle of an episode at the save: its return so far must carry over
        double[] returnsSoFar = saved.arrays("ppo/").doubles("episode_return", 4);
        assertTrue(Arrays.stream(returnsSoFar).anyMatch(r -> r > 0), Arrays.toString(returnsSoFar));

        List<String> resumed = new ArrayList<>();
        for (String l : first) {
            if (stepOf(l) <= 767) {
                resumed.add(l);
            }
        }
        int before = resumed.size();
        try (Env<float[], Integer> env = Envs.make("CartPole-v1");
                PpoPolicy p = learner.learn(env, STEPS, SEED, (s, m) -> resumed.add(line(s, m)), ck)) {
            assertEquals(expected, outputs(p), "final policy");
            assertEquals(1_280, p.trainedSteps());
        }
        assertTrue(stepOf(resumed.get(before)) > 767, "the resumed run starts after the saved step");
        assertTrue(full.stream().anyMatch(l -> stepOf(l) > 767 && l.contains("episode/return")));
        assertEquals(full.size(), resumed.size());
        assertEquals(full, resumed);

        assertRefused(ppo(CONFIG.withEntCoef(0.02), "CartPole-v1"), "CartPole-v1", STEPS, ck,
                "belongs to another run");
        assertRefused(ppo(CONFIG, "CartPole-v1"), "CartPole-v1", STEPS + 1, ck, "belongs to another run");
        assertRefused(ppo(CONFIG, "Acrobot-v1"), "Acrobot-v1", STEPS, ck, "env=Acrobot-v1");
        try (Env<float[], Integer> env = Envs.make("CartPole-v1")) {
            QuiverUserException e = assertThrows(QuiverUserException.class,
                    () -> DqnConfig.defaults().build(env.spec()).learn(env, STEPS, SEED, TrainingCallback.NONE, ck));
            assertTrue(e.getMessage().contains("was saved by 'ppo'"), e.getMessage());
        }
    }

    private static void assertRefused(Ppo other, String envId, long steps, TrainingCheckpoints ck, String message) {
        try (Env<float[], Integer> env = Envs.make(envId)) {
            QuiverUserException e = assertThrows(QuiverUserException.class,
                    () -> other.learn(env, steps, SEED, TrainingCallback.NONE, ck));
            assertTrue(e.getMessage().contains(message), e.getMessage());
        }
    }

    /** A run whose last rollout saves its state: resuming from it trains no more and returns the same networks. */
    @Test
    void resumedAtItsLastStepReturnsTheSamePolicy() {
        Ppo learner = ppo(CONFIG, "CartPole-v1");
        Path state = dir.resolve("end");
        TrainingCheckpoints ck = TrainingCheckpoints.in(state, 256, true);
        String expected;
        try (Env<float[], Integer> env = Envs.make("CartPole-v1");
                PpoPolicy p = learner.learn(env, 512, SEED, TrainingCallback.NONE, ck)) {
            expected = outputs(p);
        }
        assertEquals(511, CheckpointReader.open(state).step());
        List<String> more = new ArrayList<>();
        try (Env<float[], Integer> env = Envs.make("CartPole-v1");
                PpoPolicy p = learner.learn(env, 512, SEED, (s, m) -> more.add(line(s, m)), ck)) {
            assertEquals(expected, outputs(p));
            assertEquals(512, p.trainedSteps());
        }
        assertEquals(List.of(), more);
    }

    /**
     * Only a vector env that saves its state carries a training state: an env that is not as Envs.make builds
     * it (here: another time limit) trains on a SyncVectorEnv, which cannot, so checkpoints are refused before anything is written (and
     * training without them works as before).
     */
    @Test
    void theSyncVectorEnvRouteRefusesCheckpoints() {
        Ppo learner = ppo(CONFIG, "CartPole-v1");
        Path state = dir.resolve("sync");
        try (Env<float[], Integer> plain = Envs.make("CartPole-v1");
                Env<float[], Integer> shorter = Envs.make("CartPole-v1", Map.of("max_episode_steps", 100))) {
            assertTrue(learner.savesTrainingState(plain));
            assertFalse(learner.savesTrainingState(shorter));
            QuiverUserException e = assertThrows(QuiverUserException.class, () -> learner.learn(shorter, 256, SEED,
                    TrainingCallback.NONE, TrainingCheckpoints.in(state, 128, false)));
            assertTrue(e.getMessage().contains("cannot save its training state on env 'CartPole-v1'")
                    && e.getMessage().contains("SyncVectorEnv"), e.getMessage());
            assertFalse(Files.exists(state));
            try (PpoPolicy p = learner.learn(shorter, 256, SEED, TrainingCallback.NONE, TrainingCheckpoints.NONE)) {
                assertEquals(256, p.trainedSteps());
            }
        }
    }
}
