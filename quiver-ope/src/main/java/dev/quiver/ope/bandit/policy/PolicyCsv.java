package dev.quiver.ope.bandit.policy;

import dev.quiver.core.error.QuiverUserException;
import dev.quiver.ope.bandit.data.CsvTable;
import dev.quiver.ope.bandit.data.LoggedBanditData;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads an evaluation policy's action probabilities from a CSV file: a header line (any column names),
 * then one line per logged row, in the logs' order, with the {@code K} probabilities {@code pi_e(a | x_i,
 * k_i)} of actions {@code 0..K-1} at that row's position. Each line must be a probability vector
 * (non-negative, summing to 1 within {@code 1e-6}).
 *
 * <pre>
 * p0,p1,p2
 * 0.2,0.5,0.3
 * </pre>
 */
public final class PolicyCsv {
    private PolicyCsv() {
    }

    /**
     * Reads {@code file} for the rows of {@code logs}.
     *
     * @throws QuiverUserException if the file's shape does not match the logs or a line is not a
     *     probability vector (the message names the file and line)
     */
    public static ActionDistribution read(Path file, LoggedBanditData logs) {
        int k = logs.numActions();
        String what = "one line per logged row with " + k + " action probabilities";
        CsvTable t = CsvTable.read(file, what);
        if (t.header().length != k) {
            throw new QuiverUserException(file + " line 1: " + t.header().length + " columns, but " + logs.source()
                    + " has " + k + " actions; expected " + what);
        }
        List<CsvTable.Row> rows = t.rows();
        if (rows.size() != logs.size()) {
            throw new QuiverUserException(file + ": " + rows.size() + " data lines, but " + logs.source() + " has "
                    + logs.size() + " rows; expected " + what);
        }
        double[] flat = new double[logs.size() * k];
        for (int i = 0; i < rows.size(); i++) {
            CsvTable.Row row = rows.get(i);
            for (int a = 0; a < k; a++) {
                flat[i * k + a] = t.number(row, a);
            }
            String problem = ActionDistribution.check(flat, i * k, k);
            if (problem != null) {
                throw new QuiverUserException(file + " line " + row.line() + ": " + problem
                        + "; each line must be a probability vector");
            }
        }
        return ActionDistribution.ofFlat(logs.size(), k, flat);
    }
}
