package dev.quiver.envs.toytext;

import dev.quiver.core.error.QuiverUserException;
import dev.quiver.core.tabular.Transition;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code FrozenLake-v1}: walk from a start tile {@code S} to the goal {@code G} over frozen tiles
 * {@code F} without falling into a hole {@code H}. An exact port of Gymnasium 1.2's {@code
 * FrozenLakeEnv}, transition table included.
 *
 * <p>State {@code row * ncol + col}; actions 0 LEFT, 1 DOWN, 2 RIGHT, 3 UP; moves off the grid stay
 * put. Reaching {@code H} or {@code G} terminates; the reward is {@code reward_schedule} = (goal,
 * hole, frozen) by the tile entered ({@code S} counts as frozen), default (1, 0, 0). From a hole or
 * the goal every action is a self-loop with reward 0 and {@code terminal = true}, as Gymnasium's
 * {@code P}. On slippery ice ({@code is_slippery}, default true) the move goes in the intended
 * direction with probability {@code success_rate} (default 1/3) and in each perpendicular direction
 * with probability {@code (1 - success_rate) / 2}; the outcomes are listed in the order {@code
 * (a - 1) mod 4, a, (a + 1) mod 4}, duplicates (moves into a wall) kept as separate rows. Reset
 * samples uniformly among the {@code S} tiles.
 *
 * @see <a href="https://gymnasium.farama.org/environments/toy_text/frozen_lake/">Gymnasium FrozenLake</a>
 */
public final class FrozenLake extends TabularEnv {
    /** The registered id of the 4x4 task. */
    public static final String ID = "FrozenLake-v1";
    /** The registered id of the 8x8 task. */
    public static final String ID_8X8 = "FrozenLake8x8-v1";
    /** Move left. */
    public static final int LEFT = 0;
    /** Move down. */
    public static final int DOWN = 1;
    /** Move right. */
    public static final int RIGHT = 2;
    /** Move up. */
    public static final int UP = 3;
    /** Gymnasium's default {@code success_rate}. */
    public static final double DEFAULT_SUCCESS_RATE = 1.0 / 3.0;
    private static final String[] ACTION_NAMES = {"Left", "Down", "Right", "Up"};

    private final List<String> desc;
    private final int nrow;
    private final int ncol;
    private final boolean slippery;
    private final double successRate;
    private final double[] rewardSchedule;

    /** The default task: the 4x4 map, slippery, Gymnasium's defaults. */
    public FrozenLake() {
        this("4x4", true);
    }

    /** A named map ({@code "4x4"} or {@code "8x8"}) with the default success rate and rewards. */
    public FrozenLake(String mapName, boolean isSlippery) {
        this("8x8".equals(mapName) ? ID_8X8 : ID, "8x8".equals(mapName) ? 200 : 100,
                "8x8".equals(mapName) ? 0.85 : 0.70, FrozenLakeMaps.named(mapName), isSlippery,
                DEFAULT_SUCCESS_RATE, new double[] {1, 0, 0});
    }

    /** A custom map with the default success rate and rewards. */
    public FrozenLake(List<String> desc, boolean isSlippery) {
        this(desc, isSlippery, DEFAULT_SUCCESS_RATE, new double[] {1, 0, 0});
    }

    /**
     * A custom map with every option of Gymnasium's constructor.
     *
     * @param desc the rows of the map, all of one length, letters {@code SFHG}, at least one {@code S}
     * @param isSlippery whether moves may slip sideways
     * @param successRate the probability of the intended move on slippery ice, in [0, 1]
     * @param rewardSchedule the rewards for entering (goal, hole, frozen)
     */
    public FrozenLake(List<String> desc, boolean isSlippery, double successRate, double[] rewardSchedule) {
        this(ID, 100, 0.70, desc, isSlippery, successRate, rewardSchedule);
    }

    /** The full constructor, with the registration's id, time limit and threshold. */
    FrozenLake(String id, int maxSteps, double threshold, List<String> desc, boolean isSlippery,
            double successRate, double[] rewardSchedule) {
        this(id, maxSteps, threshold, Layout.of(id, desc), isSlippery, checkRate(id, successRate),
                checkSchedule(id, rewardSchedule));
    }

    private FrozenLake(String id, int maxSteps, double threshold, Layout layout, boolean isSlippery,
            double successRate, double[] rewardSchedule) {
        super(id, maxSteps, threshold, layout.nrow * layout.ncol, 4,
                table(layout, isSlippery, successRate, rewardSchedule), layout.initial());
        this.desc = layout.rows;
        this.nrow = layout.nrow;
        this.ncol = layout.ncol;
        this.slippery = isSlippery;
        this.successRate = successRate;
        this.rewardSchedule = rewardSchedule.clone();
    }

    /** The map rows. */
    public List<String> desc() {
        return desc;
    }

    /** The number of rows. */
    public int nrow() {
        return nrow;
    }

    /** The number of columns. */
    public int ncol() {
        return ncol;
    }

    /** The letter of the tile at state {@code state}. */
    public char tile(int state) {
        return desc.get(state / ncol).charAt(state % ncol);
    }

    /** Whether moves may slip sideways. */
    public boolean isSlippery() {
        return slippery;
    }

    /** The probability of the intended move on slippery ice. */
    public double successRate() {
        return successRate;
    }

    /** The rewards for entering (goal, hole, frozen). */
    public double[] rewardSchedule() {
        return rewardSchedule.clone();
    }

    @Override
    public String render() {
        StringBuilder out = new StringBuilder();
        if (lastAction >= 0) {
            out.append("  (").append(ACTION_NAMES[lastAction]).append(")\n");
        } else {
            out.append('\n');
        }
        int row = s / ncol;
        int col = s % ncol;
        for (int r = 0; r < nrow; r++) {
            String line = desc.get(r);
            for (int c = 0; c < ncol; c++) {
                String cell = String.valueOf(line.charAt(c));
                out.append(r == row && c == col ? Ansi.colorize(cell, Ansi.RED, false, true) : cell);
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static List<List<Transition>> table(Layout layout, boolean slippery, double successRate,
            double[] schedule) {
        int nrow = layout.nrow;
        int ncol = layout.ncol;
        double failRate = (1.0 - successRate) / 2.0;
        List<List<Transition>> rows = new ArrayList<>(nrow * ncol * 4);
        for (int r = 0; r < nrow; r++) {
            for (int c = 0; c < ncol; c++) {
                int s = r * ncol + c;
                char letter = layout.at(r, c);
                for (int a = 0; a < 4; a++) {
                    if (letter == 'G' || letter == 'H') {
                        rows.add(List.of(new Transition(1.0, s, 0.0, true)));
                    } else if (slippery) {
                        List<Transition> li = new ArrayList<>(3);
                        for (int b : new int[] {(a + 3) % 4, a, (a + 1) % 4}) {
                            li.add(move(layout, r, c, b, b == a ? successRate : failRate, schedule));
                        }
                        rows.add(li);
                    } else {
                        rows.add(List.of(move(layout, r, c, a, 1.0, schedule)));
                    }
                }
            }
        }
        return rows;
    }

    private static Transition move(Layout layout, int row, int col, int action, double p, double[] schedule) {
        int r = row;
        int c = col;
        switch (action) {
            case LEFT -> c = Math.max(c - 1, 0);
            case DOWN -> r = Math.min(r + 1, layout.nrow - 1);
            case RIGHT -> c = Math.min(c + 1, layout.ncol - 1);
            default -> r = Math.max(r - 1, 0);
        }
        char letter = layout.at(r, c);
        double reward = letter == 'G' ? schedule[0] : letter == 'H' ? schedule[1] : schedule[2];
        return new Transition(p, r * layout.ncol + c, reward, letter == 'G' || letter == 'H');
    }

    private static double checkRate(String id, double successRate) {
        if (!(successRate >= 0.0 && successRate <= 1.0)) {
            throw new QuiverUserException(id + ": option success_rate must be in [0, 1], got " + successRate);
        }
        return successRate;
    }

    private static double[] checkSchedule(String id, double[] schedule) {
        if (schedule == null || schedule.length != 3) {
            throw new QuiverUserException(id + ": option reward_schedule must have 3 numbers (goal, hole, frozen), got "
                    + (schedule == null ? "null" : schedule.length + " values"));
        }
        for (double v : schedule) {
            if (!Double.isFinite(v)) {
                throw new QuiverUserException(id + ": option reward_schedule must be finite, got " + v);
            }
        }
        return schedule.clone();
    }

    /** A validated map. */
    private record Layout(List<String> rows, int nrow, int ncol) {
        static Layout of(String id, List<String> desc) {
            if (desc == null || desc.isEmpty()) {
                throw new QuiverUserException(id + ": option desc must have at least one row");
            }
            List<String> rows = List.copyOf(desc);
            int ncol = rows.get(0).length();
            int starts = 0;
            for (int r = 0; r < rows.size(); r++) {
                String row = rows.get(r);
                if (row.length() != ncol || ncol == 0) {
                    throw new QuiverUserException(id + ": option desc: every row must have the same non-zero length; row "
                            + r + " is '" + row + "', row 0 has " + ncol + " tiles");
                }
                for (int c = 0; c < ncol; c++) {
                    char ch = row.charAt(c);
                    if ("SFHG".indexOf(ch) < 0) {
                        throw new QuiverUserException(id + ": option desc: tile '" + ch + "' at row " + r + ", column "
                                + c + " is not one of S, F, H, G");
                    }
                    if (ch == 'S') {
                        starts++;
                    }
                }
            }
            if (starts == 0) {
                throw new QuiverUserException(id + ": option desc needs at least one start tile 'S'");
            }
            return new Layout(rows, rows.size(), ncol);
        }

        char at(int r, int c) {
            return rows.get(r).charAt(c);
        }

        double[] initial() {
            double[] d = new double[nrow * ncol];
            int starts = 0;
            for (int i = 0; i < d.length; i++) {
                if (at(i / ncol, i % ncol) == 'S') {
                    d[i] = 1.0;
                    starts++;
                }
            }
            for (int i = 0; i < d.length; i++) {
                d[i] /= starts;
            }
            return d;
        }
    }
}
