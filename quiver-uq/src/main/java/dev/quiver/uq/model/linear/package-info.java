/**
 * Linear models in plain Java: OLS and ridge (closed form, exact leave-out down-dates), linear quantile
 * regression (Frisch-Newton interior point), multinomial logistic regression (L-BFGS).
 */
package dev.quiver.uq.model.linear;
