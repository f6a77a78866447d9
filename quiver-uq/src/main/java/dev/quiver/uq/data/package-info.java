/**
 * Tabular data for calibrated uncertainty: an immutable data set type, a CSV reader with errors naming file,
 * line and column, standardisation, seeded train/calibration/test splits, and loaders of the CQR benchmark data
 * sets.
 */
package dev.quiver.uq.data;
