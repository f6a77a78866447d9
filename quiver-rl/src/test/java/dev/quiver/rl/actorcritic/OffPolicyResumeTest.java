package dev.quiver.rl.actorcritic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.core.env.Env;
import dev.quiver.core.error.QuiverUserException;
import dev.quiver.core.registry.Envs;
import dev.quiver.nn.checkpoint.CheckpointReader;
import dev.quiver.rl.agent.Learner;
import dev.quiver.rl.agent.SavablePolicy;
import dev.quiver.rl.agent.TrainingCheckpoints;
import dev.quiver.rl.sac.SacConfig;
import dev.quiver.rl.sac.SacDiscreteConfig;
import dev.quiver.rl.sac.SacDiscretePolicy;
import dev.quiver.rl.td3.Td3Config;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An interrupted SAC, TD3 or discrete SAC run resumed from its saved training state gives exactly the metric
 * lines and the final policy of the uninterrupted run with the same seed; a state saved by another
 * configuration or algorithm is refused.
 */
class OffPolicyResumeTest {
    private static final long SEED = 7;
    private static final float[] PENDULUM_PROBE = {0.1f, -0.2f, 0.3f};
    private static final float[] CARTPOLE_PROBE = {0.1f, -0.2f, 0.05f, 0.3f};

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

    /**
     * Runs {@code learner} for {@code steps} uninterrupted, then with training states every {@code every} steps
     * interrupted at the first metric of step {@code interruptAt} or later, then resumed; the metric lines
     * (those of the interrupted run up to the saved step followed by those of the resumed run) and the
     * final policy's outputs must equal the uninterrupted run's. Returns the training-state directory.
     */
    private <A> Path assertResumesExactly(String envId, Learner<float[], A> learner, long steps, long every,
            long interruptAt, long minSaved, Function<SavablePolicy<float[], A>, String> outputs) {
        assertTrue(learner.savesTrainingState());
        List<String> full = new ArrayList<>();
        String expected;
        try (Env<float[], A> env = Envs.make(envId);
                SavablePolicy<float[], A> p = learner.learn(env, steps, SEED, (s, m) -> full.add(line(s, m)))) {
            expected = outputs.apply(p);
        }

        Path state = dir.resolve(envId + "-state");
        TrainingCheckpoints ck = TrainingCheckpoints.in(state, every, true);
        List<String> first = new ArrayList<>();
        try (Env<float[], A> env = Envs.make(envId)) {
            assertThrows(Interrupt.class, () -> learner.learn(env, steps, SEED, (s, m) -> {
                if (s >= interruptAt) {
                    throw new Interrupt();
                }
                first.add(line(s, m));
            }, ck));
        }
        long saved = CheckpointReader.open(state).step();
        assertTrue(saved >= minSaved && saved < interruptAt, "saved at " + saved);
        assertEquals(full.subList(0, first.size()), first, "the checkpointing run matches the plain one");
        List<String> resumed = new ArrayList<>();
        for (String l : first) {
            if (stepOf(l) <= saved) {
                resumed.add(l);
            }
        }
        int before = resumed.size();
        try (Env<float[], A> env = Envs.make(envId);
                SavablePolicy<float[], A> p = learner.learn(env, steps, SEED, (s, m) -> resumed.add(line(s, m)), ck)) {
            assertEquals(expected, outputs.apply(p), "final policy");
        }
        assertTrue(stepOf(resumed.get(before)) > saved, "the resumed run starts after the saved step");
        assertEquals(full.size(), resumed.size());
        assertEquals(full, resumed);
        return state;
    }

    private static <A> void assertRefused(String envId, Learner<float[], A> other, long steps, Path state,
            String message) {
        try (Env<float[], A> env = Envs.make(envId)) {
            QuiverUserException e = assertThrows(QuiverUserException.class, () -> other.learn(env, steps, SEED,
                    (s, m) -> { }, TrainingCheckpoints.in(state, 100, true)));
            assertTrue(e.getMessage().contains(message), e.getMessage());
        }
    }

    private static <A> Learner<float[], A> build(String envId, Function<dev.quiver.core.env.EnvSpec,
            Learner<float[], A>> builder) {
        try (Env<float[], A> env = Envs.make(envId)) {
            return builder.apply(env.spec());
        }
    }

    /**
     * SAC on Pendulum (200-step episodes), 600 steps: saves after steps 199 and 399, interrupted at step 450,
     * resumed at step 400. A ring buffer of 300 (wrapped by then) and a target update every 3rd update (299 updates
     * before the save, not a multiple of 3) check that the buffer position and the update counter are
     * restored.
     */
    @Test
    void sacResumesExactly() {
        SacConfig c = SacConfig.defaults().withHidden(16, 16).withBatchSize(32).withLearningStarts(101)
                .withBufferSize(300).withTargetUpdateInterval(3);
        Path state = assertResumesExactly("Pendulum-v1", build("Pendulum-v1", c::build), 600, 200, 450, 399,
                p -> Arrays.toString(p.act(PENDULUM_PROBE)));
        assertRefused("Pendulum-v1", build("Pendulum-v1", c.withLearningRate(5e-4)::build), 600, state,
                "belongs to another run");
        assertRefused("Pendulum-v1", build("Pendulum-v1", Td3Config.defaults().withHidden(16, 16)::build), 600, state,
                "was saved by 'sac'");
    }

    /**
     * SAC with gSDE: rounds of 7 steps and a redraw every 3 steps within a round, so the save (after step 399)
     * falls inside a round and the resumed run matches only if the exploration matrix and the step counter within
     * the round are restored.
     */
    @Test
    void sacWithStateDependentExplorationResumesExactly() {
        SacConfig c = SacConfig.defaults().withHidden(16, 16).withBatchSize(32).withLearningStarts(101)
                .withTrainFrequency(7).withGradientSteps(3).withStateDependentExploration(-2, 3);
        assertResumesExactly("Pendulum-v1", build("Pendulum-v1", c::build), 600, 200, 450, 399,
                p -> Arrays.toString(p.act(PENDULUM_PROBE)));
    }

    /**
     * TD3 with Ornstein-Uhlenbeck exploration noise (scale 0.3) on Pendulum and a policy delay of 3: 299
     * updates before the save, so the resumed run keeps the actor updates in phase only if the update counter
     * is restored.
     */
    @Test
    void td3WithOrnsteinUhlenbeckNoiseResumesExactly() {
        Td3Config c = Td3Config.defaults().withHidden(16, 16).withBatchSize(32).withLearningStarts(101)
                .withExplorationNoise(NoiseType.ORNSTEIN_UHLENBECK, 0.3).withPolicyDelay(3);
        Path state = assertResumesExactly("Pendulum-v1", build("Pendulum-v1", c::build), 800, 200, 550, 399,
                p -> Arrays.toString(p.act(PENDULUM_PROBE)));
        assertRefused("Pendulum-v1", build("Pendulum-v1", c.withPolicyDelay(2)::build), 800, state,
                "belongs to another run");
    }

    /**
     * TD3 with (memoryless) Gaussian noise: a run whose last step ends an episode saves there; resuming from
     * it takes no further steps and returns the same policy.
     */
    @Test
    void td3ResumedAtItsLastStepReturnsTheSamePolicy() {
        Td3Config c = Td3Config.defaults().withHidden(16, 16).withBatchSize(32).withLearningStarts(100);
        Learner<float[], float[]> learner = build("Pendulum-v1", c::build);
        Path state = dir.resolve("td3-end");
        TrainingCheckpoints ck = TrainingCheckpoints.in(state, 200, true);
        String expected;
        try (Env<float[], float[]> env = Envs.make("Pendulum-v1");
                SavablePolicy<float[], float[]> p = learner.learn(env, 400, SEED, (s, m) -> { }, ck)) {
            expected = Arrays.toString(p.act(PENDULUM_PROBE));
        }
        assertEquals(399, CheckpointReader.open(state).step());
        List<String> more = new ArrayList<>();
        try (Env<float[], float[]> env = Envs.make("Pendulum-v1");
                SavablePolicy<float[], float[]> p = learner.learn(env, 400, SEED, (s, m) -> more.add(line(s, m)), ck)) {
            assertEquals(expected, Arrays.toString(p.act(PENDULUM_PROBE)));
        }
        assertEquals(List.of(), more);
    }

    /** Discrete SAC on CartPole (episodes of varying length) with a target update every 3rd update. */
    @Test
    void discreteSacResumesExactly() {
        SacDiscreteConfig c = SacDiscreteConfig.defaults().withHidden(16, 16).withBatchSize(32)
                .withLearningStarts(100).withTrainFrequency(2).withTargetUpdateInterval(3);
        Path state = assertResumesExactly("CartPole-v1", build("CartPole-v1", c::build), 1_000, 250, 750, 250,
                p -> Arrays.toString(((SacDiscretePolicy) p).probabilities(CARTPOLE_PROBE)));
        assertRefused("CartPole-v1", build("CartPole-v1", c.withTargetEntropyScale(0.5)::build), 1_000, state,
                "belongs to another run");
    }
}
