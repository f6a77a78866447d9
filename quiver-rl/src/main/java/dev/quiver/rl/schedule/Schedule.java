package dev.quiver.rl.schedule;

/**
 * A value that changes with the training step: exploration rate ε, prioritized replay's β, a
 * learning rate. Pure: the value depends only on the step.
 */
@FunctionalInterface
public interface Schedule {

    /** The value at training step {@code step} (0-based; negative steps are treated as 0). */
    double value(long step);
}
