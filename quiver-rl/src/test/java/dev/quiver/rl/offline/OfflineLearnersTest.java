package dev.quiver.rl.offline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.core.env.Env;
import dev.quiver.core.error.QuiverUserException;
import dev.quiver.core.policy.Policy;
import dev.quiver.core.policy.RandomPolicy;
import dev.quiver.core.registry.Envs;
import dev.quiver.core.seed.Seeds;
import dev.quiver.data.dataset.EpisodeDataset;
import dev.quiver.data.dataset.TransitionSampler;
import dev.quiver.rl.Algorithms;
import dev.quiver.rl.agent.TrainedPolicy;
import dev.quiver.rl.agent.TrainingCallback;
import dev.quiver.rl.eval.Evaluation;
import dev.quiver.rl.eval.EvaluationResult;
import dev.quiver.rl.offline.bc.BcConfig;
import dev.quiver.rl.offline.cql.CqlConfig;
import dev.quiver.rl.offline.iql.IqlActor;
import dev.quiver.rl.offline.iql.IqlConfig;
import dev.quiver.rl.offline.riql.RiqlConfig;
import dev.quiver.rl.offline.td3bc.Td3BcConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every offline algorithm learns, from a small dataset collected here, a policy that clearly beats a random
 * one; its checkpoint loads back through {@code Algorithms.load} and acts identically; runs are reproducible.
 *
 * <p>Datasets (fixed seeds, {@link TestDatasets}): CartPole-v1, 10 episodes of the scripted controller taking a
 * uniformly random action half of the time (mean return 243); MountainCarContinuous-v0, 10 episodes of the
 * scripted controller plus Gaussian noise of std 0.5 (mean return 92). Networks are [64, 64] with batches of 64
 * to keep the suite fast; all other settings are the algorithms' defaults unless a test says otherwise.
 *
 * <p>Bounds. CartPole: a uniformly random policy returns 23.8 on average with standard deviation 13.0 (100
 * episodes, {@link NormalisedScoreTest}), so the mean of 10 random episodes lies within 23.8 ± 3 · 13.0 / √10 ≈
 * [11, 36] but for a 3σ event; requiring a 10-episode mean above {@value #CARTPOLE_BOUND} asks for more than 28
 * standard errors above random. MountainCarContinuous: an episode that never reaches the goal returns at most 0
 * (the only positive reward is the +100 on arrival; random play returns −33.2 ± 1.0), and one that does returns
 * at most 100, so a 10-episode mean above {@value #MOUNTAIN_CAR_BOUND} means the goal was reached in more than
 * half the episodes. Both random baselines are re-measured below on the same evaluation episodes.
 */
class OfflineLearnersTest {
    static final double CARTPOLE_BOUND = 150;
    static final double MOUNTAIN_CAR_BOUND = 50;
    private static final int EVAL_EPISODES = 10;
    private static final long EVAL_SEED = 12_345;
    private static EpisodeDataset cartPole;
    private static EpisodeDataset mountainCar;

    @TempDir
    Path tmp;

    @BeforeAll
    static void collect() {
        cartPole = TestDatasets.cartPole(10, 0.5, 1);
        mountainCar = TestDatasets.continuous("MountainCarContinuous-v0", ScriptedPolicies.mountainCar(), 10, 0.5, 1);
    }

    @Test
    void randomPoliciesStayFarBelowTheBounds() {
        try (Env<float[], Integer> env = Envs.make("CartPole-v1")) {
            double r = Evaluation.run(env, new RandomPolicy<>(env.actionSpace(), Seeds.of(1).rng()), EVAL_EPISODES,
                    EVAL_SEED).meanReturn().point();
            assertTrue(r < 40, "random CartPole: " + r);
        }
        try (Env<float[], float[]> env = Envs.make("MountainCarContinuous-v0")) {
            double r = Evaluation.run(env, new RandomPolicy<>(env.actionSpace(), Seeds.of(1).rng()), EVAL_EPISODES,
                    EVAL_SEED).meanReturn().point();
            assertTrue(r < 0, "random MountainCarContinuous: " + r);
        }
        assertTrue(java.util.Arrays.stream(cartPole.returns()).average().orElseThrow() < 300, "the data is not expert");
    }

    /** Fits, evaluates against the bound, and checks the save / Algorithms.load round trip. */
    private <A> List<Map<String, Double>> learns(String algorithm, OfflineLearnerConfig config, String envId,
            EpisodeDataset data, long steps, double bound) {
        List<Map<String, Double>> metrics = new ArrayList<>();
        try (Env<float[], A> env = Envs.make(envId)) {
            OfflineLearner<A> learner = config.build(env.spec());
            try (TrainedPolicy<A> policy = learner.fit(data, steps, 7, (s, m) -> metrics.add(m))) {
                EvaluationResult r = Evaluation.run(env, policy, EVAL_EPISODES, EVAL_SEED);
                System.out.println(algorithm + " on " + envId + " after " + steps + " steps: " + r.meanReturn());
                assertTrue(r.meanReturn().point() > bound, algorithm + " on " + envId + ": " + r.meanReturn());
                assertEquals(steps, policy.trainedSteps());
                assertEquals(envId, policy.envId());
                Path dir = tmp.resolve(algorithm + "-" + envId);
                policy.save(dir);
                try (TrainedPolicy<?> back = Algorithms.load(dir)) {
                    assertEquals(envId, back.envId());
                    assertEquals(steps, back.trainedSteps());
                    assertTrue(back.incompatibility(env.spec()) == null, back.incompatibility(env.spec()));
                    @SuppressWarnings("unchecked")
                    Policy<float[], A> loaded = (Policy<float[], A>) back;
                    float[] obs = new float[data.obsDim()];
                    for (int e = 0; e < data.numEpisodes(); e++) {
                        data.observation(e, e, obs);
                        Object a = policy.act(obs);
                        Object b = loaded.act(obs);
                        if (a instanceof float[] fa) {
                            assertArrayEquals(fa, (float[]) b);
                        } else {
                            assertEquals(a, b);
                        }
                    }
                    Class<?> kind = data.discrete() ? OfflineDiscretePolicy.class : OfflineContinuousPolicy.class;
                    assertTrue(kind.isInstance(back), back.toString());
                }
            }
        }
        assertFalse(metrics.isEmpty());
        assertEquals(steps / OfflineTraining.METRICS_WINDOW + (steps % OfflineTraining.METRICS_WINDOW == 0 ? 0 : 1),
                metrics.size(), "one metrics map per window of " + OfflineTraining.METRICS_WINDOW + " steps");
        return metrics;
    }

    @Test
    void bcClonesBothKindsOfActions() {
        BcConfig c = BcConfig.defaults().withHidden(64, 64).withBatchSize(64);
        List<Map<String, Double>> m = learns("bc", c, "CartPole-v1", cartPole, 300, CARTPOLE_BOUND);
        assertTrue(m.get(m.size() - 1).get("train/bc_loss") < m.get(0).get("train/bc_loss"), m.toString());
        learns("bc", c, "MountainCarContinuous-v0", mountainCar, 300, MOUNTAIN_CAR_BOUND);
    }

    @Test
    void cqlLearnsBothKindsOfActions() {
        CqlConfig c = CqlConfig.defaults().withActorHidden(64, 64).withCriticHidden(64, 64).withBatchSize(64);
        List<Map<String, Double>> m = learns("cql", c, "CartPole-v1", cartPole, 200, CARTPOLE_BOUND);
        assertTrue(m.get(0).containsKey("train/cql_penalty") && m.get(0).get("train/cql_penalty") > 0, m.toString());
        m = learns("cql", c.withNumSampledActions(4).withActorLr(3e-4), "MountainCarContinuous-v0", mountainCar, 500,
                MOUNTAIN_CAR_BOUND);
        assertTrue(m.get(0).containsKey("train/alpha"), m.toString());
    }

    @Test
    void iqlLearnsBothKindsOfActionsWithPeriodicOnlineEvaluation() {
        IqlConfig c = IqlConfig.defaults().withHidden(64, 64).withBatchSize(64);
        learns("iql", c, "CartPole-v1", cartPole, 300, CARTPOLE_BOUND);
        List<Map<String, Double>> evals = new ArrayList<>();
        try (Env<float[], float[]> env = Envs.make("MountainCarContinuous-v0");
                Env<float[], float[]> evalEnv = Envs.make("MountainCarContinuous-v0")) {
            List<Long> steps = new ArrayList<>();
            PeriodicEvaluation<float[]> cb = new PeriodicEvaluation<>(evalEnv, 100, 3, 500, (s, m) -> {
                if (m.containsKey("eval/mean_return")) {
                    evals.add(m);
                    steps.add(s);
                }
            }, null);
            OfflineLearner<float[]> learner = c.build(env.spec());
            try (TrainedPolicy<float[]> p = learner.fit(mountainCar, 200, 7, cb)) {
                assertEquals(List.of(99L, 199L), steps);
                assertEquals(2, cb.history().size());
                // the last evaluation saw the final policy on episodes 500..502
                double last = Evaluation.run(evalEnv, p, 3, 500).meanReturn().point();
                assertEquals(last, evals.get(1).get("eval/mean_return"), 1e-9);
                assertEquals(NormalisedScore.of("MountainCarContinuous-v0", last),
                        evals.get(1).get("eval/normalized_score"), 1e-9);
                assertTrue(last > MOUNTAIN_CAR_BOUND, "IQL (Gaussian actor) on MountainCarContinuous: " + last);
            }
        }
    }

    @Test
    void riqlLearnsBothKindsOfActions() {
        RiqlConfig c = RiqlConfig.defaults().withIql(RiqlConfig.defaults().iql().withHidden(64, 64).withBatchSize(64));
        learns("riql", c, "CartPole-v1", cartPole, 200, CARTPOLE_BOUND);
        learns("riql", c, "MountainCarContinuous-v0", mountainCar, 200, MOUNTAIN_CAR_BOUND);
    }

    @Test
    void td3bcLearnsBoxActionsAndRefusesDiscreteOnes() {
        Td3BcConfig c = Td3BcConfig.defaults().withHidden(64, 64).withBatchSize(64);
        List<Map<String, Double>> m = learns("td3bc", c, "MountainCarContinuous-v0", mountainCar, 300,
                MOUNTAIN_CAR_BOUND);
        assertTrue(m.get(0).get("train/lambda") > 0, m.toString());
        try (Env<float[], Integer> env = Envs.make("CartPole-v1")) {
            QuiverUserException e = assertThrows(QuiverUserException.class, () -> c.build(env.spec()));
            assertTrue(e.getMessage().contains("TD3+BC") && e.getMessage().contains("CartPole-v1"), e.getMessage());
        }
    }

    @Test
    void sameSeedGivesIdenticalPoliciesAndAnotherSeedDoesNot() {
        IqlConfig c = IqlConfig.defaults().withActor(IqlActor.DETERMINISTIC).withHidden(32, 32).withBatchSize(32);
        float[][][] actions = new float[3][][];
        List<List<Map<String, Double>>> metrics = new ArrayList<>();
        long[] seeds = {3, 3, 4};
        try (Env<float[], float[]> env = Envs.make("MountainCarContinuous-v0")) {
            for (int i = 0; i < 3; i++) {
                List<Map<String, Double>> m = new ArrayList<>();
                OfflineLearner<float[]> learner = c.build(env.spec());
                try (TrainedPolicy<float[]> p = learner.fit(mountainCar, 100, seeds[i], (s, x) -> m.add(x))) {
                    actions[i] = new float[20][];
                    float[] obs = new float[2];
                    for (int k = 0; k < 20; k++) {
                        mountainCar.observation(k % 10, k, obs);
                        actions[i][k] = p.act(obs);
                    }
                }
                metrics.add(m);
            }
        }
        for (int k = 0; k < 20; k++) {
            assertArrayEquals(actions[0][k], actions[1][k]);
        }
        assertEquals(metrics.get(0), metrics.get(1));
        assertFalse(java.util.Arrays.deepEquals(actions[0], actions[2]), "seed 4 should differ from seed 3");
    }

    @Test
    void theBatchSourceIsPluggable() {
        int[] calls = new int[1];
        EpisodeDataset[] seen = new EpisodeDataset[1];
        BatchSource.Factory counting = (data, rng) -> {
            seen[0] = data;
            TransitionSampler uniform = new TransitionSampler(data, rng);
            return batch -> {
                calls[0]++;
                uniform.sample(batch);
            };
        };
        try (Env<float[], Integer> env = Envs.make("CartPole-v1")) {
            OfflineLearner<Integer> learner = BcConfig.defaults().withHidden(16).withBatchSize(16).build(env.spec());
            learner.fit(cartPole, counting, 40, 1, TrainingCallback.NONE).close();
        }
        assertEquals(40, calls[0]);
        assertEquals(cartPole, seen[0]);
    }

    @Test
    void aNonFiniteLossStopsTrainingNamingTheGradientStep() {
        EpisodeDataset.Builder b = EpisodeDataset.continuousBuilder(2, 1);
        b.addEpisode(new float[] {0, 0, 0.1f, 0, 0.2f, 0}, new float[] {0.5f, -0.5f}, new double[] {3e38, 3e38},
                new boolean[] {false, false}, new boolean[] {false, true});
        EpisodeDataset huge = b.build();
        try (Env<float[], float[]> env = Envs.make("MountainCarContinuous-v0")) {
            OfflineLearner<float[]> learner = IqlConfig.defaults().withHidden(8).withBatchSize(4).build(env.spec());
            QuiverUserException e = assertThrows(QuiverUserException.class,
                    () -> learner.fit(huge, 10, 1, TrainingCallback.NONE));
            assertTrue(e.getMessage().contains("IQL") && e.getMessage().contains("Q loss")
                    && e.getMessage().contains("gradient step 0"), e.getMessage());
        }
    }
}
