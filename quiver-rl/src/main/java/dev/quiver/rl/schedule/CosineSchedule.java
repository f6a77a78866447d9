package dev.quiver.rl.schedule;

/**
 * Cosine annealing from {@code start} to {@code end} over {@code steps} steps, then constant:
 * {@code end + (start − end) · ½ (1 + cos(π · min(step, steps) / steps))}, PyTorch's {@code CosineAnnealingLR}
 * with {@code T_max = steps} and {@code eta_min = end} (as IQL's actor learning rate in CORL).
 *
 * @param start the value at step 0
 * @param end the value from step {@code steps} on
 * @param steps the length of the annealing, at least 1
 * @see <a href="https://arxiv.org/abs/1608.03983">Loshchilov, I. and Hutter, F. (2017). SGDR: Stochastic
 *     Gradient Descent with Warm Restarts. ICLR. arXiv:1608.03983</a>
 */
public record CosineSchedule(double start, double end, long steps) implements Schedule {
    /** Validates the length. */
    public CosineSchedule {
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be at least 1, got " + steps);
        }
    }

    @Override
    public double value(long step) {
        double t = Math.min(Math.max(step, 0), steps);
        return end + (start - end) * 0.5 * (1 + Math.cos(Math.PI * t / steps));
    }
}
