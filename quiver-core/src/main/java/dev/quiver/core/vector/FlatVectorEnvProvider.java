package dev.quiver.core.vector;

import java.util.Set;

/**
 * A module that offers struct-of-arrays {@link FlatVectorEnv} versions of some registered env ids, so that
 * code below that module (agents) can get the fast vector env of an id without depending on it.
 * Implementations are found with {@link java.util.ServiceLoader}: list the class in
 * {@code META-INF/services/dev.quiver.core.vector.FlatVectorEnvProvider}. Look them up with
 * {@link FlatVectorEnvs}.
 */
public interface FlatVectorEnvProvider {

    /** The env ids this provider has a flat vector version of (each as registered with {@code Envs}). */
    Set<String> ids();

    /**
     * {@code numEnvs} copies of {@code id} (one of {@link #ids()}) as {@code Envs.make(id)} would build
     * them with default options: same spec, same time limit, same dynamics.
     */
    FlatVectorEnv make(String id, int numEnvs);
}
