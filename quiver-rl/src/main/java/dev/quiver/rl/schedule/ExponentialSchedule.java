package dev.quiver.rl.schedule;

/**
 * Geometric decay from {@code start} towards {@code end}: {@code start · rate^step}, clamped so it
 * never passes {@code end} (the common {@code ε ← max(ε_min, ε · decay)} per step, in closed form).
 *
 * @param start the value at step 0
 * @param end the floor (or ceiling, if {@code rate > 1}) the value settles at
 * @param rate the per-step factor: below 1 to decay towards a lower {@code end}, above 1 to grow
 *     towards a higher one
 */
public record ExponentialSchedule(double start, double end, double rate) implements Schedule {

    /** Validates the arguments. */
    public ExponentialSchedule {
        if (!Double.isFinite(start) || !Double.isFinite(end)) {
            throw new IllegalArgumentException("ExponentialSchedule start and end must be finite, got " + start + ", " + end);
        }
        if (!(rate > 0) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException("ExponentialSchedule rate must be finite and > 0, got " + rate);
        }
        if ((start > end && rate > 1) || (start < end && rate < 1)) {
            throw new IllegalArgumentException("ExponentialSchedule rate " + rate + " moves away from end " + end
                    + " (start " + start + "): use a rate below 1 to decay, above 1 to grow");
        }
    }

    /** The schedule that reaches {@code end} from {@code start} (same sign, non-zero) after {@code steps} steps. */
    public static ExponentialSchedule reaching(double start, double end, long steps) {
        if (steps < 1 || !(start * end > 0)) {
            throw new IllegalArgumentException("reaching needs steps >= 1 and start, end non-zero with the same sign, got "
                    + start + ", " + end + ", " + steps);
        }
        return new ExponentialSchedule(start, end, Math.pow(end / start, 1.0 / steps));
    }

    @Override
    public double value(long step) {
        double v = start * Math.pow(rate, Math.max(step, 0));
        return start >= end ? Math.max(v, end) : Math.min(v, end);
    }
}
