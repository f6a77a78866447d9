package dev.quiver.data.collect;

import dev.quiver.core.error.QuiverUserException;

/**
 * How a {@link Collector} runs: how many episodes, the root seed, the probability of a uniformly random
 * action at each step, and a guard against episodes that never end.
 *
 * @param episodes number of episodes to record, at least 1 (default 100)
 * @param seed the root seed: episode {@code i} resets with {@link Collector#episodeSeed(long, int)}, and the
 *     random actions, the epsilon coin flips and the choice of expert episodes come from named child streams of
 *     it (default 0)
 * @param epsilon probability in [0, 1] of replacing each action by a uniformly random one (default 0)
 * @param maxEpisodeSteps an episode still running after this many steps is an error: only envs without a time
 *     limit can get there (default 1,000,000)
 */
public record CollectConfig(int episodes, long seed, double epsilon, int maxEpisodeSteps) {
    /** Validates the values. */
    public CollectConfig {
        if (episodes < 1) {
            throw new QuiverUserException("episodes must be at least 1, got " + episodes);
        }
        if (!(epsilon >= 0 && epsilon <= 1)) {
            throw new QuiverUserException("epsilon must be in [0, 1], got " + epsilon);
        }
        if (maxEpisodeSteps < 1) {
            throw new QuiverUserException("maxEpisodeSteps must be at least 1, got " + maxEpisodeSteps);
        }
    }

    /** 100 episodes, seed 0, no random actions, episodes of at most 1,000,000 steps. */
    public static CollectConfig defaults() {
        return new CollectConfig(100, 0, 0.0, 1_000_000);
    }

    /** The same with {@code n} episodes. */
    public CollectConfig withEpisodes(int n) {
        return new CollectConfig(n, seed, epsilon, maxEpisodeSteps);
    }

    /** The same with root seed {@code s}. */
    public CollectConfig withSeed(long s) {
        return new CollectConfig(episodes, s, epsilon, maxEpisodeSteps);
    }

    /** The same with random-action probability {@code e}. */
    public CollectConfig withEpsilon(double e) {
        return new CollectConfig(episodes, seed, e, maxEpisodeSteps);
    }

    /** The same with episode-length guard {@code n}. */
    public CollectConfig withMaxEpisodeSteps(int n) {
        return new CollectConfig(episodes, seed, epsilon, n);
    }
}
