/** Benchmarks of the bandit estimators: bias and MSE against a known truth on synthetic logs. */
package dev.quiver.ope.bandit.experiment;
