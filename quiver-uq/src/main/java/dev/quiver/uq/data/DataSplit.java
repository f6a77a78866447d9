package dev.quiver.uq.data;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * A random partition of the row indices {@code 0..n-1} into a proper-training part, a calibration part
 * and a test part (any may be empty except the training part), each in random order.
 *
 * <p>{@link #random} follows the CQR experiments: {@code ceil(testFraction * n)} rows go to the test
 * part (scikit-learn's {@code train_test_split}), and of the remaining {@code m} rows
 * {@code ceil(calibrationFraction * m)} go to calibration ({@code m - floor(m / 2)} for one half).
 *
 * @param train the proper-training rows
 * @param calibration the calibration rows
 * @param test the test rows
 */
public record DataSplit(int[] train, int[] calibration, int[] test) {
    /** Copies the arrays. */
    public DataSplit {
        train = train.clone();
        calibration = calibration.clone();
        test = test.clone();
    }

    /**
     * A seeded random split of {@code n} rows.
     *
     * @param n the number of rows
     * @param testFraction the test share, in [0, 1)
     * @param calibrationFraction the calibration share of the non-test rows, in [0, 1)
     * @param rng the generator (one uniform permutation of the rows is drawn)
     */
    public static DataSplit random(int n, double testFraction, double calibrationFraction, UniformRandomProvider rng) {
        if (!(testFraction >= 0 && testFraction < 1)) {
            throw new IllegalArgumentException("test fraction must be in [0, 1), got " + testFraction);
        }
        if (!(calibrationFraction >= 0 && calibrationFraction < 1)) {
            throw new IllegalArgumentException("calibration fraction must be in [0, 1), got " + calibrationFraction);
        }
        int[] perm = permutation(n, rng);
        int nTest = (int) Math.ceil(testFraction * n - 1e-9);
        int rest = n - nTest;
        int nCal = (int) Math.ceil(calibrationFraction * rest - 1e-9);
        int nTrain = rest - nCal;
        if (nTrain < 1) {
            throw new IllegalArgumentException("no rows left for training: n = " + n + ", test fraction "
                    + testFraction + ", calibration fraction " + calibrationFraction);
        }
        return new DataSplit(Arrays.copyOfRange(perm, 0, nTrain), Arrays.copyOfRange(perm, nTrain, rest),
                Arrays.copyOfRange(perm, rest, n));
    }

    /** A uniformly random permutation of {@code 0..n-1} (Fisher-Yates). */
    public static int[] permutation(int n, UniformRandomProvider rng) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    /** The proper-training and calibration rows together (training first). */
    public int[] trainAndCalibration() {
        int[] all = Arrays.copyOf(train, train.length + calibration.length);
        System.arraycopy(calibration, 0, all, train.length, calibration.length);
        return all;
    }

    @Override
    public int[] train() {
        return train.clone();
    }

    @Override
    public int[] calibration() {
        return calibration.clone();
    }

    @Override
    public int[] test() {
        return test.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DataSplit s && Arrays.equals(train, s.train) && Arrays.equals(calibration, s.calibration)
                && Arrays.equals(test, s.test);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(train) + Arrays.hashCode(calibration)) + Arrays.hashCode(test);
    }

    @Override
    public String toString() {
        return "DataSplit[train " + train.length + ", calibration " + calibration.length + ", test " + test.length + "]";
    }
}
