package dev.quiver.rl.schedule;

/**
 * A schedule that never changes.
 *
 * @param value the value at every step
 */
public record ConstantSchedule(double value) implements Schedule {

    /** Validates the value. */
    public ConstantSchedule {
        if (Double.isNaN(value)) {
            throw new IllegalArgumentException("ConstantSchedule value must not be NaN");
        }
    }

    @Override
    public double value(long step) {
        return value;
    }
}
