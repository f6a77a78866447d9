package dev.quiver.data.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.quiver.core.error.QuiverUserException;
import dev.quiver.core.seed.Seeds;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EpisodeSplitTest {

    @ParameterizedTest
    @CsvSource({"1, 0.5, 1", "2, 0.5, 2", "10, 0.2, 3", "37, 0.1, 4", "100, 0.0, 5", "100, 1.0, 6", "257, 0.3, 7"})
    void splitIsADeterministicPartition(int n, double fraction, long seed) {
        EpisodeSplit a = EpisodeSplit.of(n, fraction, Seeds.of(seed).child("split"));
        EpisodeSplit b = EpisodeSplit.of(n, fraction, Seeds.of(seed).child("split"));
        assertArrayEquals(a.train(), b.train());
        assertArrayEquals(a.validation(), b.validation());
        assertEquals(Math.round(fraction * n), a.validation().length);
        boolean[] seen = new boolean[n];
        for (int[] part : new int[][] {a.train(), a.validation()}) {
            for (int i : part) {
                assertFalse(seen[i], "episode " + i + " in both parts");
                seen[i] = true;
            }
        }
        for (int i = 0; i < n; i++) {
            assertEquals(true, seen[i], "episode " + i + " in neither part");
        }
    }

    @Test
    void differentSeedsGiveDifferentSplitsAndSubsetsMatch() {
        EpisodeSplit a = EpisodeSplit.of(200, 0.25, Seeds.of(1));
        EpisodeSplit b = EpisodeSplit.of(200, 0.25, Seeds.of(2));
        assertFalse(Arrays.equals(a.validation(), b.validation()));
        EpisodeDataset d = TestData.labelled(3, 1, 4, 2, 5, 6, 1, 2);
        EpisodeSplit s = EpisodeSplit.of(d, 0.25, Seeds.of(3));
        EpisodeDataset val = s.validationSet(d);
        EpisodeDataset train = s.trainSet(d);
        assertEquals(2, val.numEpisodes());
        assertEquals(6, train.numEpisodes());
        assertEquals(d.numSteps(), val.numSteps() + train.numSteps());
        float[] buf = new float[1];
        for (int k = 0; k < val.numEpisodes(); k++) {
            val.observation(k, 0, buf);
            assertEquals(1000f * s.validation()[k], buf[0]);
        }
    }

    @Test
    void fractionOutsideUnitIntervalIsAUserError() {
        assertThrows(QuiverUserException.class, () -> EpisodeSplit.of(10, 1.5, Seeds.of(1)));
        assertThrows(QuiverUserException.class, () -> EpisodeSplit.of(10, Double.NaN, Seeds.of(1)));
    }
}
