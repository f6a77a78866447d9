/** A simulator of logged bandit feedback with a known truth, after Open Bandit Pipeline's {@code SyntheticBanditDataset}. */
package dev.quiver.ope.bandit.synthetic;
