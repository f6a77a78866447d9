package dev.quiver.rl.offline;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.core.env.Env;
import dev.quiver.core.error.QuiverUserException;
import dev.quiver.core.registry.Envs;
import dev.quiver.data.dataset.EpisodeDataset;
import dev.quiver.rl.agent.TrainingCallback;
import dev.quiver.rl.offline.bc.BcConfig;
import org.junit.jupiter.api.Test;

/** A dataset that does not fit the env is refused with a message naming the dataset and what differs. */
class DatasetChecksTest {
    private static QuiverUserException refused(EpisodeDataset data, String envId) {
        try (Env<float[], ?> env = Envs.make(envId)) {
            return assertThrows(QuiverUserException.class,
                    () -> DatasetChecks.requireCompatible("IQL", "data/x.hdf5", data, env.spec()));
        }
    }

    private static void says(QuiverUserException e, String... parts) {
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), "missing '" + p + "' in: " + e.getMessage());
        }
    }

    private static EpisodeDataset continuous(int obsDim, int actDim, float action) {
        EpisodeDataset.Builder b = EpisodeDataset.continuousBuilder(obsDim, actDim);
        float[] obs = new float[2 * obsDim];
        float[] act = new float[actDim];
        java.util.Arrays.fill(act, action);
        b.addEpisode(obs, act, new double[] {0}, new boolean[] {false}, new boolean[] {true});
        return b.build();
    }

    @Test
    void mismatchesAreNamed() {
        EpisodeDataset cartPole = TestDatasets.cartPole(1, 0, 1);
        says(refused(cartPole, "Pendulum-v1"), "data/x.hdf5", "Pendulum-v1", "observations have 4 values");
        says(refused(cartPole, "Acrobot-v1"), "observations have 4 values", "6");
        says(refused(continuous(3, 1, 0), "CartPole-v1"), "data/x.hdf5", "CartPole-v1", "observations have 3 values");
        says(refused(continuous(4, 1, 0), "CartPole-v1"), "continuous actions", "discrete");
        says(refused(cartPole, "MountainCarContinuous-v0"), "observations have 4 values");
        says(refused(continuous(2, 2, 0), "MountainCarContinuous-v0"), "actions have 2 values", "1");
        says(refused(continuous(2, 1, 1.5f), "MountainCarContinuous-v0"), "episode 0, step 0", "1.5", "bounds");
        EpisodeDataset.Builder b = EpisodeDataset.discreteBuilder(4, 3);
        b.addEpisode(new float[8], new int[] {2}, new double[] {1}, new boolean[] {true}, new boolean[] {false});
        says(refused(b.build(), "CartPole-v1"), "episode 0, step 0 has action 2", "Discrete");
    }

    @Test
    void fitChecksTheDatasetBeforeTraining() {
        try (Env<float[], float[]> env = Envs.make("Pendulum-v1")) {
            OfflineLearner<float[]> bc = BcConfig.defaults().build(env.spec());
            QuiverUserException e = assertThrows(QuiverUserException.class,
                    () -> bc.fit(TestDatasets.cartPole(1, 0, 1), 10, 1, TrainingCallback.NONE));
            says(e, "BC", "Pendulum-v1", "observations have 4 values");
        }
    }
}
