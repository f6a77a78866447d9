package dev.quiver.envs.reference;

import java.nio.file.Path;
import java.util.List;

/**
 * The result of replaying every episode of one reference file.
 *
 * @param file the reference file
 * @param envId the env replayed
 * @param tolerance the largest absolute deviation allowed for observations and rewards (flags must
 *     match exactly)
 * @param timeLimit the Gymnasium time limit the replay ran under ({@code 0}: none)
 * @param episodes one check per episode, in file order
 */
public record VerificationReport(Path file, String envId, double tolerance, int timeLimit, List<EpisodeCheck> episodes) {

    /** Copies the list. */
    public VerificationReport {
        episodes = List.copyOf(episodes);
    }

    /** Whether the file had episodes and every one passed. */
    public boolean passed() {
        return !episodes.isEmpty() && episodes.stream().allMatch(EpisodeCheck::passed);
    }

    /** The number of episodes that failed. */
    public long failures() {
        return episodes.stream().filter(e -> !e.passed()).count();
    }

    /** The largest observation deviation over all episodes. */
    public double maxObservationDeviation() {
        return episodes.stream().mapToDouble(EpisodeCheck::maxObservationDeviation).max().orElse(0);
    }

    /** The largest reward deviation over all episodes. */
    public double maxRewardDeviation() {
        return episodes.stream().mapToDouble(EpisodeCheck::maxRewardDeviation).max().orElse(0);
    }

    /** The total number of flag mismatches. */
    public int flagMismatches() {
        return episodes.stream().mapToInt(EpisodeCheck::flagMismatches).sum();
    }
}
