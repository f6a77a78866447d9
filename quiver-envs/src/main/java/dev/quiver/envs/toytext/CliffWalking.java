package dev.quiver.envs.toytext;

import dev.quiver.core.tabular.Transition;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code CliffWalking}: cross a 4x12 grid from the start (3, 0) to the goal (3, 11) along a cliff
 * occupying (3, 1..10). An exact port of Gymnasium 1.x's {@code CliffWalkingEnv}, transition table
 * included.
 *
 * <p>State {@code row * 12 + col} (48 states; start 36, goal 47); actions 0 UP, 1 RIGHT, 2 DOWN, 3
 * LEFT; moves off the grid stay put. Every step costs -1, except stepping into the cliff, which costs
 * -100 and puts the agent back on the start without ending the episode. Entering the goal
 * terminates. Every state has a table, cliff and goal cells included (computed like any other cell,
 * as Gymnasium does; an episode never continues from them). With {@code is_slippery} (Gymnasium
 * 1.1+, default false) the move goes in each of the directions {@code (a - 1) mod 4, a, (a + 1) mod
 * 4} with probability 1/3, listed in that order.
 *
 * @see <a href="http://incompleteideas.net/book/the-book-2nd.html">Sutton and Barto (2018), Example 6.6</a>
 * @see <a href="https://gymnasium.farama.org/environments/toy_text/cliff_walking/">Gymnasium CliffWalking</a>
 */
public final class CliffWalking extends TabularEnv {
    /** The id Quiver registers for the Gymnasium 1.0 name of this task. */
    public static final String ID = "CliffWalking-v0";
    /** The id Gymnasium 1.1+ registers (same dynamics; adds {@code is_slippery}). */
    public static final String ID_V1 = "CliffWalking-v1";
    /** Move up. */
    public static final int UP = 0;
    /** Move right. */
    public static final int RIGHT = 1;
    /** Move down. */
    public static final int DOWN = 2;
    /** Move left. */
    public static final int LEFT = 3;
    /** Rows of the grid. */
    public static final int NROW = 4;
    /** Columns of the grid. */
    public static final int NCOL = 12;
    /** The start state, (3, 0). */
    public static final int START = 36;
    /** The goal state, (3, 11). */
    public static final int GOAL = 47;
    private static final int[][] DELTAS = {{-1, 0}, {0, 1}, {1, 0}, {0, -1}};

    private final boolean slippery;

    /** The deterministic task. */
    public CliffWalking() {
        this(false);
    }

    /** The task, optionally slippery. */
    public CliffWalking(boolean isSlippery) {
        this(ID, isSlippery);
    }

    /** The task under a registered id. */
    CliffWalking(String id, boolean isSlippery) {
        super(id, 0, Double.NaN, NROW * NCOL, 4, table(isSlippery), initial());
        this.slippery = isSlippery;
    }

    /** Whether moves may slip sideways. */
    public boolean isSlippery() {
        return slippery;
    }

    /** Whether {@code (row, col)} is a cliff cell. */
    public static boolean isCliff(int row, int col) {
        return row == NROW - 1 && col >= 1 && col <= NCOL - 2;
    }

    @Override
    public String render() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < NROW * NCOL; i++) {
            int row = i / NCOL;
            int col = i % NCOL;
            String cell;
            if (i == s) {
                cell = " x ";
            } else if (i == GOAL) {
                cell = " T ";
            } else if (isCliff(row, col)) {
                cell = " C ";
            } else {
                cell = " o ";
            }
            if (col == 0) {
                cell = cell.stripLeading();
            }
            if (col == NCOL - 1) {
                cell = cell.stripTrailing() + "\n";
            }
            out.append(cell);
        }
        return out.append('\n').toString();
    }

    private static List<List<Transition>> table(boolean slippery) {
        List<List<Transition>> rows = new ArrayList<>(NROW * NCOL * 4);
        for (int s = 0; s < NROW * NCOL; s++) {
            int row = s / NCOL;
            int col = s % NCOL;
            for (int a = 0; a < 4; a++) {
                int[] moves = slippery ? new int[] {(a + 3) % 4, a, (a + 1) % 4} : new int[] {a};
                double p = 1.0 / moves.length;
                List<Transition> li = new ArrayList<>(moves.length);
                for (int m : moves) {
                    int r = Math.max(0, Math.min(row + DELTAS[m][0], NROW - 1));
                    int c = Math.max(0, Math.min(col + DELTAS[m][1], NCOL - 1));
                    if (isCliff(r, c)) {
                        li.add(new Transition(p, START, -100.0, false));
                    } else {
                        int next = r * NCOL + c;
                        li.add(new Transition(p, next, -1.0, next == GOAL));
                    }
                }
                rows.add(li);
            }
        }
        return rows;
    }

    private static double[] initial() {
        double[] d = new double[NROW * NCOL];
        d[START] = 1.0;
        return d;
    }
}
