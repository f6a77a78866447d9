/**
 * Small ReLU MLPs trained on quiver-nn (DJL) for the conditional mean and conditional quantiles, evaluated in
 * plain Java after training.
 */
package dev.quiver.uq.model.mlp;
