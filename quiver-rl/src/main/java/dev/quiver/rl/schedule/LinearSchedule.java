package dev.quiver.rl.schedule;

/**
 * Linear interpolation from {@code start} to {@code end} over the first {@code fraction ·
 * totalSteps} steps, then constant at {@code end}: CleanRL's {@code linear_schedule(start_e, end_e,
 * exploration_fraction * total_timesteps, t)}, which DQN uses for ε (1 → 0.05 over 50% of training
 * in CleanRL's defaults). Works increasing too (prioritized replay's β: 0.4 → 1).
 *
 * @param start the value at step 0
 * @param end the value from step {@code fraction · totalSteps} on
 * @param fraction the share of training spent interpolating, in [0, 1]
 * @param totalSteps the number of training steps, at least 1
 * @see <a href="https://arxiv.org/abs/2111.08819">Huang, S. et al. (2022). CleanRL: High-quality
 *     Single-file Implementations of Deep Reinforcement Learning Algorithms. JMLR. arXiv:2111.08819</a>
 * @see <a href="https://doi.org/10.1038/nature14236">Mnih, V. et al. (2015). Human-level control
 *     through deep reinforcement learning. Nature 518</a>
 */
public record LinearSchedule(double start, double end, double fraction, long totalSteps) implements Schedule {

    /** Validates the arguments. */
    public LinearSchedule {
        if (!Double.isFinite(start) || !Double.isFinite(end)) {
            throw new IllegalArgumentException("LinearSchedule start and end must be finite, got " + start + ", " + end);
        }
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new IllegalArgumentException("LinearSchedule fraction must be in [0, 1], got " + fraction);
        }
        if (totalSteps < 1) {
            throw new IllegalArgumentException("LinearSchedule totalSteps must be at least 1, got " + totalSteps);
        }
    }

    /** The number of steps over which the value moves: {@code fraction · totalSteps}. */
    public double duration() {
        return fraction * totalSteps;
    }

    @Override
    public double value(long step) {
        double duration = duration();
        if (step <= 0) {
            return duration > 0 ? start : end;
        }
        if (step >= duration) {
            return end;
        }
        return start + (end - start) * (step / duration);
    }
}
