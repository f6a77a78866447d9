/** {@code quiver conformal regress|classify}: conformal prediction on tabular data with repeated random splits. */
package dev.quiver.cli.conformal;
