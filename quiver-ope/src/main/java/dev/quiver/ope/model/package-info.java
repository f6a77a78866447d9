/** Reward models for off-policy evaluation (ridge, logistic, XGBoost) and cross-fitting. */
package dev.quiver.ope.model;
