/**
 * Conformal selection: pick the test units whose unobserved outcome exceeds a threshold while controlling the
 * false discovery rate in finite samples. Conformal p-values with Benjamini–Hochberg ({@link
 * dev.quiver.uq.selection.ConformalSelection}, Jin and Candès 2023), and OptCS's data-driven choice among
 * several models with conformal e-values and e-BH ({@link dev.quiver.uq.selection.OptimizedConformalSelection},
 * Bai and Jin 2024); the multiple-testing procedures, monotone scores, FDP and power, and the simulation
 * settings of Jin and Candès.
 */
package dev.quiver.uq.selection;
