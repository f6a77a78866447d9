/**
 * Base models behind small interfaces ({@link dev.quiver.uq.model.Regressor}, {@link
 * dev.quiver.uq.model.QuantileRegressor}, {@link dev.quiver.uq.model.Classifier}) so that conformal methods
 * wrap any model, built-in (linear, xgboost, MLP) or your own.
 */
package dev.quiver.uq.model;
