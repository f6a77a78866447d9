/**
 * Bandit algorithms behind one interface ({@link dev.quiver.bandits.algo.BanditAlgorithm}: select an arm
 * for a context, then learn from the reward), each built from an immutable config record with defaults:
 * epsilon-greedy, UCB1, Thompson sampling (Beta-Bernoulli and Gaussian), LinUCB, LinTS, SquareCB and FastCB
 * (inverse gap weighting over online regression oracles).
 */
package dev.quiver.bandits.algo;
