package dev.quiver.eval.bootstrap;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Runs numbered blocks of work on a fixed number of threads. Each thread makes its own scratch state
 * once and then takes the next block number from a shared counter until none are left. A block's
 * result must depend only on its number (each block seeds its own generator), so the outcome does not
 * depend on the thread count or on which thread ran which block.
 */
public final class BlockRunner {
    private BlockRunner() {
    }

    /** The work of one block, given the running thread's scratch state. */
    @FunctionalInterface
    public interface BlockTask<W> {
        /** Runs block {@code block} with scratch state {@code state}. */
        void run(W state, int block);
    }

    /** How many blocks of {@code blockSize} cover {@code reps} replicates. */
    public static int blocks(int reps, int blockSize) {
        return (reps + blockSize - 1) / blockSize;
    }

    /**
     * Runs blocks {@code 0..blocks-1}; with one thread (or one block) in the calling thread, otherwise on
     * {@code min(threads, blocks)} new threads. Rethrows the first failure after all threads stop.
     */
    public static <W> void run(int blocks, int threads, Supplier<W> scratch, BlockTask<W> task) {
        if (blocks <= 0) {
            return;
        }
        int n = Math.min(threads, blocks);
        if (n <= 1) {
            W state = scratch.get();
            for (int b = 0; b < blocks; b++) {
                task.run(state, b);
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Runnable worker = () -> {
            try {
                W state = scratch.get();
                int b;
                while (failure.get() == null && (b = next.getAndIncrement()) < blocks) {
                    task.run(state, b);
                }
            } catch (Throwable t) {
                failure.compareAndSet(null, t);
            }
        };
        Thread[] pool = new Thread[n - 1];
        for (int i = 0; i < pool.length; i++) {
            pool[i] = new Thread(worker, "quiver-bootstrap-" + i);
            pool[i].setDaemon(true);
            pool[i].start();
        }
        worker.run();
        boolean interrupted = false;
        for (Thread t : pool) {
            while (true) {
                try {
                    t.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        Throwable t = failure.get();
        if (t instanceof RuntimeException) {
            throw (RuntimeException) t;
        }
        if (t instanceof Error) {
            throw (Error) t;
        }
        if (t != null) {
            throw new IllegalStateException(t);
        }
    }
}
