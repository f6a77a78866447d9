package dev.quiver.data.corrupt;

import dev.quiver.core.error.QuiverUserException;

/**
 * Settings of the projected gradient attack of adversarial corruption ({@link PgdAttack}). The defaults are
 * those of Yang et al.'s code: 100 steps of {@code 0.01 ε} standard deviations each.
 *
 * @param steps gradient steps per row (default 100)
 * @param stepSize the step, as a fraction of {@code ε}, in units of each dimension's standard deviation
 *     (default 0.01)
 * @param chunkRows rows sent to the critic per call (default 4096); results do not depend on it
 */
public record PgdConfig(int steps, double stepSize, int chunkRows) {
    /** The defaults: 100 steps of 0.01 ε, 4096 rows per call. */
    public static final PgdConfig DEFAULT = new PgdConfig(100, 0.01, 4096);

    /**
     * Validates the values.
     *
     * @throws QuiverUserException naming a value out of range
     */
    public PgdConfig {
        if (steps < 0) {
            throw new QuiverUserException("attack steps must be >= 0, got " + steps);
        }
        if (!(stepSize > 0.0) || !Double.isFinite(stepSize)) {
            throw new QuiverUserException("attack step size must be a finite number > 0, got " + stepSize);
        }
        if (chunkRows < 1) {
            throw new QuiverUserException("attack chunk rows must be >= 1, got " + chunkRows);
        }
    }

    /** A copy with another number of steps. */
    public PgdConfig withSteps(int s) {
        return new PgdConfig(s, stepSize, chunkRows);
    }

    /** A copy with another step size (fraction of ε). */
    public PgdConfig withStepSize(double s) {
        return new PgdConfig(steps, s, chunkRows);
    }

    /** A copy with another chunk size. */
    public PgdConfig withChunkRows(int rows) {
        return new PgdConfig(steps, stepSize, rows);
    }
}
