/**
 * Off-policy evaluation of sequential decisions from logged episodes ({@link
 * dev.quiver.data.dataset.EpisodeDataset}): per-decision importance sampling ({@link
 * PerDecisionImportanceSampling}), its self-normalised form ({@link WeightedPerDecisionImportanceSampling}),
 * per-decision doubly robust estimators ({@link DoublyRobust}) and fitted Q evaluation ({@link
 * FittedQEvaluation}). Each returns an {@link dev.quiver.core.estimate.Estimate} with a percentile-bootstrap
 * interval over episodes; the inputs are prepared once in {@link OffPolicyData}.
 */
package dev.quiver.ope.sequential;
