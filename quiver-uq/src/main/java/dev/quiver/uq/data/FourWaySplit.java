package dev.quiver.uq.data;

import dev.quiver.core.seed.Seeds;
import java.util.Arrays;

/**
 * A random split of a data set's rows into four parts — model training, a second learning stage (a policy, an
 * aggregator), calibration and test — for the studies whose method needs data beyond split conformal's three
 * parts. Optionally on a random subsample of the rows first.
 *
 * <p>From seeds {@code s}: with {@code maxRows} in (0, n) a subsample of that many rows is drawn with
 * {@code s.child("subsample")}; the rows used are permuted with {@code s.child("split")}; the test part is the
 * last {@code ceil(testFraction · used)} of the permutation, and of the rest the second stage takes
 * {@code ceil(stageFraction · rest)}, calibration {@code ceil(calibrationFraction · rest)} and training what
 * remains, in the order training, stage, calibration.
 *
 * @param train the model-training rows
 * @param stage the second learning stage's rows
 * @param calibration the calibration rows
 * @param test the test rows
 */
public record FourWaySplit(int[] train, int[] stage, int[] calibration, int[] test) {

    /**
     * Draws the split.
     *
     * @param n the number of rows
     * @param maxRows subsample this many rows first when in (0, n); otherwise use every row
     * @param testFraction the test share of the rows used
     * @param stageFraction the second stage's share of the non-test rows
     * @param calibrationFraction the calibration share of the non-test rows
     * @param stageName what the second stage is, for the error message
     * @param seeds the split's seeds
     * @throws IllegalArgumentException when fewer than 2 training rows or no test row remain
     */
    public static FourWaySplit random(int n, int maxRows, double testFraction, double stageFraction,
            double calibrationFraction, String stageName, Seeds seeds) {
        int[] pool = null;
        if (maxRows > 0 && maxRows < n) {
            pool = Arrays.copyOf(DataSplit.permutation(n, seeds.child("subsample").rng()), maxRows);
        }
        int used = pool == null ? n : pool.length;
        int[] perm = DataSplit.permutation(used, seeds.child("split").rng());
        int nTest = (int) Math.ceil(testFraction * used - 1e-9);
        int rest = used - nTest;
        int nStage = (int) Math.ceil(stageFraction * rest - 1e-9);
        int nCal = (int) Math.ceil(calibrationFraction * rest - 1e-9);
        int nTrain = rest - nStage - nCal;
        if (nTrain < 2 || nTest < 1) {
            throw new IllegalArgumentException("too few rows (" + used + ") for training, " + stageName
                    + ", calibration and test parts");
        }
        int[][] parts = {Arrays.copyOfRange(perm, 0, nTrain), Arrays.copyOfRange(perm, nTrain, nTrain + nStage),
            Arrays.copyOfRange(perm, nTrain + nStage, rest), Arrays.copyOfRange(perm, rest, used)};
        if (pool != null) {
            for (int[] p : parts) {
                for (int i = 0; i < p.length; i++) {
                    p[i] = pool[p[i]];
                }
            }
        }
        return new FourWaySplit(parts[0], parts[1], parts[2], parts[3]);
    }
}
