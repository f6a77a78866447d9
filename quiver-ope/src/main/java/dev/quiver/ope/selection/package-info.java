/**
 * Off-policy selection metrics: how good the choice an OPE estimator makes among candidate policies is, given
 * their true values. Accuracy metrics (MSE, relative estimation error), ranking metrics (Spearman's rank
 * correlation, regret@k) and the top-k policy-portfolio statistics of Kiyohara et al. (2024) with their
 * SharpeRatio@k ({@link OffPolicySelection}, {@link TopKPortfolio}).
 */
package dev.quiver.ope.selection;
