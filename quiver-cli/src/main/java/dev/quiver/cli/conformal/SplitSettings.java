package dev.quiver.cli.conformal;

import dev.quiver.core.error.QuiverUserException;
import dev.quiver.core.seed.Seeds;
import dev.quiver.uq.data.DataSplit;
import java.nio.file.Path;
import org.apache.commons.rng.UniformRandomProvider;
import picocli.CommandLine.Option;

/** The experiment options shared by {@code conformal regress} and {@code classify}. */
final class SplitSettings {
    @Option(names = "--alpha", paramLabel = "A", defaultValue = "0.1",
            description = "Miscoverage: intervals/sets aim at coverage 1 - A (default: ${DEFAULT-VALUE}).")
    double alpha;

    @Option(names = "--test-fraction", paramLabel = "F", defaultValue = "0.2",
            description = "Share of rows held out for testing in each repeat (default: ${DEFAULT-VALUE}, as CQR).")
    double testFraction;

    @Option(names = "--calibration-fraction", paramLabel = "F", defaultValue = "0.5",
            description = "Share of the non-test rows that calibrates split methods (default: ${DEFAULT-VALUE}, as"
                    + " CQR; CV+, jackknife+ and J+aB use all of them).")
    double calibrationFraction;

    @Option(names = "--repeats", paramLabel = "R", defaultValue = "1",
            description = "Random splits; the output gives the mean and a 95%% bootstrap interval of the mean over"
                    + " them (default: ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--max-rows", paramLabel = "N",
            description = "Use a random subsample of N rows in each repeat, drawn before splitting (to keep large data"
                    + " sets such as bio cheap; default: all rows).")
    Integer maxRows;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0",
            description = "Root seed; repeat r uses the child stream repeat/r (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--json", paramLabel = "OUT", description = "Also write the results as JSON to OUT (atomically).")
    Path json;

    void validate(int rows) {
        if (!(alpha > 0 && alpha < 1)) {
            throw new QuiverUserException("--alpha must be in (0, 1), got " + alpha);
        }
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new QuiverUserException("--test-fraction must be in (0, 1), got " + testFraction);
        }
        if (!(calibrationFraction > 0 && calibrationFraction < 1)) {
            throw new QuiverUserException("--calibration-fraction must be in (0, 1), got " + calibrationFraction);
        }
        if (repeats < 1) {
            throw new QuiverUserException("--repeats must be at least 1, got " + repeats);
        }
        if (maxRows != null && maxRows < 10) {
            throw new QuiverUserException("--max-rows must be at least 10, got " + maxRows);
        }
        int used = maxRows == null ? rows : Math.min(rows, maxRows);
        int nTest = (int) Math.ceil(testFraction * used - 1e-9);
        int rest = used - nTest;
        int nCal = (int) Math.ceil(calibrationFraction * rest - 1e-9);
        if (nTest < 1 || rest - nCal < 2 || nCal < 1) {
            throw new QuiverUserException("the data set has " + used + " usable rows: too few for a test part ("
                    + nTest + "), a calibration part (" + nCal + ") and a training part (" + (rest - nCal) + ")");
        }
    }

    /** The rows of repeat r: {@code [0]} the training part (proper training and calibration), {@code [1]} the test part. */
    int[][] rows(int n, Seeds repeat) {
        int[] pool = null;
        if (maxRows != null && maxRows < n) {
            int[] perm = DataSplit.permutation(n, repeat.child("subsample").rng());
            pool = java.util.Arrays.copyOf(perm, maxRows);
        }
        int m = pool == null ? n : pool.length;
        UniformRandomProvider rng = repeat.child("split").rng();
        DataSplit split = DataSplit.random(m, testFraction, 0, rng);
        int[] train = split.train();
        int[] test = split.test();
        if (pool != null) {
            for (int i = 0; i < train.length; i++) {
                train[i] = pool[train[i]];
            }
            for (int i = 0; i < test.length; i++) {
                test[i] = pool[test[i]];
            }
        }
        return new int[][] {train, test};
    }
}
