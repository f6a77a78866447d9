package dev.quiver.rl.agent;

import dev.quiver.core.policy.Policy;
import java.nio.file.Path;

/**
 * A trained policy that can act, be saved to a checkpoint directory and be closed (it may hold native
 * memory, e.g. network parameters). Each implementation offers a static {@code load(Path)} that
 * reads back what {@link #save} wrote.
 *
 * @param <O> observation type
 * @param <A> action type
 */
public interface SavablePolicy<O, A> extends Policy<O, A>, AutoCloseable {
    /**
     * Writes this policy (parameters and the configuration that made it) to directory {@code dir},
     * replacing any checkpoint there atomically.
     *
     * @throws dev.quiver.core.error.QuiverUserException if it cannot be written
     */
    void save(Path dir);

    /** Frees native resources; the policy cannot act afterwards. */
    @Override
    void close();
}
