package dev.quiver.envs.reference;

/**
 * The outcome of replaying one reference episode.
 *
 * @param policy the episode's action rule
 * @param seed the episode's reset seed
 * @param steps the number of recorded steps (rows after t = 0)
 * @param stepsReplayed the steps actually replayed (fewer when the env ended the episode early)
 * @param maxObservationDeviation the largest absolute difference of any observation element, t = 0
 *     included ({@code +inf} for a NaN on one side only)
 * @param maxRewardDeviation the largest absolute difference of a reward
 * @param flagMismatches the number of replayed steps whose terminated or truncated flag differs (when
 *     the env ends the episode before the file does, replay stops there: see {@code stepsReplayed})
 * @param firstProblem where replay first went outside the tolerance or a flag differed, in words;
 *     empty when it passed
 * @param passed whether every step was replayed, both deviations are within the tolerance and
 *     every flag matched
 */
public record EpisodeCheck(String policy, long seed, int steps, int stepsReplayed, double maxObservationDeviation,
        double maxRewardDeviation, int flagMismatches, String firstProblem, boolean passed) {
}
