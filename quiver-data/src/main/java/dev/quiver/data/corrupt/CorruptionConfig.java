package dev.quiver.data.corrupt;

import dev.quiver.core.error.QuiverUserException;

/**
 * One corruption of a dataset, as Yang et al. (2023) parameterise it.
 *
 * @param kind what is corrupted: observations, actions, rewards or dynamics (next observations)
 * @param mode random or adversarial
 * @param rate the corruption rate {@code c} in [0, 1]: each transition is chosen independently with
 *     probability {@code c} (default 0.3, as the authors' README)
 * @param scale the corruption scale {@code ε >= 0}: noise up to {@code ε} standard deviations
 *     per dimension, rewards up to {@code 30 ε}, or {@code r -> -ε r} (default 1.0,
 *     as the authors' README)
 * @param seed the root seed; the same seed and data give the same corrupted dataset
 * @see DataCorruption
 */
public record CorruptionConfig(CorruptionKind kind, CorruptionMode mode, double rate, double scale, long seed) {
    /** Default corruption rate {@code c}. */
    public static final double DEFAULT_RATE = 0.3;
    /** Default corruption scale {@code ε}. */
    public static final double DEFAULT_SCALE = 1.0;

    /**
     * Validates the values.
     *
     * @throws QuiverUserException naming the value that is missing or out of range
     */
    public CorruptionConfig {
        if (kind == null) {
            throw new QuiverUserException("corruption kind is missing; allowed: obs, action, reward, dynamics");
        }
        if (mode == null) {
            throw new QuiverUserException("corruption mode is missing; allowed: random, adversarial");
        }
        if (!(rate >= 0.0 && rate <= 1.0)) {
            throw new QuiverUserException("corruption rate must be in [0, 1] (the fraction of transitions "
                    + "corrupted), got " + rate);
        }
        if (!(scale >= 0.0) || !Double.isFinite(scale)) {
            throw new QuiverUserException("corruption scale must be a finite number >= 0, got " + scale);
        }
    }

    /** {@code kind} and {@code mode} with rate 0.3, scale 1.0 and seed 0. */
    public static CorruptionConfig of(CorruptionKind kind, CorruptionMode mode) {
        return new CorruptionConfig(kind, mode, DEFAULT_RATE, DEFAULT_SCALE, 0L);
    }

    /** A copy with another rate. */
    public CorruptionConfig withRate(double c) {
        return new CorruptionConfig(kind, mode, c, scale, seed);
    }

    /** A copy with another scale. */
    public CorruptionConfig withScale(double eps) {
        return new CorruptionConfig(kind, mode, rate, eps, seed);
    }

    /** A copy with another seed. */
    public CorruptionConfig withSeed(long s) {
        return new CorruptionConfig(kind, mode, rate, scale, s);
    }

    /** Whether this corruption attacks a critic's gradients (adversarial observations, actions or dynamics). */
    public boolean needsAttackModel() {
        return mode == CorruptionMode.ADVERSARIAL && kind != CorruptionKind.REWARD;
    }

    /** A short description, e.g. {@code "random obs corruption, rate 0.3, scale 1.0, seed 0"}. */
    public String describe() {
        return mode.cliName() + " " + kind.cliName() + " corruption, rate " + rate + ", scale " + scale + ", seed "
                + seed;
    }
}
