package dev.quiver.envs.toytext;

import dev.quiver.core.error.QuiverUserException;
import dev.quiver.core.tabular.Transition;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * {@code Taxi-v3}: drive a taxi on a 5x5 grid with walls, pick up a passenger waiting at one of four
 * stands (R, G, Y, B) and drop them off at their destination stand. An exact port of Gymnasium
 * 1.2's {@code TaxiEnv} ({@code Taxi-v3}), transition table included.
 *
 * <p>State {@code ((taxi_row * 5 + taxi_col) * 5 + passenger_location) * 4 + destination} (500
 * states), passenger location 0-3 a stand, 4 in the taxi. Actions 0 south, 1 north, 2 east, 3 west,
 * 4 pickup, 5 dropoff. Rewards: -1 per step; +20 and termination for a dropoff at the destination;
 * -10 for a pickup where the passenger is not, or a dropoff with no passenger or away from every
 * stand; a dropoff at another stand leaves the passenger there for -1. Reset draws uniformly among
 * the 300 states whose passenger waits at a stand other than the destination. Info holds {@code
 * "prob"} and {@code "action_mask"}, a {@code byte[6]} (Gymnasium's int8 array) marking the actions
 * that can change the state.
 *
 * <p>Gymnasium 1.2 options, both default false: {@code is_rainy} makes a move go the intended way
 * with probability 0.8 and sideways with 0.1 each, reproducing Gymnasium 1.2's table exactly
 * (including its wall checks for the sideways moves, which Gymnasium later changed in {@code
 * Taxi-v4}); {@code fickle_passenger} makes the passenger, with probability 0.3 drawn at reset,
 * switch to a uniformly chosen other destination on the first move of the taxi after they boarded.
 * Fickleness lives outside the table, as in Gymnasium: {@link #transitions} is Gymnasium's {@code P},
 * exact only without it.
 *
 * <p>The optimal expected return of the deterministic task (gamma 1, no time limit) is exactly
 * 7.93, below the registered reward threshold 8; Gymnasium's registry comment "optimum = 8.46" does
 * not hold for this map.
 *
 * @see <a href="https://doi.org/10.1613/jair.639">Dietterich (2000), Hierarchical Reinforcement
 *     Learning with the MAXQ Value Function Decomposition, JAIR 13</a>
 * @see <a href="https://gymnasium.farama.org/environments/toy_text/taxi/">Gymnasium Taxi</a>
 */
public final class Taxi extends TabularEnv {
    /** The registered id. */
    public static final String ID = "Taxi-v3";
    /** Move south (down). */
    public static final int SOUTH = 0;
    /** Move north (up). */
    public static final int NORTH = 1;
    /** Move east (right). */
    public static final int EAST = 2;
    /** Move west (left). */
    public static final int WEST = 3;
    /** Pick the passenger up. */
    public static final int PICKUP = 4;
    /** Drop the passenger off. */
    public static final int DROPOFF = 5;
    /** Passenger location meaning "in the taxi". */
    public static final int IN_TAXI = 4;
    /** Gymnasium's map; {@code :} between two cells is passable, {@code |} a wall. */
    public static final List<String> MAP = List.of(
            "+---------+",
            "|R: | : :G|",
            "| : | : : |",
            "| : : : : |",
            "| | : | : |",
            "|Y| : |B: |",
            "+---------+");
    /** The stands R, G, Y, B as {row, col}. */
    private static final int[][] LOCS = {{0, 0}, {0, 4}, {4, 0}, {4, 3}};
    private static final int MAX = 4;
    private static final double FICKLE_PROBABILITY = 0.3;
    private static final String[] ACTION_NAMES = {"South", "North", "East", "West", "Pickup", "Dropoff"};

    private final boolean rainy;
    private final boolean fickle;
    private boolean fickleArmed;

    /** The deterministic task. */
    public Taxi() {
        this(false, false);
    }

    /** The task with Gymnasium 1.2's stochastic options. */
    public Taxi(boolean isRainy, boolean ficklePassenger) {
        super(ID, 200, 8.0, 500, 6, table(isRainy), initial());
        this.rainy = isRainy;
        this.fickle = ficklePassenger;
    }

    /** Whether moves may slip sideways. */
    public boolean isRainy() {
        return rainy;
    }

    /** Whether the passenger may change destination. */
    public boolean isFicklePassenger() {
        return fickle;
    }

    /** Whether the passenger will still change destination on the taxi's next move with them aboard. */
    public boolean fickleArmed() {
        return fickleArmed;
    }

    /** The state index of {@code (taxiRow, taxiCol, passengerLocation, destination)}. */
    public static int encode(int taxiRow, int taxiCol, int passengerLocation, int destination) {
        if (taxiRow < 0 || taxiRow > MAX || taxiCol < 0 || taxiCol > MAX || passengerLocation < 0
                || passengerLocation > IN_TAXI || destination < 0 || destination > 3) {
            throw new IllegalArgumentException("Taxi: no state (" + taxiRow + ", " + taxiCol + ", "
                    + passengerLocation + ", " + destination + ")");
        }
        return ((taxiRow * 5 + taxiCol) * 5 + passengerLocation) * 4 + destination;
    }

    /** {@code {taxiRow, taxiCol, passengerLocation, destination}} of a state index. */
    public static int[] decode(int state) {
        if (state < 0 || state >= 500) {
            throw new IllegalArgumentException("Taxi: state must be in [0, 500), got " + state);
        }
        int dest = state % 4;
        int i = state / 4;
        int pass = i % 5;
        i /= 5;
        int col = i % 5;
        return new int[] {i / 5, col, pass, dest};
    }

    /**
     * The actions that can change {@code state}, as Gymnasium's {@code action_mask}: a move unless
     * blocked by the grid edge or (east, west) a wall; pickup where the passenger waits; dropoff with
     * the passenger aboard at a stand.
     */
    public static byte[] actionMask(int state) {
        int[] d = decode(state);
        int row = d[0];
        int col = d[1];
        int pass = d[2];
        byte[] mask = new byte[6];
        if (row < MAX) {
            mask[SOUTH] = 1;
        }
        if (row > 0) {
            mask[NORTH] = 1;
        }
        if (col < MAX && wall(row, 2 * col + 2) == ':') {
            mask[EAST] = 1;
        }
        if (col > 0 && wall(row, 2 * col) == ':') {
            mask[WEST] = 1;
        }
        if (pass < IN_TAXI && LOCS[pass][0] == row && LOCS[pass][1] == col) {
            mask[PICKUP] = 1;
        }
        if (pass == IN_TAXI && standAt(row, col) >= 0) {
            mask[DROPOFF] = 1;
        }
        return mask;
    }

    @Override
    Map<String, Object> info(double prob) {
        return Map.of("prob", prob, "action_mask", actionMask(s));
    }

    @Override
    void afterReset(UniformRandomProvider rng) {
        fickleArmed = fickle && rng.nextDouble() < FICKLE_PROBABILITY;
    }

    @Override
    int afterTransition(int previous, int next, UniformRandomProvider rng) {
        if (!fickle || !fickleArmed) {
            return next;
        }
        int[] before = decode(previous);
        int[] after = decode(next);
        if (before[2] != IN_TAXI || (after[0] == before[0] && after[1] == before[1])) {
            return next;
        }
        fickleArmed = false;
        int pick = rng.nextInt(3);
        int dest = pick >= before[3] ? pick + 1 : pick;
        return encode(after[0], after[1], after[2], dest);
    }

    /**
     * {@inheritDoc} Layout: {@code {s}}, or {@code {s, armed}} with a fickle passenger, {@code armed}
     * 1 when the passenger will still change destination.
     */
    @Override
    public double[] state() {
        return fickle ? new double[] {s, fickleArmed ? 1 : 0} : new double[] {s};
    }

    /**
     * {@inheritDoc} Layout: {@code {s}}, or with a fickle passenger also {@code {s, armed}} ({@code
     * armed} 0 or 1; with {@code {s}} alone the flag drawn at the last reset is kept).
     */
    @Override
    public Integer setState(double[] state) {
        int allowed = fickle ? 2 : 1;
        if (state == null || state.length < 1 || state.length > allowed) {
            throw new QuiverUserException(ID + ": setState expects " + (fickle ? "{s} or {s, armed}" : "{s}")
                    + ", got " + (state == null ? "null" : Arrays.toString(state)));
        }
        if (state.length == 2) {
            if (state[1] != 0 && state[1] != 1) {
                throw new QuiverUserException(ID + ": setState: armed must be 0 or 1, got " + state[1]);
            }
            fickleArmed = state[1] == 1;
        }
        enterState(state[0]);
        return s;
    }

    @Override
    public String render() {
        List<List<String>> out = new ArrayList<>();
        for (String line : MAP) {
            List<String> cells = new ArrayList<>();
            for (char ch : line.toCharArray()) {
                cells.add(String.valueOf(ch));
            }
            out.add(cells);
        }
        int[] d = decode(s);
        int row = d[0];
        int col = d[1];
        int pass = d[2];
        int dest = d[3];
        List<String> taxiRow = out.get(1 + row);
        if (pass < IN_TAXI) {
            taxiRow.set(2 * col + 1, Ansi.colorize(taxiRow.get(2 * col + 1), Ansi.YELLOW, false, true));
            List<String> passRow = out.get(1 + LOCS[pass][0]);
            int pj = 2 * LOCS[pass][1] + 1;
            passRow.set(pj, Ansi.colorize(passRow.get(pj), Ansi.BLUE, true, false));
        } else {
            String cell = taxiRow.get(2 * col + 1);
            taxiRow.set(2 * col + 1, Ansi.colorize(" ".equals(cell) ? "_" : cell, Ansi.GREEN, false, true));
        }
        List<String> destRow = out.get(1 + LOCS[dest][0]);
        int dj = 2 * LOCS[dest][1] + 1;
        destRow.set(dj, Ansi.colorize(destRow.get(dj), Ansi.MAGENTA, false, false));
        StringBuilder sb = new StringBuilder();
        for (int r = 0; r < out.size(); r++) {
            if (r > 0) {
                sb.append('\n');
            }
            out.get(r).forEach(sb::append);
        }
        sb.append('\n');
        if (lastAction >= 0) {
            sb.append("  (").append(ACTION_NAMES[lastAction]).append(")\n");
        } else {
            sb.append('\n');
        }
        return sb.toString();
    }

    /** The map character at map row {@code 1 + row} and map column {@code mapCol}. */
    private static char wall(int row, int mapCol) {
        return MAP.get(1 + row).charAt(mapCol);
    }

    /** The stand index at {@code (row, col)}, or -1. */
    private static int standAt(int row, int col) {
        for (int i = 0; i < LOCS.length; i++) {
            if (LOCS[i][0] == row && LOCS[i][1] == col) {
                return i;
            }
        }
        return -1;
    }

    private static double[] initial() {
        double[] d = new double[500];
        for (int s = 0; s < 500; s++) {
            int[] x = decode(s);
            if (x[2] < IN_TAXI && x[2] != x[3]) {
                d[s] = 1.0 / 300.0;
            }
        }
        return d;
    }

    private static List<List<Transition>> table(boolean rainy) {
        List<List<Transition>> rows = new ArrayList<>(500 * 6);
        for (int s = 0; s < 500; s++) {
            int[] x = decode(s);
            for (int a = 0; a < 6; a++) {
                rows.add(rainy ? rainyRow(x[0], x[1], x[2], x[3], a) : dryRow(x[0], x[1], x[2], x[3], a));
            }
        }
        return rows;
    }

    /** The outcome of pickup or dropoff: {new passenger location, reward, terminal (0/1)}. */
    private static int[] service(int row, int col, int pass, int dest, int action) {
        if (action == PICKUP) {
            if (pass < IN_TAXI && LOCS[pass][0] == row && LOCS[pass][1] == col) {
                return new int[] {IN_TAXI, -1, 0};
            }
            return new int[] {pass, -10, 0};
        }
        int stand = standAt(row, col);
        if (pass == IN_TAXI && stand == dest) {
            return new int[] {dest, 20, 1};
        }
        if (pass == IN_TAXI && stand >= 0) {
            return new int[] {stand, -1, 0};
        }
        return new int[] {pass, -10, 0};
    }

    private static List<Transition> dryRow(int row, int col, int pass, int dest, int action) {
        int newRow = row;
        int newCol = col;
        int newPass = pass;
        double reward = -1;
        boolean terminal = false;
        if (action == SOUTH) {
            newRow = Math.min(row + 1, MAX);
        } else if (action == NORTH) {
            newRow = Math.max(row - 1, 0);
        } else if (action == EAST) {
            if (wall(row, 2 * col + 2) == ':') {
                newCol = Math.min(col + 1, MAX);
            }
        } else if (action == WEST) {
            if (wall(row, 2 * col) == ':') {
                newCol = Math.max(col - 1, 0);
            }
        } else {
            int[] o = service(row, col, pass, dest, action);
            newPass = o[0];
            reward = o[1];
            terminal = o[2] == 1;
        }
        return List.of(new Transition(1.0, encode(newRow, newCol, newPass, dest), reward, terminal));
    }

    /** Gymnasium 1.2's sideways moves: {intended, "left", "right"} deltas per move action. */
    private static final int[][][] RAINY_MOVES = {
        {{1, 0}, {0, -1}, {0, 1}},
        {{-1, 0}, {0, -1}, {0, 1}},
        {{0, 1}, {1, 0}, {-1, 0}},
        {{0, -1}, {1, 0}, {-1, 0}},
    };

    private static List<Transition> rainyRow(int row, int col, int pass, int dest, int action) {
        if (action >= PICKUP) {
            int[] o = service(row, col, pass, dest, action);
            return List.of(new Transition(1.0, encode(row, col, o[0], dest), o[1], o[2] == 1));
        }
        int newRow = row;
        int newCol = col;
        int[] left = {row, col};
        int[] right = {row, col};
        boolean allowed = action == SOUTH || action == NORTH
                || (action == EAST && wall(row, 2 * col + 2) == ':')
                || (action == WEST && wall(row, 2 * col) == ':');
        if (allowed) {
            int[][] m = RAINY_MOVES[action];
            newRow = clamp(row + m[0][0]);
            newCol = clamp(col + m[0][1]);
            left = sideways(row, col, m[1], 2);
            right = sideways(row, col, m[2], 0);
        }
        return List.of(
                new Transition(0.8, encode(newRow, newCol, pass, dest), -1, false),
                new Transition(0.1, encode(left[0], left[1], pass, dest), -1, false),
                new Transition(0.1, encode(right[0], right[1], pass, dest), -1, false));
    }

    /**
     * Gymnasium 1.2's {@code _calc_new_position}: the clamped cell, kept only if the map character at
     * {@code 2 * new_col + offset} of its row is {@code :}.
     */
    private static int[] sideways(int row, int col, int[] delta, int offset) {
        int r = clamp(row + delta[0]);
        int c = clamp(col + delta[1]);
        return wall(r, 2 * c + offset) == ':' ? new int[] {r, c} : new int[] {row, col};
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(v, MAX));
    }
}
