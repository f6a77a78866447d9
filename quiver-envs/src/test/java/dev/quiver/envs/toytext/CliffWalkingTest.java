package dev.quiver.envs.toytext;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.core.env.Step;
import dev.quiver.core.error.QuiverUserException;
import dev.quiver.core.seed.Seeds;
import dev.quiver.core.space.Discrete;
import dev.quiver.core.tabular.Transition;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

class CliffWalkingTest {

    @Test
    void spacesStartAndRowsSumToOne() {
        for (CliffWalking env : List.of(new CliffWalking(), new CliffWalking(true))) {
            assertEquals(new Discrete(48), env.observationSpace());
            assertEquals(new Discrete(4), env.actionSpace());
            double[] d0 = env.initialStateDistribution();
            assertEquals(1.0, d0[CliffWalking.START]);
            for (int s = 0; s < 48; s++) {
                for (int a = 0; a < 4; a++) {
                    double sum = 0;
                    for (Transition t : env.transitions(s, a)) {
                        sum += t.probability();
                    }
                    assertEquals(1.0, sum, 1e-12);
                }
            }
            assertEquals(CliffWalking.START, env.reset(0L).observation());
        }
        assertFalse(new CliffWalking().spec().maxEpisodeSteps().isPresent());
    }

    @Test
    void knownTransitions() {
        CliffWalking env = new CliffWalking();
        assertEquals(List.of(new Transition(1.0, 36, -100.0, false)), env.transitions(36, CliffWalking.RIGHT));
        assertEquals(List.of(new Transition(1.0, 24, -1.0, false)), env.transitions(36, CliffWalking.UP));
        assertEquals(List.of(new Transition(1.0, 36, -1.0, false)), env.transitions(36, CliffWalking.LEFT));
        assertEquals(List.of(new Transition(1.0, 36, -1.0, false)), env.transitions(24, CliffWalking.DOWN));
        assertEquals(List.of(new Transition(1.0, 36, -100.0, false)), env.transitions(25, CliffWalking.DOWN));
        assertEquals(List.of(new Transition(1.0, 47, -1.0, true)), env.transitions(35, CliffWalking.DOWN));
        assertEquals(List.of(new Transition(1.0, 11, -1.0, false)), env.transitions(11, CliffWalking.UP));
        CliffWalking slippery = new CliffWalking(true);
        double p = 1.0 / 3.0;
        // RIGHT slips UP or DOWN: order (a - 1) mod 4 = UP, a = RIGHT (into the cliff), (a + 1) mod 4 = DOWN
        // (off the grid: stays on the start).
        assertEquals(List.of(new Transition(p, 24, -1.0, false), new Transition(p, 36, -100.0, false),
                new Transition(p, 36, -1.0, false)), slippery.transitions(36, CliffWalking.RIGHT));
        assertEquals(List.of(new Transition(p, 35, -1.0, false), new Transition(p, 47, -1.0, true),
                new Transition(p, 34, -1.0, false)), slippery.transitions(35, CliffWalking.DOWN));
    }

    @Test
    void cliffSendsBackToStartWithoutEnding() {
        CliffWalking env = new CliffWalking();
        env.reset(1L);
        Step<Integer> st = env.step(CliffWalking.RIGHT);
        assertEquals(CliffWalking.START, st.observation());
        assertEquals(-100.0, st.reward());
        assertFalse(st.terminated());
        assertEquals(1.0, st.info().get("prob"));
        // The optimal path: up, 11 x right, down.
        double total = 0;
        st = env.step(CliffWalking.UP);
        total += st.reward();
        for (int i = 0; i < 11; i++) {
            total += env.step(CliffWalking.RIGHT).reward();
        }
        st = env.step(CliffWalking.DOWN);
        total += st.reward();
        assertEquals(CliffWalking.GOAL, st.observation());
        assertTrue(st.terminated());
        assertEquals(-13.0, total);
    }

    @Test
    void slipperyFrequencies() {
        CliffWalking env = new CliffWalking(true);
        env.reset(17L);
        int n = 30_000;
        int[] counts = new int[48];
        for (int i = 0; i < n; i++) {
            env.setState(new double[] {13});
            counts[env.step(CliffWalking.DOWN).observation()]++;
        }
        double p = 1.0 / 3.0;
        double sigma = Math.sqrt(n * p * (1 - p));
        // DOWN from (1, 1) slips RIGHT to 14, goes DOWN to 25 or LEFT to 12.
        for (int s : new int[] {14, 25, 12}) {
            assertEquals(n * p, counts[s], 4 * sigma, "state " + s);
        }
    }

    @Test
    void sameSeedSameTrajectoryAndInvalidActions() {
        CliffWalking env = new CliffWalking(true);
        assertEquals(trajectory(env, 5L), trajectory(env, 5L));
        assertThrows(QuiverUserException.class, () -> env.step(4));
        assertThrows(QuiverUserException.class, () -> env.setState(new double[] {48}));
    }

    private static List<Integer> trajectory(CliffWalking env, long seed) {
        UniformRandomProvider actions = Seeds.rng(~seed);
        List<Integer> out = new ArrayList<>();
        out.add(env.reset(seed).observation());
        for (int i = 0; i < 300; i++) {
            Step<Integer> st = env.step(actions.nextInt(4));
            out.add(st.observation());
            if (st.terminated()) {
                out.add(env.reset().observation());
            }
        }
        return out;
    }

    @Test
    void renderAsGymnasium() {
        CliffWalking env = new CliffWalking();
        env.reset(0L);
        String expected = "o  o  o  o  o  o  o  o  o  o  o  o\n"
                + "o  o  o  o  o  o  o  o  o  o  o  o\n"
                + "o  o  o  o  o  o  o  o  o  o  o  o\n"
                + "x  C  C  C  C  C  C  C  C  C  C  T\n\n";
        assertEquals(expected, env.render());
        assertArrayEquals(new double[] {36}, env.state());
    }
}
