/**
 * The average probability of improvement {@code P(X > Y)} of one algorithm over another, with
 * stratified independent bootstrap intervals.
 *
 * @see <a href="https://arxiv.org/abs/2108.13264">Agarwal et al. (2021), Deep Reinforcement Learning
 *     at the Edge of the Statistical Precipice, arXiv:2108.13264, section 4</a>
 */
package dev.quiver.eval.poi;
