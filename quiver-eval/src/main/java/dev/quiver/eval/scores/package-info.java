/**
 * Score tables for the rliable reproduction: per algorithm a tasks x runs matrix of (possibly
 * normalised) scores, read from CSV with file-and-line error messages ({@link
 * dev.quiver.eval.scores.ScoreTable}), and the reference scores that normalise them ({@link
 * dev.quiver.eval.scores.ReferenceScores}).
 *
 * @see <a href="https://arxiv.org/abs/2108.13264">Agarwal et al. (2021). Deep Reinforcement Learning at
 *     the Edge of the Statistical Precipice. NeurIPS (arXiv:2108.13264)</a>
 */
package dev.quiver.eval.scores;
