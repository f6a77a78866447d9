package dev.quiver.core.registry;

import java.util.List;

/**
 * A module that contributes environments to the registry. Implementations are found with {@link
 * java.util.ServiceLoader}: list the class in {@code META-INF/services/dev.quiver.core.registry.EnvProvider}.
 */
public interface EnvProvider {

    /** The envs this module offers. */
    List<EnvRegistration> registrations();
}
