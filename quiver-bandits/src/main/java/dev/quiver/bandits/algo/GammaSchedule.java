package dev.quiver.bandits.algo;

/**
 * The learning rate of inverse gap weighting over rounds: {@code gamma_t = scale * t^exponent} for round
 * {@code t = 1, 2, ...}.
 *
 * <p>Foster and Rakhlin (2020, Theorem 1) set {@code gamma = sqrt(K T / Reg_Sq(T))} for a known horizon
 * {@code T}; with an oracle of logarithmic regret that is {@code gamma ~ sqrt(T)} up to logs, and using
 * the current round in place of the horizon gives the anytime schedule {@code scale * sqrt(t)}
 * (exponent 1/2), which is also Vowpal Wabbit's SquareCB default (scale 10, exponent 0.5). The scale
 * folds in {@code sqrt(K / Reg)}; it is a tuning constant, our default 10 (Vowpal Wabbit's).
 *
 * @param scale the factor, at least 0
 * @param exponent the power of the round, at least 0
 * @see <a href="https://arxiv.org/abs/2002.04926">Foster, Rakhlin (2020), arXiv:2002.04926</a>
 */
public record GammaSchedule(double scale, double exponent) {

    /** Validates the fields. */
    public GammaSchedule {
        if (!(scale >= 0) || !Double.isFinite(scale)) {
            throw new IllegalArgumentException("gamma scale must be finite and at least 0, got " + scale);
        }
        if (!(exponent >= 0) || !Double.isFinite(exponent)) {
            throw new IllegalArgumentException("gamma exponent must be finite and at least 0, got " + exponent);
        }
    }

    /** {@code 10 sqrt(t)}. */
    public static GammaSchedule defaults() {
        return new GammaSchedule(10, 0.5);
    }

    /** {@code gamma_t} for round {@code t >= 1}. */
    public double at(long t) {
        return scale * Math.pow(t, exponent);
    }
}
