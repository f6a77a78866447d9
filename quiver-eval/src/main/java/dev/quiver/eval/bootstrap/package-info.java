/**
 * Bootstrap confidence intervals: the stratified bootstrap of rliable ({@link
 * dev.quiver.eval.bootstrap.StratifiedBootstrap}, runs resampled within each task, optionally tasks
 * too), percentile, basic, bias-corrected and BCa intervals ({@link
 * dev.quiver.eval.bootstrap.IntervalMethod}, {@link dev.quiver.eval.bootstrap.Jackknife}), and the
 * plain percentile bootstrap of a sample mean ({@link dev.quiver.eval.bootstrap.PercentileBootstrap}).
 *
 * <p>Resampling is seeded per block of replicates ({@link dev.quiver.core.seed.Seeds} child streams
 * {@code "bootstrap-block", b}) so that results never depend on the number of threads.
 *
 * @see <a href="https://arxiv.org/abs/2108.13264">Agarwal et al. (2021), Deep Reinforcement Learning
 *     at the Edge of the Statistical Precipice, arXiv:2108.13264</a>
 */
package dev.quiver.eval.bootstrap;
