package dev.quiver.nn.train;

/**
 * What one update step measured.
 *
 * @param loss the loss before the update
 * @param gradNorm the global gradient norm before clipping (NaN when clipping is off)
 */
public record StepResult(float loss, double gradNorm) {
}
