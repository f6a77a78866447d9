/**
 * Off-policy estimators for contextual bandits (Open Bandit Pipeline's set): {@link
 * dev.quiver.ope.bandit.DirectMethod DM}, {@link dev.quiver.ope.bandit.InverseProbabilityWeighting IPW}
 * (with clipping or sub-Gaussian weights), {@link dev.quiver.ope.bandit.SelfNormalizedIpw SNIPW}, {@link
 * dev.quiver.ope.bandit.DoublyRobust DR} (and Switch-DR, DRos, SG-DR through {@link
 * dev.quiver.ope.bandit.WeightShrinkage}), {@link dev.quiver.ope.bandit.SelfNormalizedDr SNDR}, each with a
 * bootstrap interval; {@link dev.quiver.ope.bandit.Estimators} builds them by name.
 */
package dev.quiver.ope.bandit;
