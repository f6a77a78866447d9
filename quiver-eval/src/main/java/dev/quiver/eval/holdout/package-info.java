/**
 * The reusable holdout (Thresholdout) of Dwork et al., the standard holdout it is compared with, and the
 * paper's adaptive-overfitting experiment.
 *
 * @see <a href="https://doi.org/10.1126/science.aaa9375">Dwork, C., Feldman, V., Hardt, M., Pitassi, T.,
 *     Reingold, O. and Roth, A. (2015). The reusable holdout: Preserving validity in adaptive data
 *     analysis. Science 349(6248), 636-638</a>
 */
package dev.quiver.eval.holdout;
