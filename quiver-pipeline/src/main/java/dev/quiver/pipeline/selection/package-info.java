/**
 * What bandit and sequential studies share about choosing among candidates: ranking them by an estimator's
 * estimates, and measuring how well each estimator's choice did against the true values.
 */
package dev.quiver.pipeline.selection;
