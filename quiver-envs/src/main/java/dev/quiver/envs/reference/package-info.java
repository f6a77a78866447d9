/**
 * Gymnasium reference trajectories: reading the CSV files recorded from the real Gymnasium envs and
 * replaying them through Quiver's ports to check dynamics, rewards, termination and truncation.
 */
package dev.quiver.envs.reference;
