package dev.quiver.core.wrapper;

/**
 * The summary of one finished episode, as Gymnasium's {@code info["episode"]}.
 *
 * @param episodeReturn the undiscounted sum of rewards ({@code r})
 * @param length the number of steps ({@code l})
 * @param seconds wall time from reset to the last step ({@code t})
 */
public record EpisodeStatistics(double episodeReturn, int length, double seconds) {
}
