/**
 * Bandit algorithms and simulators: multi-armed, linear and neural contextual bandits, with regret curves
 * and intervals over seeds.
 */
package dev.quiver.bandits;
