package dev.quiver.core.vector;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;

/**
 * The registry of struct-of-arrays vector envs: {@code FlatVectorEnvs.make("CartPole-v1", 8)} gives the
 * allocation-free {@link FlatVectorEnv} of an env id when a {@link FlatVectorEnvProvider} on the class
 * path offers one (quiver-envs does for the classic-control envs), and nothing otherwise, in which case a
 * {@link SyncVectorEnv} over {@code Envs.make} copies is the general route.
 */
public final class FlatVectorEnvs {
    private static volatile Map<String, FlatVectorEnvProvider> registry;

    private FlatVectorEnvs() {
    }

    private static Map<String, FlatVectorEnvProvider> registry() {
        Map<String, FlatVectorEnvProvider> r = registry;
        if (r == null) {
            synchronized (FlatVectorEnvs.class) {
                if (registry == null) {
                    Map<String, FlatVectorEnvProvider> m = new TreeMap<>();
                    for (FlatVectorEnvProvider p : ServiceLoader.load(FlatVectorEnvProvider.class,
                            FlatVectorEnvs.class.getClassLoader())) {
                        for (String id : p.ids()) {
                            if (m.putIfAbsent(id, p) != null) {
                                throw new IllegalStateException("flat vector env id offered twice: " + id);
                            }
                        }
                    }
                    registry = Collections.unmodifiableMap(m);
                }
                r = registry;
            }
        }
        return r;
    }

    /** The ids with a flat vector version, sorted. */
    public static Set<String> ids() {
        return registry().keySet();
    }

    /** Whether {@code id} has a flat vector version. */
    public static boolean has(String id) {
        return registry().containsKey(id);
    }

    /**
     * {@code numEnvs} copies of {@code id} as a flat vector env (not yet reset), or empty if no provider
     * offers {@code id}.
     *
     * @throws IllegalArgumentException if {@code numEnvs < 1}
     */
    public static Optional<FlatVectorEnv> make(String id, int numEnvs) {
        if (numEnvs < 1) {
            throw new IllegalArgumentException("numEnvs must be >= 1, got " + numEnvs);
        }
        FlatVectorEnvProvider p = registry().get(id);
        return p == null ? Optional.empty() : Optional.of(p.make(id, numEnvs));
    }
}
