/**
 * Sample-efficiency curves: an aggregate metric with its interval at each training checkpoint.
 *
 * @see <a href="https://arxiv.org/abs/2108.13264">Agarwal et al. (2021), Deep Reinforcement Learning
 *     at the Edge of the Statistical Precipice, arXiv:2108.13264, figure 9</a>
 */
package dev.quiver.eval.curve;
