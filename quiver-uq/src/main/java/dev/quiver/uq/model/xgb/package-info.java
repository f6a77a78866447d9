/**
 * Gradient-boosted trees through xgboost4j (one thread, seeded, no native memory kept): mean, quantile and
 * multi-class models.
 */
package dev.quiver.uq.model.xgb;
