/**
 * Aggregate performance metrics over a suite of tasks: the mean and median of per-task mean scores,
 * the interquartile mean (IQM) and the optimality gap over all runs pooled, and user-supplied
 * aggregates.
 *
 * <p>Every metric reads a score matrix {@code double[][] scores} indexed {@code [task][run]}: one row
 * per task, one value per independent run; rows may have different lengths (see {@link
 * dev.quiver.eval.aggregate.ScoreMatrices}).
 *
 * @see <a href="https://arxiv.org/abs/2108.13264">Agarwal, R., Schwarzer, M., Castro, P. S.,
 *     Courville, A. and Bellemare, M. G. (2021). Deep Reinforcement Learning at the Edge of the
 *     Statistical Precipice. NeurIPS 2021, arXiv:2108.13264</a>
 */
package dev.quiver.eval.aggregate;
