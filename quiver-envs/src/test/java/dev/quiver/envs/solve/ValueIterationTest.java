package dev.quiver.envs.solve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.core.env.Step;
import dev.quiver.core.seed.Seeds;
import dev.quiver.core.tabular.TabularModel;
import dev.quiver.core.tabular.Transition;
import dev.quiver.envs.toytext.CliffWalking;
import dev.quiver.envs.toytext.FrozenLake;
import dev.quiver.envs.toytext.Taxi;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValueIterationTest {

    /** BFS distance (in moves) from each state to the goal over non-hole tiles; -1 when unreachable. */
    private static int[] distancesToGoal(FrozenLake env) {
        int n = env.numStates();
        int[] dist = new int[n];
        Arrays.fill(dist, -1);
        Deque<Integer> queue = new ArrayDeque<>();
        for (int s = 0; s < n; s++) {
            if (env.tile(s) == 'G') {
                dist[s] = 0;
                queue.add(s);
            }
        }
        while (!queue.isEmpty()) {
            int g = queue.poll();
            // Predecessors: safe non-terminal states with a move landing on g.
            for (int s = 0; s < n; s++) {
                char t = env.tile(s);
                if (dist[s] >= 0 || t == 'H' || t == 'G') {
                    continue;
                }
                for (int a = 0; a < 4; a++) {
                    if (env.transitions(s, a).get(0).nextState() == g) {
                        dist[s] = dist[g] + 1;
                        queue.add(s);
                        break;
                    }
                }
            }
        }
        return dist;
    }

    @Test
    void deterministicFrozenLakeValuesArePowersOfGamma() {
        for (String map : List.of("4x4", "8x8")) {
            FrozenLake env = new FrozenLake(map, false);
            TabularSolution sol = ValueIteration.solve(env, 0.9, 1e-12);
            int[] dist = distancesToGoal(env);
            for (int s = 0; s < env.numStates(); s++) {
                char t = env.tile(s);
                double expected = t == 'H' || t == 'G' || dist[s] < 0 ? 0.0 : Math.pow(0.9, dist[s] - 1);
                assertEquals(expected, sol.values()[s], 1e-10, map + " state " + s);
            }
        }
        TabularSolution sol = ValueIteration.solve(new FrozenLake("4x4", false), 0.9, 1e-12);
        assertEquals(0.59049, sol.values()[0], 1e-10);
        // From the start, DOWN and RIGHT both lie on a shortest path: the tie goes to DOWN (1), not RIGHT (2).
        assertEquals(sol.qValues()[0][FrozenLake.DOWN], sol.qValues()[0][FrozenLake.RIGHT], 1e-12);
        assertEquals(FrozenLake.DOWN, sol.greedyActions()[0]);
    }

    @Test
    void slipperyFrozenLakeOptimalSuccessIsFourteenSeventeenths() {
        FrozenLake env = new FrozenLake();
        TabularSolution sol = ValueIteration.solve(env, 1.0, 1e-13);
        assertEquals(14.0 / 17.0, sol.values()[0], 1e-9);
        assertEquals(14.0 / 17.0, sol.expectedReturn(env), 1e-9);
        // The greedy policy, evaluated exactly, attains V*.
        double[] v = PolicyEvaluation.evaluateExact(env, sol.greedyPolicy().table(), 1.0);
        assertArrayEquals(sol.values(), v, 1e-8);
        // Bellman optimality holds at the solution.
        double[][] q = PolicyEvaluation.actionValues(env, sol.values(), 1.0);
        for (int s = 0; s < env.numStates(); s++) {
            assertEquals(sol.values()[s], Arrays.stream(q[s]).max().getAsDouble(), 1e-10);
        }
    }

    @Test
    void cliffWalkingOptimalReturnIsMinusThirteen() {
        CliffWalking env = new CliffWalking();
        TabularSolution sol = ValueIteration.solve(env, 1.0, 1e-12);
        assertEquals(-13.0, sol.values()[CliffWalking.START], 1e-12);
        assertEquals(-13.0, sol.expectedReturn(env), 1e-12);
        assertEquals(CliffWalking.UP, sol.greedyActions()[CliffWalking.START]);
        // Follow the greedy policy: 13 steps along the cliff edge.
        env.reset(0L);
        double total = 0;
        int steps = 0;
        Step<Integer> st;
        do {
            st = env.step(sol.greedyActions()[env.currentState()]);
            total += st.reward();
            steps++;
        } while (!st.terminated() && steps < 100);
        assertEquals(-13.0, total);
        assertEquals(13, steps);
        // Slippery: stay away from the edge; finite but worse.
        TabularSolution slip = ValueIteration.solve(new CliffWalking(true), 1.0, 1e-10);
        assertTrue(slip.values()[CliffWalking.START] < -13.0);
        assertTrue(Double.isFinite(slip.values()[CliffWalking.START]));
    }

    @Test
    void taxiOptimalReturnMatchesMonteCarlo() {
        Taxi env = new Taxi();
        TabularSolution sol = ValueIteration.solve(env, 1.0, 1e-12);
        double exact = sol.expectedReturn(env);
        int episodes = 2000;
        double sum = 0;
        double sumSq = 0;
        env.reset(123L);
        for (int e = 0; e < episodes; e++) {
            int s = env.reset().observation();
            double ret = 0;
            for (int t = 0; t < 200; t++) {
                Step<Integer> st = env.step(sol.greedyActions()[s]);
                ret += st.reward();
                s = st.observation();
                if (st.terminated()) {
                    break;
                }
                assertTrue(t < 199, "greedy episode did not end within the time limit");
            }
            sum += ret;
            sumSq += ret * ret;
        }
        double mean = sum / episodes;
        double sd = Math.sqrt((sumSq - episodes * mean * mean) / (episodes - 1));
        double se = sd / Math.sqrt(episodes);
        assertTrue(se > 0.01, "returns should vary with the start state, se = " + se);
        assertEquals(exact, mean, 4 * se, "exact " + exact + " vs Monte Carlo " + mean + " +- " + se);
    }

    /** Cells east-west blocked by a wall in Taxi-v3's map, as {row, westCol}: a wall between westCol and +1. */
    private static final int[][] TAXI_WALLS = {{0, 1}, {1, 1}, {3, 0}, {3, 2}, {4, 0}, {4, 2}};
    private static final int[][] STANDS = {{0, 0}, {0, 4}, {4, 0}, {4, 3}};

    private static int gridDistance(int r0, int c0, int r1, int c1) {
        int[][] dist = new int[5][5];
        for (int[] row : dist) {
            Arrays.fill(row, -1);
        }
        Deque<int[]> queue = new ArrayDeque<>();
        dist[r0][c0] = 0;
        queue.add(new int[] {r0, c0});
        while (!queue.isEmpty()) {
            int[] p = queue.poll();
            for (int[] d : new int[][] {{1, 0}, {-1, 0}, {0, 1}, {0, -1}}) {
                int r = p[0] + d[0];
                int c = p[1] + d[1];
                if (r < 0 || r > 4 || c < 0 || c > 4 || dist[r][c] >= 0) {
                    continue;
                }
                boolean blocked = false;
                if (d[1] != 0) {
                    int west = Math.min(c, p[1]);
                    for (int[] w : TAXI_WALLS) {
                        blocked |= w[0] == r && w[1] == west;
                    }
                }
                if (!blocked) {
                    dist[r][c] = dist[p[0]][p[1]] + 1;
                    queue.add(new int[] {r, c});
                }
            }
        }
        return dist[r1][c1];
    }

    @Test
    void taxiOptimalValuesAreShortestDeliveries() {
        // Deterministic, gamma = 1: V* = 20 - (moves + pickup before the final dropoff) = 21 - (all actions).
        Taxi env = new Taxi();
        TabularSolution sol = ValueIteration.solve(env, 1.0, 1e-12);
        double mean = 0;
        for (int s = 0; s < 500; s++) {
            int[] x = Taxi.decode(s);
            if (x[2] == Taxi.IN_TAXI || x[2] == x[3]) {
                continue;
            }
            int[] p = STANDS[x[2]];
            int[] d = STANDS[x[3]];
            int actions = gridDistance(x[0], x[1], p[0], p[1]) + 1 + gridDistance(p[0], p[1], d[0], d[1]) + 1;
            assertEquals(21.0 - actions, sol.values()[s], 1e-9, "state " + s);
            mean += (21.0 - actions) / 300;
        }
        assertEquals(mean, sol.expectedReturn(env), 1e-9);
        // 7.93 on Taxi-v3's map: Gymnasium's registry comment "optimum = 8.46" does not hold for it.
        assertEquals(7.93, sol.expectedReturn(env), 1e-9);
    }

    @Test
    void tiesGoToTheLowestActionAndBetterActionsWin() {
        TabularModel twoEqual = model(new double[] {1.0, 1.0, 0.5});
        TabularSolution sol = ValueIteration.solve(twoEqual, 0.9, 1e-12);
        assertEquals(0, sol.greedyActions()[0]);
        assertEquals(2, sol.iterations());
        TabularModel secondBest = model(new double[] {0.5, 1.0, 1.0});
        assertEquals(1, ValueIteration.solve(secondBest, 0.9, 1e-12).greedyActions()[0]);
        assertEquals(1.0, ValueIteration.solve(secondBest, 0.9, 1e-12).values()[0]);
    }

    /** One state; action a ends the episode with reward rewards[a]. */
    private static TabularModel model(double[] rewards) {
        return new TabularModel() {
            @Override
            public int numStates() {
                return 1;
            }

            @Override
            public int numActions() {
                return rewards.length;
            }

            @Override
            public List<Transition> transitions(int state, int action) {
                return List.of(new Transition(1.0, 0, rewards[action], true));
            }

            @Override
            public double[] initialStateDistribution() {
                return new double[] {1.0};
            }
        };
    }

    @Test
    void nonConvergenceAndBadArgumentsThrow() {
        // A loop paying +1 forever has no finite value at gamma = 1.
        TabularModel loop = new TabularModel() {
            @Override
            public int numStates() {
                return 1;
            }

            @Override
            public int numActions() {
                return 1;
            }

            @Override
            public List<Transition> transitions(int state, int action) {
                return List.of(new Transition(1.0, 0, 1.0, false));
            }

            @Override
            public double[] initialStateDistribution() {
                return new double[] {1.0};
            }
        };
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ValueIteration.solve(loop, 1.0, 1e-9, 1000));
        assertTrue(e.getMessage().contains("did not converge"), e.getMessage());
        assertEquals(10.0, ValueIteration.solve(loop, 0.9, 1e-12).values()[0], 1e-9);
        assertThrows(IllegalArgumentException.class, () -> ValueIteration.solve(loop, 1.5, 1e-9));
        assertThrows(IllegalArgumentException.class, () -> ValueIteration.solve(loop, 0.9, 0.0));
        TabularModel broken = new TabularModel() {
            @Override
            public int numStates() {
                return 1;
            }

            @Override
            public int numActions() {
                return 1;
            }

            @Override
            public List<Transition> transitions(int state, int action) {
                return List.of(new Transition(0.6, 0, 0.0, true));
            }

            @Override
            public double[] initialStateDistribution() {
                return new double[] {1.0};
            }
        };
        assertThrows(IllegalArgumentException.class, () -> ValueIteration.solve(broken, 0.9, 1e-9));
    }
}
