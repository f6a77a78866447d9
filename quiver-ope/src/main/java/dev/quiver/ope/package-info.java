/**
 * Off-policy evaluation: estimating how a policy would do from data logged by another. Bandit estimators
 * ({@code dev.quiver.ope.bandit}), sequential estimators ({@code dev.quiver.ope.sequential}), reward models
 * ({@code dev.quiver.ope.model}) and off-policy selection metrics ({@code dev.quiver.ope.selection}).
 */
package dev.quiver.ope;
