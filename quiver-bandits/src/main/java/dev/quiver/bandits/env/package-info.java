/**
 * Bandit simulators: multi-armed (Bernoulli, Gaussian) and contextual K-armed environments with linear,
 * non-linear and sparse misspecified linear rewards. Every simulator knows each arm's expected reward,
 * so regret is exact (expected-reward regret), and every random draw comes from a named seed stream.
 */
package dev.quiver.bandits.env;
