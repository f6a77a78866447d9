package dev.quiver.envs.toytext;

import dev.quiver.core.error.QuiverUserException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * FrozenLake's maps: the two named maps of Gymnasium's {@code MAPS} and random valid maps as its
 * {@code generate_random_map}. Letters: {@code S} start, {@code F} frozen, {@code H} hole, {@code G}
 * goal.
 */
public final class FrozenLakeMaps {
    /** Gymnasium's {@code MAPS["4x4"]}. */
    public static final List<String> MAP_4X4 = List.of("SFFF", "FHFH", "FFFH", "HFFG");
    /** Gymnasium's {@code MAPS["8x8"]}. */
    public static final List<String> MAP_8X8 = List.of(
            "SFFFFFFF",
            "FFFFFFFF",
            "FFFHFFFF",
            "FFFFFHFF",
            "FFFHFFFF",
            "FHHFFFHF",
            "FHFFHFHF",
            "FFFHFFFG");

    private FrozenLakeMaps() {
    }

    /** The named map {@code "4x4"} or {@code "8x8"}; other names are a user error. */
    public static List<String> named(String mapName) {
        if ("4x4".equals(mapName)) {
            return MAP_4X4;
        }
        if ("8x8".equals(mapName)) {
            return MAP_8X8;
        }
        throw new QuiverUserException("FrozenLake: unknown map_name '" + mapName + "'; allowed: 4x4, 8x8 (or give desc)");
    }

    /**
     * A random {@code size x size} map with the start top-left, the goal bottom-right and each other
     * tile frozen with probability {@code p} (else a hole), redrawn until a path from start to goal
     * exists, as Gymnasium's {@code generate_random_map(size, p)} (Gymnasium's defaults: 8, 0.8). The
     * draws come from {@code rng}, so maps differ from numpy's for the same seed.
     */
    public static List<String> generateRandomMap(int size, double p, UniformRandomProvider rng) {
        if (size < 2) {
            throw new IllegalArgumentException("size must be >= 2, got " + size);
        }
        double frozen = Math.min(1.0, p);
        if (!(frozen > 0.0)) {
            throw new IllegalArgumentException("p must be > 0 for a path to exist, got " + p);
        }
        while (true) {
            char[][] board = new char[size][size];
            for (int r = 0; r < size; r++) {
                for (int c = 0; c < size; c++) {
                    board[r][c] = rng.nextDouble() < frozen ? 'F' : 'H';
                }
            }
            board[0][0] = 'S';
            board[size - 1][size - 1] = 'G';
            if (hasPath(board)) {
                List<String> rows = new ArrayList<>(size);
                for (char[] row : board) {
                    rows.add(new String(row));
                }
                return List.copyOf(rows);
            }
        }
    }

    /** Whether a path of non-hole tiles leads from the top-left tile to a goal (Gymnasium's {@code is_valid}). */
    static boolean hasPath(char[][] board) {
        int nrow = board.length;
        int ncol = board[0].length;
        boolean[][] seen = new boolean[nrow][ncol];
        Deque<int[]> frontier = new ArrayDeque<>();
        frontier.push(new int[] {0, 0});
        int[][] dirs = {{1, 0}, {0, 1}, {-1, 0}, {0, -1}};
        while (!frontier.isEmpty()) {
            int[] rc = frontier.pop();
            if (seen[rc[0]][rc[1]]) {
                continue;
            }
            seen[rc[0]][rc[1]] = true;
            if (board[rc[0]][rc[1]] == 'G') {
                return true;
            }
            for (int[] d : dirs) {
                int r = rc[0] + d[0];
                int c = rc[1] + d[1];
                if (r >= 0 && r < nrow && c >= 0 && c < ncol && board[r][c] != 'H' && !seen[r][c]) {
                    frontier.push(new int[] {r, c});
                }
            }
        }
        return false;
    }
}
