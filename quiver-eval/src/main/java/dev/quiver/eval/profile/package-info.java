/**
 * Performance profiles (score distributions) with stratified-bootstrap confidence bands: the fraction
 * of runs (or of tasks) whose score exceeds each threshold {@code tau}.
 *
 * @see <a href="https://arxiv.org/abs/2108.13264">Agarwal et al. (2021), Deep Reinforcement Learning
 *     at the Edge of the Statistical Precipice, arXiv:2108.13264, section 4 and appendix A.3</a>
 */
package dev.quiver.eval.profile;
