/**
 * Regret experiments: run algorithms on simulators over many seeds (in parallel with an explicit thread
 * count, with results independent of it), cumulative expected-reward regret per round, and its mean with
 * a percentile-bootstrap interval per round.
 */
package dev.quiver.bandits.sim;
