/**
 * Aggregation of conditional quantile models (Fakoor, Kim, Mueller, Smola and Tibshirani, 2023): weighted
 * ensembles of base quantile models whose weights are global or output by a small network of x, at coarse,
 * medium or fine granularity, fitted on held-out rows by minimising the weighted interval score plus a
 * quantile-crossing penalty; monotonisation by sorting or isotonic regression across levels; and conformal
 * calibration of the aggregate's central intervals.
 *
 * @see <a href="https://arxiv.org/abs/2103.00083">Fakoor, Kim, Mueller, Smola and Tibshirani (2023), Flexible
 *     Model Aggregation for Quantile Regression, JMLR 24, arXiv:2103.00083</a>
 */
package dev.quiver.uq.aggregation;
