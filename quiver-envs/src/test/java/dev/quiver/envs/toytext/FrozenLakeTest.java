package dev.quiver.envs.toytext;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.core.env.Reset;
import dev.quiver.core.env.Step;
import dev.quiver.core.error.QuiverUserException;
import dev.quiver.core.seed.Seeds;
import dev.quiver.core.space.Discrete;
import dev.quiver.core.tabular.Transition;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

class FrozenLakeTest {

    @Test
    void mapsAreGymnasiumsMaps() {
        assertEquals(List.of("SFFF", "FHFH", "FFFH", "HFFG"), new FrozenLake().desc());
        assertEquals(List.of("SFFFFFFF", "FFFFFFFF", "FFFHFFFF", "FFFFFHFF", "FFFHFFFF", "FHHFFFHF", "FHFFHFHF",
                "FFFHFFFG"), new FrozenLake("8x8", true).desc());
        FrozenLake big = new FrozenLake("8x8", false);
        assertEquals(new Discrete(64), big.observationSpace());
        assertEquals(new Discrete(4), big.actionSpace());
        assertEquals(FrozenLake.ID_8X8, big.spec().id());
        assertEquals(200, big.spec().maxEpisodeSteps().getAsInt());
        assertEquals(0.85, big.spec().rewardThreshold().getAsDouble());
    }

    @Test
    void everyTableRowSumsToOne() {
        List<FrozenLake> envs = List.of(new FrozenLake(), new FrozenLake("4x4", false), new FrozenLake("8x8", true),
                new FrozenLake("8x8", false), new FrozenLake(FrozenLakeMaps.MAP_4X4, true, 0.8, new double[] {1, 0, 0}),
                new FrozenLake(FrozenLakeMaps.MAP_8X8, true, 0.05, new double[] {1, -1, -0.01}));
        for (FrozenLake env : envs) {
            for (int s = 0; s < env.numStates(); s++) {
                for (int a = 0; a < env.numActions(); a++) {
                    double sum = 0;
                    for (Transition t : env.transitions(s, a)) {
                        sum += t.probability();
                    }
                    assertEquals(1.0, sum, 1e-12, "P[" + s + "][" + a + "]");
                }
            }
            double d0 = 0;
            for (double p : env.initialStateDistribution()) {
                d0 += p;
            }
            assertEquals(1.0, d0, 1e-12);
        }
    }

    @Test
    void knownTransitions() {
        FrozenLake dry = new FrozenLake("4x4", false);
        assertEquals(List.of(new Transition(1.0, 15, 1.0, true)), dry.transitions(14, FrozenLake.RIGHT));
        assertEquals(List.of(new Transition(1.0, 0, 0.0, false)), dry.transitions(0, FrozenLake.LEFT));
        assertEquals(List.of(new Transition(1.0, 5, 0.0, true)), dry.transitions(1, FrozenLake.DOWN));
        // Holes and the goal are absorbing with reward 0, as Gymnasium's P.
        for (int a = 0; a < 4; a++) {
            assertEquals(List.of(new Transition(1.0, 5, 0.0, true)), dry.transitions(5, a));
            assertEquals(List.of(new Transition(1.0, 15, 0.0, true)), dry.transitions(15, a));
        }
        FrozenLake icy = new FrozenLake();
        double third = 1.0 / 3.0;
        double fail = (1.0 - third) / 2.0;
        // Order (a - 1) mod 4, a, (a + 1) mod 4: DOWN (stays on the bottom row), RIGHT, UP.
        assertEquals(List.of(new Transition(fail, 14, 0.0, false), new Transition(third, 15, 1.0, true),
                new Transition(fail, 10, 0.0, false)), icy.transitions(14, FrozenLake.RIGHT));
        // Into the top-left corner: UP and LEFT both stay, kept as separate rows.
        assertEquals(List.of(new Transition(fail, 0, 0.0, false), new Transition(third, 0, 0.0, false),
                new Transition(fail, 4, 0.0, false)), icy.transitions(0, FrozenLake.LEFT));
    }

    @Test
    void successRateAndRewardSchedule() {
        FrozenLake env = new FrozenLake(FrozenLakeMaps.MAP_4X4, true, 0.8, new double[] {5, -2, -0.5});
        List<Transition> row = env.transitions(14, FrozenLake.RIGHT);
        assertEquals(0.1, row.get(0).probability(), 1e-15);
        assertEquals(0.8, row.get(1).probability(), 1e-15);
        assertEquals(0.1, row.get(2).probability(), 1e-15);
        assertEquals(5.0, row.get(1).reward());
        assertEquals(-0.5, row.get(0).reward());
        assertEquals(-2.0, env.transitions(6, FrozenLake.LEFT).get(1).reward());
        assertTrue(env.transitions(6, FrozenLake.LEFT).get(1).terminal());
        // Entering S counts as frozen.
        assertEquals(-0.5, env.transitions(4, FrozenLake.UP).get(1).reward());
        assertEquals(0, env.transitions(4, FrozenLake.UP).get(1).nextState());
        // Terminal self-loops keep reward 0 whatever the schedule.
        assertEquals(List.of(new Transition(1.0, 15, 0.0, true)), env.transitions(15, FrozenLake.UP));
    }

    @Test
    void slipperyOutcomesHaveProbabilityOneThird() {
        // From state 6 (row 1, col 2) action DOWN slips LEFT into hole 5, goes DOWN to 10, or RIGHT into hole 7.
        FrozenLake env = new FrozenLake();
        env.reset(7L);
        int n = 30_000;
        int[] counts = new int[16];
        for (int i = 0; i < n; i++) {
            env.setState(new double[] {6});
            Step<Integer> st = env.step(FrozenLake.DOWN);
            counts[st.observation()]++;
            assertEquals(st.observation() == 10 ? 1.0 / 3.0 : (1.0 - 1.0 / 3.0) / 2.0, (double) st.info().get("prob"),
                    1e-15);
        }
        double p = 1.0 / 3.0;
        double sigma = Math.sqrt(n * p * (1 - p));
        for (int s : new int[] {5, 10, 7}) {
            assertEquals(n * p, counts[s], 4 * sigma, "count of state " + s);
        }
        assertEquals(n, counts[5] + counts[10] + counts[7]);
    }

    @Test
    void successRateFrequencies() {
        FrozenLake env = new FrozenLake(FrozenLakeMaps.MAP_4X4, true, 0.7, new double[] {1, 0, 0});
        env.reset(11L);
        int n = 20_000;
        int intended = 0;
        for (int i = 0; i < n; i++) {
            env.setState(new double[] {6});
            if (env.step(FrozenLake.DOWN).observation() == 10) {
                intended++;
            }
        }
        assertEquals(0.7 * n, intended, 4 * Math.sqrt(n * 0.7 * 0.3));
    }

    @Test
    void resetAndStepInfo() {
        FrozenLake env = new FrozenLake("4x4", false);
        Reset<Integer> r = env.reset(3L);
        assertEquals(0, r.observation());
        assertEquals(1.0, r.info().get("prob"));
        Step<Integer> st = env.step(FrozenLake.RIGHT);
        assertEquals(1, st.observation());
        assertEquals(0.0, st.reward());
        assertFalse(st.terminated());
        assertFalse(st.truncated());
        assertEquals(1.0, st.info().get("prob"));
        assertEquals(FrozenLake.RIGHT, env.lastAction());
        // Walk DOWN, DOWN, RIGHT, DOWN, RIGHT to the goal: 1 -> 5 is a hole, so take the safe route from 0.
        env.reset(3L);
        int[] route = {FrozenLake.DOWN, FrozenLake.DOWN, FrozenLake.RIGHT, FrozenLake.DOWN, FrozenLake.RIGHT,
            FrozenLake.RIGHT};
        int[] expected = {4, 8, 9, 13, 14, 15};
        for (int i = 0; i < route.length; i++) {
            st = env.step(route[i]);
            assertEquals(expected[i], st.observation());
            assertEquals(i == route.length - 1, st.terminated());
            assertEquals(i == route.length - 1 ? 1.0 : 0.0, st.reward());
        }
        assertThrows(IllegalStateException.class, () -> env.step(0));
    }

    @Test
    void initialStateIsSampledAmongStartTiles() {
        FrozenLake env = new FrozenLake(List.of("SFS", "FHF", "SFG"), false);
        assertArrayEquals(new double[] {1.0 / 3, 0, 1.0 / 3, 0, 0, 0, 1.0 / 3, 0, 0}, env.initialStateDistribution(),
                1e-15);
        int[] counts = new int[9];
        env.reset(5L);
        int n = 9_000;
        for (int i = 0; i < n; i++) {
            counts[env.reset().observation()]++;
        }
        double p = 1.0 / 3;
        for (int s : new int[] {0, 2, 6}) {
            assertEquals(n * p, counts[s], 4 * Math.sqrt(n * p * (1 - p)));
        }
        assertEquals(n, counts[0] + counts[2] + counts[6]);
    }

    @Test
    void sameSeedSameTrajectory() {
        assertEquals(trajectory(new FrozenLake("8x8", true), 99L), trajectory(new FrozenLake("8x8", true), 99L));
        FrozenLake env = new FrozenLake("8x8", true);
        List<String> first = trajectory(env, 42L);
        assertEquals(first, trajectory(env, 42L));
        assertFalse(first.equals(trajectory(env, 43L)) && first.equals(trajectory(env, 44L)),
                "different seeds should give different trajectories");
    }

    static List<String> trajectory(FrozenLake env, long seed) {
        UniformRandomProvider actions = Seeds.rng(seed + 1000);
        List<String> out = new ArrayList<>();
        out.add("reset " + env.reset(seed).observation());
        for (int i = 0; i < 200; i++) {
            int a = actions.nextInt(4);
            Step<Integer> st = env.step(a);
            out.add(a + "->" + st.observation() + "/" + st.reward() + "/" + st.terminated());
            if (st.terminated()) {
                out.add("reset " + env.reset().observation());
            }
        }
        return out;
    }

    @Test
    void invalidActionsAndStatesAreUserErrors() {
        FrozenLake env = new FrozenLake();
        env.reset(1L);
        QuiverUserException e = assertThrows(QuiverUserException.class, () -> env.step(4));
        assertTrue(e.getMessage().contains(FrozenLake.ID), e.getMessage());
        assertThrows(QuiverUserException.class, () -> env.step(-1));
        assertThrows(QuiverUserException.class, () -> env.step(null));
        assertThrows(QuiverUserException.class, () -> env.setState(new double[] {16}));
        assertThrows(QuiverUserException.class, () -> env.setState(new double[] {1.5}));
        assertThrows(QuiverUserException.class, () -> env.setState(new double[] {1, 2}));
        assertThrows(IndexOutOfBoundsException.class, () -> env.transitions(16, 0));
    }

    @Test
    void setStateStartsAnEpisodeThere() {
        FrozenLake env = new FrozenLake("4x4", false);
        assertEquals(14, env.setState(new double[] {14}));
        assertArrayEquals(new double[] {14}, env.state());
        Step<Integer> st = env.step(FrozenLake.RIGHT);
        assertEquals(15, st.observation());
        assertEquals(1.0, st.reward());
        assertTrue(st.terminated());
        env.setState(new double[] {0});
        assertEquals(1, env.step(FrozenLake.RIGHT).observation());
    }

    @Test
    void badMapsAreUserErrors() {
        assertThrows(QuiverUserException.class, () -> new FrozenLake(List.of("SFF", "FF"), true));
        assertThrows(QuiverUserException.class, () -> new FrozenLake(List.of("SFX", "FFG"), true));
        assertThrows(QuiverUserException.class, () -> new FrozenLake(List.of("FFF", "FFG"), true));
        assertThrows(QuiverUserException.class, () -> new FrozenLake(List.of(), true));
        assertThrows(QuiverUserException.class, () -> new FrozenLake("5x5", true));
        assertThrows(QuiverUserException.class,
                () -> new FrozenLake(FrozenLakeMaps.MAP_4X4, true, 1.5, new double[] {1, 0, 0}));
        assertThrows(QuiverUserException.class,
                () -> new FrozenLake(FrozenLakeMaps.MAP_4X4, true, 0.5, new double[] {1, 0}));
    }

    @Test
    void renderMarksTheAgentInRed() {
        FrozenLake env = new FrozenLake("4x4", false);
        env.reset(0L);
        assertEquals("\n\u001b[41mS\u001b[0mFFF\nFHFH\nFFFH\nHFFG\n", env.render());
        env.step(FrozenLake.DOWN);
        assertEquals("  (Down)\nSFFF\n\u001b[41mF\u001b[0mHFH\nFFFH\nHFFG\n", env.render());
    }

    @Test
    void randomMapsHaveAPath() {
        UniformRandomProvider rng = Seeds.rng(2024L);
        for (int i = 0; i < 50; i++) {
            List<String> map = FrozenLakeMaps.generateRandomMap(8, 0.6, rng);
            assertEquals(8, map.size());
            assertEquals('S', map.get(0).charAt(0));
            assertEquals('G', map.get(7).charAt(7));
            char[][] board = new char[8][];
            for (int r = 0; r < 8; r++) {
                board[r] = map.get(r).toCharArray();
            }
            assertTrue(FrozenLakeMaps.hasPath(board));
            new FrozenLake(map, true);
        }
        assertFalse(FrozenLakeMaps.hasPath(new char[][] {"SH".toCharArray(), "HG".toCharArray()}));
    }
}
