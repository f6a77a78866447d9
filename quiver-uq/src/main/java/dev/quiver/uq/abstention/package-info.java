/**
 * Learned conformal abstention (Tayebati et al., 2025): a contextual-bandit policy picks, per input, a conformal
 * threshold — a single label, a prediction set, or an abstention — to maximise a utility of coverage, set size
 * and abstention, and a final split-conformal step on the policy's own composite score restores marginal
 * coverage at the target level.
 *
 * @see <a href="https://arxiv.org/abs/2502.06884">Tayebati, Kumar, Darabi, Jayasuriya, Krishnan and Trivedi
 *     (2025), Learning Conformal Abstention Policies for Adaptive Risk Management in Large Language and
 *     Vision-Language Models, arXiv:2502.06884</a>
 */
package dev.quiver.uq.abstention;
