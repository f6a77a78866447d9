package dev.quiver.uq.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.core.seed.Seeds;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DataSplitTest {
    @ParameterizedTest
    @CsvSource({"1030, 0.2, 0.5, 412, 412, 206", "10, 0.2, 0.5, 4, 4, 2", "11, 0.2, 0.5, 4, 4, 3",
        "7, 0.0, 0.5, 3, 4, 0", "100, 0.25, 0.0, 75, 0, 25"})
    void sizesFollowTheCqrProtocolAndPartitionTheRows(int n, double test, double cal, int nTrain, int nCal,
            int nTest) {
        for (long seed = 0; seed < 5; seed++) {
            DataSplit s = DataSplit.random(n, test, cal, Seeds.of(seed).rng());
            assertEquals(nTrain, s.train().length);
            assertEquals(nCal, s.calibration().length);
            assertEquals(nTest, s.test().length);
            int[] all = new int[n];
            System.arraycopy(s.trainAndCalibration(), 0, all, 0, nTrain + nCal);
            System.arraycopy(s.test(), 0, all, nTrain + nCal, nTest);
            Arrays.sort(all);
            for (int i = 0; i < n; i++) {
                assertEquals(i, all[i]);
            }
            assertEquals(s, DataSplit.random(n, test, cal, Seeds.of(seed).rng()), "same seed, same split");
        }
    }

    @ParameterizedTest
    @CsvSource({"0", "1", "2"})
    void standardizerCentresAndScalesTheTrainingColumns(long seed) {
        var rng = Seeds.of(seed).rng();
        double[][] rows = new double[50][3];
        for (double[] r : rows) {
            r[0] = 100 + 10 * rng.nextDouble();
            r[1] = -3 * rng.nextDouble();
            r[2] = 7; // constant
        }
        Matrix x = Matrix.of(rows);
        Standardizer st = Standardizer.fit(x);
        Matrix z = st.transform(x);
        for (int j = 0; j < 2; j++) {
            double[] c = z.column(j);
            double m = Arrays.stream(c).average().orElseThrow();
            double v = Arrays.stream(c).map(t -> (t - m) * (t - m)).sum() / c.length;
            assertEquals(0, m, 1e-12);
            assertEquals(1, v, 1e-12);
        }
        assertArrayEquals(new double[50], z.column(2), 0.0);
        assertEquals(1.0, st.scale()[2]);
        assertTrue(st.mean()[0] > 100);
    }
}
