package dev.quiver.bandits.algo;

import dev.quiver.bandits.env.Context;

/**
 * A bandit algorithm: each round it picks an arm for the context it is shown, then learns from the reward
 * of that arm. Calls alternate: {@code select}, then {@code update} with the same context and the chosen
 * arm. Randomised algorithms draw from their own seed streams, so a run is a deterministic function of
 * its seeds.
 */
public interface BanditAlgorithm {

    /** The arm to pull in {@code context}, in {@code [0, context.arms())}. */
    int select(Context context);

    /** Learns from pulling {@code arm} in {@code context} and observing {@code reward}. */
    void update(Context context, int arm, double reward);
}
