package dev.quiver.envs.toytext;

import static dev.quiver.envs.toytext.Taxi.encode;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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

class TaxiTest {

    @Test
    void encodeDecode() {
        assertEquals(328, encode(3, 1, 2, 0));
        assertArrayEquals(new int[] {3, 1, 2, 0}, Taxi.decode(328));
        for (int s = 0; s < 500; s++) {
            int[] d = Taxi.decode(s);
            assertEquals(s, encode(d[0], d[1], d[2], d[3]));
        }
        assertThrows(IllegalArgumentException.class, () -> Taxi.decode(500));
        assertThrows(IllegalArgumentException.class, () -> encode(0, 0, 5, 0));
    }

    @Test
    void spacesAndInitialDistribution() {
        Taxi env = new Taxi();
        assertEquals(new Discrete(500), env.observationSpace());
        assertEquals(new Discrete(6), env.actionSpace());
        assertEquals(200, env.spec().maxEpisodeSteps().getAsInt());
        assertEquals(8.0, env.spec().rewardThreshold().getAsDouble());
        double[] d0 = env.initialStateDistribution();
        int support = 0;
        double total = 0;
        for (int s = 0; s < 500; s++) {
            int[] x = Taxi.decode(s);
            boolean start = x[2] < Taxi.IN_TAXI && x[2] != x[3];
            assertEquals(start ? 1.0 / 300 : 0.0, d0[s], 1e-15, "state " + s);
            support += d0[s] > 0 ? 1 : 0;
            total += d0[s];
        }
        assertEquals(300, support);
        assertEquals(1.0, total, 1e-12);
        env.reset(3L);
        for (int i = 0; i < 500; i++) {
            int s = env.reset().observation();
            assertTrue(d0[s] > 0, "reset to a state outside the support: " + s);
        }
    }

    @Test
    void everyRowSumsToOne() {
        for (Taxi env : List.of(new Taxi(), new Taxi(true, false))) {
            for (int s = 0; s < 500; s++) {
                for (int a = 0; a < 6; a++) {
                    double sum = 0;
                    for (Transition t : env.transitions(s, a)) {
                        sum += t.probability();
                    }
                    assertEquals(1.0, sum, 1e-12);
                }
            }
        }
    }

    @Test
    void knownTransitions() {
        Taxi env = new Taxi();
        assertEquals(List.of(new Transition(1.0, encode(0, 0, 4, 1), -1, false)),
                env.transitions(encode(0, 0, 0, 1), Taxi.PICKUP));
        assertEquals(List.of(new Transition(1.0, encode(0, 1, 0, 1), -10, false)),
                env.transitions(encode(0, 1, 0, 1), Taxi.PICKUP));
        assertEquals(List.of(new Transition(1.0, encode(0, 4, 1, 1), 20, true)),
                env.transitions(encode(0, 4, 4, 1), Taxi.DROPOFF));
        // Dropping off at another stand leaves the passenger there for the step cost only.
        assertEquals(List.of(new Transition(1.0, encode(0, 0, 0, 1), -1, false)),
                env.transitions(encode(0, 0, 4, 1), Taxi.DROPOFF));
        assertEquals(List.of(new Transition(1.0, encode(1, 1, 4, 1), -10, false)),
                env.transitions(encode(1, 1, 4, 1), Taxi.DROPOFF));
        assertEquals(List.of(new Transition(1.0, encode(0, 0, 1, 2), -10, false)),
                env.transitions(encode(0, 0, 1, 2), Taxi.DROPOFF));
        // Walls: "|R: | : :G|" blocks east from column 1; "| | : | : |" blocks east from (3, 0).
        assertEquals(encode(0, 1, 2, 3), env.transitions(encode(0, 1, 2, 3), Taxi.EAST).get(0).nextState());
        assertEquals(encode(0, 1, 2, 3), env.transitions(encode(0, 0, 2, 3), Taxi.EAST).get(0).nextState());
        assertEquals(encode(3, 0, 2, 3), env.transitions(encode(3, 0, 2, 3), Taxi.EAST).get(0).nextState());
        assertEquals(encode(3, 2, 2, 3), env.transitions(encode(3, 1, 2, 3), Taxi.EAST).get(0).nextState());
        assertEquals(encode(3, 1, 2, 3), env.transitions(encode(3, 1, 2, 3), Taxi.WEST).get(0).nextState());
        assertEquals(encode(0, 3, 2, 3), env.transitions(encode(0, 3, 2, 3), Taxi.NORTH).get(0).nextState());
        assertEquals(encode(4, 3, 2, 3), env.transitions(encode(3, 3, 2, 3), Taxi.SOUTH).get(0).nextState());
        assertEquals(-1.0, env.transitions(encode(0, 1, 2, 3), Taxi.EAST).get(0).reward());
    }

    @Test
    void actionMasks() {
        assertArrayEquals(new byte[] {1, 0, 1, 0, 1, 0}, Taxi.actionMask(encode(0, 0, 0, 1)));
        assertArrayEquals(new byte[] {1, 0, 0, 1, 0, 0}, Taxi.actionMask(encode(0, 1, 4, 2)));
        assertArrayEquals(new byte[] {0, 1, 1, 0, 0, 1}, Taxi.actionMask(encode(4, 3, 4, 0)));
        Taxi env = new Taxi();
        Reset<Integer> r = env.reset(9L);
        assertEquals(1.0, r.info().get("prob"));
        assertArrayEquals(Taxi.actionMask(r.observation()), (byte[]) r.info().get("action_mask"));
        Step<Integer> st = env.step(Taxi.SOUTH);
        assertArrayEquals(Taxi.actionMask(st.observation()), (byte[]) st.info().get("action_mask"));
        assertEquals(1.0, st.info().get("prob"));
        // A masked-out action leaves the state unchanged; an allowed one changes it.
        for (int s = 0; s < 500; s++) {
            byte[] mask = Taxi.actionMask(s);
            for (int a = 0; a < 6; a++) {
                boolean changes = env.transitions(s, a).get(0).nextState() != s;
                assertEquals(mask[a] == 1, changes, "state " + s + " action " + a);
            }
        }
    }

    @Test
    void rainyTableMatchesGymnasium12() {
        Taxi env = new Taxi(true, false);
        assertEquals(List.of(new Transition(0.8, encode(3, 2, 0, 1), -1, false),
                new Transition(0.1, encode(2, 1, 0, 1), -1, false),
                new Transition(0.1, encode(2, 3, 0, 1), -1, false)), env.transitions(encode(2, 2, 0, 1), Taxi.SOUTH));
        // East from (1, 0): the sideways "up" move checks the wall west of (0, 0), the map border, and stays;
        // the "down" move checks the character east of (2, 0), a ':', and goes.
        assertEquals(List.of(new Transition(0.8, encode(1, 1, 0, 1), -1, false),
                new Transition(0.1, encode(2, 0, 0, 1), -1, false),
                new Transition(0.1, encode(1, 0, 0, 1), -1, false)), env.transitions(encode(1, 0, 0, 1), Taxi.EAST));
        // A blocked east move does not slip at all.
        int s = encode(0, 1, 0, 1);
        assertEquals(List.of(new Transition(0.8, s, -1, false), new Transition(0.1, s, -1, false),
                new Transition(0.1, s, -1, false)), env.transitions(s, Taxi.EAST));
        assertEquals(List.of(new Transition(1.0, encode(0, 4, 1, 1), 20, true)),
                env.transitions(encode(0, 4, 4, 1), Taxi.DROPOFF));
    }

    @Test
    void rainyFrequencies() {
        Taxi env = new Taxi(true, false);
        env.reset(21L);
        int n = 20_000;
        int start = encode(2, 2, 0, 1);
        int[] counts = new int[500];
        for (int i = 0; i < n; i++) {
            env.setState(new double[] {start});
            counts[env.step(Taxi.SOUTH).observation()]++;
        }
        assertEquals(0.8 * n, counts[encode(3, 2, 0, 1)], 4 * Math.sqrt(n * 0.8 * 0.2));
        assertEquals(0.1 * n, counts[encode(2, 1, 0, 1)], 4 * Math.sqrt(n * 0.1 * 0.9));
        assertEquals(0.1 * n, counts[encode(2, 3, 0, 1)], 4 * Math.sqrt(n * 0.1 * 0.9));
    }

    @Test
    void ficklePassengerChangesDestinationWithProbabilityPointThree() {
        Taxi env = new Taxi(false, true);
        int n = 6_000;
        int changed = 0;
        int[] newDest = new int[4];
        int aboard = encode(0, 0, Taxi.IN_TAXI, 1);
        for (int i = 0; i < n; i++) {
            env.reset(1000L + i);
            boolean armed = env.fickleArmed();
            env.setState(new double[] {aboard});
            int[] after = Taxi.decode(env.step(Taxi.SOUTH).observation());
            assertEquals(1, after[0]);
            assertEquals(Taxi.IN_TAXI, after[2]);
            assertEquals(armed, after[3] != 1);
            assertFalse(env.fickleArmed());
            if (after[3] != 1) {
                changed++;
                newDest[after[3]]++;
                // Only the first move with the passenger aboard can change the destination.
                int[] later = Taxi.decode(env.step(Taxi.SOUTH).observation());
                assertEquals(after[3], later[3]);
            }
        }
        assertEquals(0.3 * n, changed, 4 * Math.sqrt(n * 0.3 * 0.7));
        assertEquals(0, newDest[1]);
        for (int d : new int[] {0, 2, 3}) {
            double p = 1.0 / 3;
            assertEquals(changed * p, newDest[d], 4 * Math.sqrt(changed * p * (1 - p)));
        }
    }

    @Test
    void fickleStateRoundTrip() {
        Taxi env = new Taxi(false, true);
        env.setState(new double[] {encode(0, 0, 4, 1), 1});
        assertArrayEquals(new double[] {encode(0, 0, 4, 1), 1}, env.state());
        // Moving without the passenger's position changing (blocked north) keeps the destination.
        assertEquals(encode(0, 0, 4, 1), env.step(Taxi.NORTH).observation());
        assertTrue(env.fickleArmed());
        assertNotEquals(1, Taxi.decode(env.step(Taxi.SOUTH).observation())[3]);
        assertThrows(QuiverUserException.class, () -> env.setState(new double[] {1, 2}));
        assertThrows(QuiverUserException.class, () -> new Taxi().setState(new double[] {1, 1}));
    }

    @Test
    void sameSeedSameTrajectoryAndInvalidActions() {
        Taxi env = new Taxi(true, true);
        assertEquals(trajectory(env, 8L), trajectory(env, 8L));
        env.reset(0L);
        assertThrows(QuiverUserException.class, () -> env.step(6));
        assertThrows(QuiverUserException.class, () -> env.setState(new double[] {500}));
    }

    private static List<Integer> trajectory(Taxi env, long seed) {
        UniformRandomProvider actions = Seeds.rng(seed * 31 + 7);
        List<Integer> out = new ArrayList<>();
        out.add(env.reset(seed).observation());
        for (int i = 0; i < 400; i++) {
            Step<Integer> st = env.step(actions.nextInt(6));
            out.add(st.observation());
            out.add((int) st.reward());
            if (st.terminated()) {
                out.add(env.reset().observation());
            }
        }
        return out;
    }

    @Test
    void renderAsGymnasium() {
        Taxi env = new Taxi();
        env.setState(new double[] {encode(2, 2, 0, 1)});
        String expected = "+---------+\n"
                + "|\u001b[34;1mR\u001b[0m: | : :\u001b[35mG\u001b[0m|\n"
                + "| : | : : |\n"
                + "| : :\u001b[43m \u001b[0m: : |\n"
                + "| | : | : |\n"
                + "|Y| : |B: |\n"
                + "+---------+\n\n";
        assertEquals(expected, env.render());
        env.step(Taxi.NORTH);
        assertTrue(env.render().endsWith("  (North)\n"));
    }
}
