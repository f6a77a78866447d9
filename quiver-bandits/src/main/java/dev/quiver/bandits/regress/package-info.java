/**
 * Online regression oracles for bandit reductions: ridge regression for the square loss (SquareCB, LinUCB,
 * LinTS) and an online-Newton logistic regression for the log loss (FastCB), plus the small dense linear
 * algebra they share.
 */
package dev.quiver.bandits.regress;
