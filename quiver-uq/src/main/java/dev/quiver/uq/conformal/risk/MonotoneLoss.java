package dev.quiver.uq.conformal.risk;

/**
 * The losses {@code L_i(λ)} of n calibration examples as functions of a parameter λ that makes the
 * prediction more conservative as it grows: each {@code L_i} must be non-increasing in λ and bounded by
 * {@link #bound()} (e.g. the false-negative rate of a set that grows with λ).
 */
public interface MonotoneLoss {
    /** The number of calibration examples n. */
    int size();

    /** {@code L_i(λ)}, in {@code [0, bound()]}, non-increasing in λ. */
    double loss(int i, double lambda);

    /** The bound B on every loss. */
    double bound();

    /** The mean loss {@code (1/n) Σ_i L_i(λ)}. */
    default double risk(double lambda) {
        double s = 0;
        for (int i = 0; i < size(); i++) {
            s += loss(i, lambda);
        }
        return s / size();
    }
}
