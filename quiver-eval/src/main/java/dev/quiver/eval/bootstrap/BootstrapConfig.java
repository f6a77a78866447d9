package dev.quiver.eval.bootstrap;

import dev.quiver.core.seed.Seeds;
import java.util.Objects;

/**
 * How to run a stratified bootstrap: an immutable record with rliable's defaults.
 *
 * <p>Results depend only on the data, {@code reps}, {@code taskBootstrap} and {@code seed}, never on
 * {@code threads}: the replicates are cut into blocks of {@link StratifiedBootstrap#BLOCK_SIZE}, and
 * block {@code b} draws from its own generator {@code Seeds.of(seed).child("bootstrap-block",
 * b).rng()}, whichever thread runs it.
 *
 * @param reps the number of bootstrap replicates (default 50,000, as rliable)
 * @param confidence the nominal coverage of the intervals, in (0, 1) (default 0.95)
 * @param method how intervals are read off the replicates (default {@link IntervalMethod#PERCENTILE})
 * @param taskBootstrap whether tasks are resampled too, as rliable's {@code task_bootstrap=True}
 *     (default false: runs are resampled within each task, tasks are fixed)
 * @param threads how many threads share the replicates (default: the available processors)
 * @param seed the root seed of the resampling (default 0)
 * @see <a href="https://arxiv.org/abs/2108.13264">Agarwal et al. (2021), arXiv:2108.13264</a>
 */
public record BootstrapConfig(int reps, double confidence, IntervalMethod method, boolean taskBootstrap,
        int threads, long seed) {

    /** rliable's number of replicates for aggregate intervals. */
    public static final int DEFAULT_REPS = 50_000;
    /** The default nominal coverage. */
    public static final double DEFAULT_CONFIDENCE = 0.95;

    /** Validates the fields. */
    public BootstrapConfig {
        Objects.requireNonNull(method, "method");
        if (reps < 1) {
            throw new IllegalArgumentException("reps must be at least 1, got " + reps);
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1), got " + confidence);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
    }

    /** 50,000 reps, 95%, percentile, no task bootstrap, all available processors, seed 0. */
    public static BootstrapConfig defaults() {
        return new BootstrapConfig(DEFAULT_REPS, DEFAULT_CONFIDENCE, IntervalMethod.PERCENTILE, false,
                Runtime.getRuntime().availableProcessors(), 0L);
    }

    /** The defaults with root seed {@code seed}. */
    public static BootstrapConfig seeded(long seed) {
        return defaults().withSeed(seed);
    }

    /** A copy with {@code reps} replicates. */
    public BootstrapConfig withReps(int reps) {
        return new BootstrapConfig(reps, confidence, method, taskBootstrap, threads, seed);
    }

    /** A copy with nominal coverage {@code confidence}. */
    public BootstrapConfig withConfidence(double confidence) {
        return new BootstrapConfig(reps, confidence, method, taskBootstrap, threads, seed);
    }

    /** A copy with interval method {@code method}. */
    public BootstrapConfig withMethod(IntervalMethod method) {
        return new BootstrapConfig(reps, confidence, method, taskBootstrap, threads, seed);
    }

    /** A copy that does (or does not) resample tasks too. */
    public BootstrapConfig withTaskBootstrap(boolean taskBootstrap) {
        return new BootstrapConfig(reps, confidence, method, taskBootstrap, threads, seed);
    }

    /** A copy that uses {@code threads} threads (results do not change). */
    public BootstrapConfig withThreads(int threads) {
        return new BootstrapConfig(reps, confidence, method, taskBootstrap, threads, seed);
    }

    /** A copy with root seed {@code seed}. */
    public BootstrapConfig withSeed(long seed) {
        return new BootstrapConfig(reps, confidence, method, taskBootstrap, threads, seed);
    }

    /** A copy whose root seed is {@code seeds.seed()} (e.g. {@code runSeeds.child("bootstrap")}). */
    public BootstrapConfig withSeeds(Seeds seeds) {
        return withSeed(seeds.seed());
    }

    /** The root of the resampling streams. */
    public Seeds seeds() {
        return Seeds.of(seed);
    }
}
