/**
 * {@code quiver conformal regress|classify|select} and {@code quiver calibrate}: conformal prediction, conformal
 * selection and post-hoc calibration on tabular data with repeated random splits.
 */
package dev.quiver.cli.conformal;
