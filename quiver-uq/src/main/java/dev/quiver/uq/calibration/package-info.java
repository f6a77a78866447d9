/**
 * Post-hoc calibration of classifiers: Platt scaling, isotonic regression (pool-adjacent-violators) and
 * temperature scaling fitted on a calibration split, and the measures of calibration and discrimination they
 * are judged by — expected calibration error, reliability diagrams, Brier score, log loss and ROC AUC.
 *
 * @see <a href="https://arxiv.org/abs/2412.19511">Puttanawarut, Wabina and Sirirutbunkajorn (2024), Uncertainty
 *     quantification for improving radiomic-based models in radiation pneumonitis prediction, arXiv:2412.19511</a>
 */
package dev.quiver.uq.calibration;
