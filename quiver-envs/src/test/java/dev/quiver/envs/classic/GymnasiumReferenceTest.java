package dev.quiver.envs.classic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.quiver.core.env.Step;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Checks the classic-control ports against trajectories recorded from Gymnasium (../shared/data;
 * skipped when absent). One-step checks use the README's strict tolerances (1e-12 on states,
 * 1e-9 on rewards, exact flags, observations equal after the float32 cast up to 1 float ulp of the
 * state difference); rollouts allow 1e-8 for libm differences of Java's sin/cos.
 */
class GymnasiumReferenceTest {

    static ClassicEnv<?, ?> make(String id) {
        return switch (id) {
            case "CartPole-v1" -> new CartPole();
            case "MountainCar-v0" -> new MountainCar();
            case "MountainCarContinuous-v0" -> new MountainCarContinuous();
            case "Acrobot-v1" -> new Acrobot();
            case "Pendulum-v1" -> new Pendulum();
            default -> throw new IllegalArgumentException(id);
        };
    }

    static List<ReferenceRows.Row> rows(String id) throws IOException {
        Optional<Path> dir = ReferenceRows.dataDir();
        assumeTrue(dir.isPresent(), "../shared/data/gymnasium-reference is absent: skipping the Gymnasium reference check");
        return ReferenceRows.read(dir.get().resolve(id + ".csv"));
    }

    @SuppressWarnings("unchecked")
    static Step<float[]> apply(ClassicEnv<?, ?> env, double action) {
        if (env.actionSpace() instanceof dev.quiver.core.space.Discrete) {
            return ((ClassicEnv<Integer, ?>) env).step((int) action);
        }
        return ((ClassicEnv<float[], ?>) env).step(new float[] {(float) action});
    }

    @ParameterizedTest
    @ValueSource(strings = {"CartPole-v1", "MountainCar-v0", "MountainCarContinuous-v0", "Acrobot-v1", "Pendulum-v1"})
    void oneStepMatchesGymnasium(String id) throws IOException {
        List<ReferenceRows.Row> rows = rows(id);
        ClassicEnv<?, ?> env = make(id);
        int checked = 0;
        for (int r = 1; r < rows.size(); r++) {
            ReferenceRows.Row prev = rows.get(r - 1);
            ReferenceRows.Row row = rows.get(r);
            if (row.t() == 0) {
                continue;
            }
            if (env instanceof MountainCarContinuous mcc) {
                mcc.setState(prev.state(), prev.t() > 0);
            } else {
                env.setState(prev.state());
            }
            Step<float[]> s = apply(env, row.action());
            String where = id + " " + row.policy() + " seed " + row.seed() + " t " + row.t();
            double[] state = env.state();
            for (int j = 0; j < state.length; j++) {
                assertEquals(row.state()[j], state[j], 1e-12, where + " state " + j);
            }
            for (int j = 0; j < row.obs().length; j++) {
                assertEquals((float) row.obs()[j], s.observation()[j], Math.ulp((float) row.obs()[j]), where + " obs " + j);
            }
            assertEquals(row.reward(), s.reward(), 1e-9, where + " reward");
            assertEquals(row.terminated(), s.terminated(), where + " terminated");
            checked++;
        }
        assertTrue(checked > 500, "too few transitions checked: " + checked);
    }

    @ParameterizedTest
    @ValueSource(strings = {"CartPole-v1", "MountainCar-v0", "MountainCarContinuous-v0", "Acrobot-v1", "Pendulum-v1"})
    void rolloutFromInitialStateMatchesGymnasium(String id) throws IOException {
        List<ReferenceRows.Row> rows = rows(id);
        double tol = 1e-8;
        ClassicEnv<?, ?> env = make(id);
        int episodes = 0;
        for (ReferenceRows.Row row : rows) {
            String where = id + " " + row.policy() + " seed " + row.seed() + " t " + row.t();
            float[] obs;
            double reward = Double.NaN;
            boolean terminated = false;
            if (row.t() == 0) {
                obs = env.setState(row.state());
                episodes++;
            } else {
                Step<float[]> s = apply(env, row.action());
                obs = s.observation();
                reward = s.reward();
                terminated = s.terminated();
                assertEquals(row.reward(), reward, 1e-9, where + " reward");
                assertEquals(row.terminated(), terminated, where + " terminated");
            }
            for (int j = 0; j < obs.length; j++) {
                assertEquals(row.obs()[j], obs[j], tol, where + " obs " + j);
            }
            double[] state = env.state();
            for (int j = 0; j < state.length; j++) {
                assertEquals(row.state()[j], state[j], tol, where + " state " + j);
            }
        }
        assertTrue(episodes >= 10, "expected at least 10 episodes, saw " + episodes);
    }

}
