package dev.quiver.ope.bandit.data;

import dev.quiver.core.error.QuiverUserException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads logged bandit feedback from a plain CSV file: one row per round with the columns {@code action}
 * (an integer {@code 0..K-1}), {@code reward} (a number), {@code propensity} (the logging policy's
 * probability of the logged action, in (0, 1]) and optionally {@code position} (0-based); every other
 * column is a numeric context feature, in file order. Columns with an empty name (a pandas index) are
 * ignored. The number of actions is the largest logged action plus one unless given.
 *
 * <pre>
 * x0,x1,action,reward,propensity
 * 0.3,-1.2,2,1,0.25
 * </pre>
 */
public final class LogsCsv {
    private LogsCsv() {
    }

    /** Reads {@code file}, with as many actions as the largest logged action plus one. */
    public static LoggedBanditData read(Path file) {
        return read(file, 0);
    }

    /**
     * Reads {@code file}.
     *
     * @param numActions the number of actions, or 0 to take the largest logged action plus one
     * @throws QuiverUserException on a missing column or a bad value (the message names the file, line
     *     and column)
     */
    public static LoggedBanditData read(Path file, int numActions) {
        String what = "columns action, reward, propensity[, position] and numeric context columns";
        CsvTable t = CsvTable.read(file, what);
        int ca = t.require("action", what);
        int cr = t.require("reward", what);
        int cp = t.require("propensity", what);
        int cpos = t.column("position");
        String[] header = t.header();
        List<Integer> contextCols = new ArrayList<>();
        for (int c = 0; c < header.length; c++) {
            if (c != ca && c != cr && c != cp && c != cpos && !header[c].isEmpty()) {
                contextCols.add(c);
            }
        }
        List<CsvTable.Row> rows = t.rows();
        int n = rows.size();
        if (n == 0) {
            throw new QuiverUserException(file + ": no data rows after the header; expected one row per logged round");
        }
        int d = contextCols.size();
        double[] x = new double[n * d];
        int[] a = new int[n];
        int[] k = new int[n];
        double[] r = new double[n];
        double[] p = new double[n];
        int maxAction = numActions > 0 ? numActions - 1 : Integer.MAX_VALUE;
        String actions = numActions > 0 ? "an action 0.." + (numActions - 1) : "an action index 0, 1, 2, ...";
        int maxPos = 0;
        for (int i = 0; i < n; i++) {
            CsvTable.Row row = rows.get(i);
            for (int j = 0; j < d; j++) {
                x[i * d + j] = t.number(row, contextCols.get(j));
            }
            a[i] = t.integer(row, ca, 0, maxAction, actions);
            r[i] = t.number(row, cr);
            p[i] = t.number(row, cp);
            if (!(p[i] > 0 && p[i] <= 1)) {
                throw new QuiverUserException(t.where(row, cp) + ": " + p[i] + " is not a probability in (0, 1]"
                        + " (the logging policy's probability of the logged action)");
            }
            if (cpos >= 0) {
                k[i] = t.integer(row, cpos, 0, Integer.MAX_VALUE, "a 0-based position 0, 1, 2, ...");
                maxPos = Math.max(maxPos, k[i]);
            }
        }
        int k0 = numActions;
        if (k0 <= 0) {
            for (int ai : a) {
                k0 = Math.max(k0, ai + 1);
            }
        }
        return LoggedBanditData.builder(k0).source(file.toString()).contexts(x, d).actions(a).numPositions(maxPos + 1)
                .positions(k).rewards(r).propensities(p).build();
    }
}
