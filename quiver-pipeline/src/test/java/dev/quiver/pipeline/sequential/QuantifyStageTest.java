package dev.quiver.pipeline.sequential;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.core.error.QuiverUserException;
import dev.quiver.pipeline.config.QuantifySpec;
import org.junit.jupiter.api.Test;

/** The quantify stage refuses, before playing any episode, a fit part too small for its regression. */
class QuantifyStageTest {
    @Test
    void tooFewFittingEpisodesFailBeforeAnyEpisodeIsPlayed() {
        // CartPole's observation has 4 numbers: the regression needs 5 fitting episodes; floor(0.2 * 20) = 4
        QuiverUserException e = assertThrows(QuiverUserException.class, () -> QuantifyStage.requireFitEpisodes(
                "CartPole-v1", new QuantifySpec("split", 0.2, 20, 0.2, 0.5)));
        assertTrue(e.getMessage().startsWith("CartPole-v1: quantify:") && e.getMessage().contains("4 fitting")
                && e.getMessage().contains("at least 5") && e.getMessage().contains("use episodes: 25 or more"),
                e.getMessage());
        assertDoesNotThrow(() -> QuantifyStage.requireFitEpisodes("CartPole-v1",
                new QuantifySpec("split", 0.2, 25, 0.2, 0.5)));
    }
}
