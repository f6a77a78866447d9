package dev.quiver.rl.offline.iql;

/** The actor IQL fits to continuous actions by advantage-weighted regression. */
public enum IqlActor {
    /**
     * A Gaussian with mean {@code tanh(f(s))} and a learnt state-independent log standard deviation (clipped
     * to [−20, 2]), fitted by weighted negative log-likelihood (CORL's {@code GaussianPolicy}); it acts with
     * its mean.
     */
    GAUSSIAN,
    /** {@code tanh(f(s))} fitted by the weighted squared error (CORL's {@code DeterministicPolicy}). */
    DETERMINISTIC
}
