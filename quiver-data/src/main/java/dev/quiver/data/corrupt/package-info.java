/**
 * Corrupted copies of offline datasets for robustness experiments: random and adversarial corruption of
 * observations, actions, rewards and dynamics (next observations) as Yang et al. (2023) define them, with a
 * record of which transitions were corrupted. See {@link dev.quiver.data.corrupt.DataCorruption}.
 */
package dev.quiver.data.corrupt;
