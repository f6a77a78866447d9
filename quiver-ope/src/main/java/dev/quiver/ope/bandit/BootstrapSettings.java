package dev.quiver.ope.bandit;

/**
 * How an off-policy estimate's interval is made: a percentile bootstrap over logged rows with {@code reps}
 * resamples drawn from {@code seed}, at nominal coverage {@code confidence}. Defaults are Open Bandit
 * Pipeline's {@code estimate_interval} ({@code n_bootstrap_samples=10000}, {@code alpha=0.05}).
 *
 * @param reps bootstrap resamples, at least 1
 * @param seed the root seed of the resampling (every estimator given the same seed sees the same resamples)
 * @param confidence nominal coverage, in (0, 1)
 * @see <a href="https://doi.org/10.1201/9780429246593">Efron and Tibshirani (1993), An Introduction to the
 *     Bootstrap, chapter 13</a>
 */
public record BootstrapSettings(int reps, long seed, double confidence) {

    /** Validates the settings. */
    public BootstrapSettings {
        if (reps < 1) {
            throw new IllegalArgumentException("reps must be at least 1, got " + reps);
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1), got " + confidence);
        }
    }

    /** 10,000 resamples, seed 0, 95%. */
    public static BootstrapSettings defaults() {
        return new BootstrapSettings(10_000, 0L, 0.95);
    }

    /** A copy with {@code reps}. */
    public BootstrapSettings withReps(int reps) {
        return new BootstrapSettings(reps, seed, confidence);
    }

    /** A copy with {@code seed}. */
    public BootstrapSettings withSeed(long seed) {
        return new BootstrapSettings(reps, seed, confidence);
    }

    /** A copy with {@code confidence}. */
    public BootstrapSettings withConfidence(double confidence) {
        return new BootstrapSettings(reps, seed, confidence);
    }
}
