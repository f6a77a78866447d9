package dev.quiver.uq.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The CQR benchmark loaders against the sizes and first rows of the files in shared/data/cqr-datasets
 * (skipped with a message when the folder is absent).
 */
class CqrDatasetTest {
    /** {@code shared/data/cqr-datasets} from the module or the repository root, or null. */
    static Path dataDir() {
        for (String c : List.of("../../shared/data/cqr-datasets", "../shared/data/cqr-datasets")) {
            Path p = Path.of(c);
            if (Files.isDirectory(p)) {
                return p;
            }
        }
        return null;
    }

    private static Path requireData() {
        Path dir = dataDir();
        Assumptions.assumeTrue(dir != null, "shared/data/cqr-datasets not found: skipped");
        return dir;
    }

    @Test
    void concreteHasEightFeatures() {
        TabularDataset d = CqrDataset.CONCRETE.load(requireData());
        assertEquals(1030, d.size());
        assertEquals(8, d.featureCount());
        assertArrayEquals(new double[] {540, 0, 0, 162, 2.5, 1040, 676, 28}, d.features().row(0), 0);
        assertEquals(79.99, d.target(0), 0);
    }

    @Test
    void bioHasNineFeaturesAndTargetRmsd() {
        TabularDataset d = CqrDataset.BIO.load(requireData());
        assertEquals(45730, d.size());
        assertEquals(List.of("F1", "F2", "F3", "F4", "F5", "F6", "F7", "F8", "F9"), d.featureNames());
        assertEquals(17.284, d.target(0), 0);
        assertEquals(13558.3, d.features().get(0, 0), 0);
    }

    @Test
    void bikeBuildsEighteenFeaturesFromTheTimestamp() {
        TabularDataset d = CqrDataset.BIKE.load(requireData());
        assertEquals(10886, d.size());
        assertEquals(List.of("holiday", "workingday", "temp", "atemp", "humidity", "windspeed", "season_1", "season_2",
                "season_3", "season_4", "weather_1", "weather_2", "weather_3", "weather_4", "hour", "day", "month",
                "year"), d.featureNames());
        // 2011-01-01 00:00:00 (a Saturday: pandas dayofweek 5), season 1, weather 1, count 16
        assertArrayEquals(new double[] {0, 0, 9.84, 14.395, 81, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 5, 1, 0},
                d.features().row(0), 0);
        assertEquals(16, d.target(0), 0);
    }

    @Test
    void communityKeepsOneHundredCompleteFeatures() {
        TabularDataset d = CqrDataset.COMMUNITY.load(requireData());
        assertEquals(1994, d.size());
        assertEquals(100, d.featureCount());
        assertEquals("ViolentCrimesPerPop", d.targetName());
        assertEquals("population", d.featureNames().get(0));
        assertEquals(0.19, d.features().get(0, 0), 0);
    }

    @Test
    void starKeepsCompleteRowsAndSumsTheEightScores() {
        TabularDataset d = CqrDataset.STAR.load(requireData());
        assertEquals(2161, d.size());
        assertEquals(39, d.featureCount());
        assertEquals("Unnamed: 0", d.featureNames().get(0));
        assertEquals("lunch1", d.featureNames().get(8));
        // first complete row: "1137", female, cauc, 1980, small x4; scores 447+507+568+587+473+538+579+593
        assertArrayEquals(new double[] {1137, 0, 0, 1980, 1, 1, 1, 1}, java.util.Arrays.copyOf(d.features().row(0), 8),
                0);
        assertEquals(4292, d.target(0), 0);
    }
}
