package dev.quiver.rl.actorcritic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.core.env.Env;
import dev.quiver.core.registry.Envs;
import dev.quiver.core.seed.Seeds;
import dev.quiver.rl.replay.Batch;
import dev.quiver.rl.replay.ReplayBuffer;
import dev.quiver.core.policy.Policy;
import dev.quiver.rl.agent.TrainingCallback;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OffPolicyLoopTest {
    @Test
    void scheduleTrainsFromLearningStartsEveryTrainFrequencySteps() {
        OffPolicySchedule s = new OffPolicySchedule(32, 10, 4, 2);
        assertFalse(s.trainsAfter(9));
        assertFalse(s.trainsAfter(10));
        assertTrue(s.trainsAfter(11));
        assertFalse(s.trainsAfter(12));
        assertTrue(s.trainsAfter(15));
    }

    /**
     * 450 Pendulum steps (200-step episodes) with learningStarts 100, trainFrequency 5, gradientSteps 2:
     * warm-up for steps 0–99, then 2 updates after each step t ≥ 100 with (t + 1) % 5 == 0, i.e. 70 rounds;
     * episodes end at steps 199 and 399; the agent hears about both; the buffer stores every step as unit
     * actions.
     */
    @Test
    void runsTheScheduleReportsEpisodesAndStoresUnitActions() {
        try (Env<float[], float[]> env = Envs.make("Pendulum-v1")) {
            ActionScaling scaling = ActionScaling.of(dev.quiver.rl.agent.SpaceChecks
                    .requireBoundedFloat32BoxActions("test", env.spec()));
            ReplayBuffer buffer = ReplayBuffer.continuous(1_000, 3, 1);
            List<Boolean> warmups = new ArrayList<>();
            int[] trains = {0};
            int[] episodesEnded = {0};
            List<Long> episodeSteps = new ArrayList<>();
            OffPolicyAgent<float[]> agent = new OffPolicyAgent<>() {
                @Override
                public float[] act(float[] observation, boolean warmup) {
                    warmups.add(warmup);
                    return new float[] {2f};
                }

                @Override
                public Map<String, Double> train(Batch batch, long step) {
                    trains[0]++;
                    assertEquals(16, batch.size());
                    assertEquals(1f, batch.continuousActions()[0]);
                    return Map.of("train/x", 1.0);
                }

                @Override
                public void episodeEnded() {
                    episodesEnded[0]++;
                }
            };
            List<Long> policySteps = new ArrayList<>();
            Policy<float[], float[]> greedy = o -> new float[] {0f};
            OffPolicyLoop.run(env, 450, Seeds.of(1), new OffPolicySchedule(16, 100, 5, 2), buffer,
                    OffPolicyLoop.unitActions(scaling), agent, () -> greedy, new TrainingCallback() {
                        @Override
                        public void onMetrics(long step, Map<String, Double> m) {
                            if (m.containsKey("episode/return")) {
                                episodeSteps.add(step);
                                assertEquals(200.0, m.get("episode/length"));
                            }
                        }

                        @Override
                        public long policyInterval() {
                            return 100;
                        }

                        @Override
                        public void onPolicy(long step, Policy<?, ?> policy) {
                            assertSame(greedy, policy);
                            policySteps.add(step);
                        }
                    });
            assertEquals(List.of(99L, 199L, 299L, 399L), policySteps, "a policy every 100 env steps");
            assertEquals(450, warmups.size());
            assertEquals(100, warmups.stream().filter(w -> w).count());
            assertEquals(140, trains[0]);
            assertEquals(List.of(199L, 399L), episodeSteps);
            assertEquals(2, episodesEnded[0]);
            assertEquals(450, buffer.size());
        }
    }
}
