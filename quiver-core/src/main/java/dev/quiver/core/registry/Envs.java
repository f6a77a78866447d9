package dev.quiver.core.registry;

import dev.quiver.core.env.Env;
import dev.quiver.core.error.QuiverUserException;
import dev.quiver.core.wrapper.TimeLimit;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The env registry, as {@code gymnasium.make}: {@code Envs.make("CartPole-v1")} builds the env
 * with the same default wrappers (a {@link TimeLimit} at the registered episode limit) that
 * Gymnasium applies. Envs come from every {@link EnvProvider} on the class path.
 */
public final class Envs {
    private static volatile Map<String, EnvRegistration> registry;

    private Envs() {
    }

    private static Map<String, EnvRegistration> registry() {
        Map<String, EnvRegistration> r = registry;
        if (r == null) {
            synchronized (Envs.class) {
                if (registry == null) {
                    Map<String, EnvRegistration> m = new TreeMap<>();
                    for (EnvProvider p : ServiceLoader.load(EnvProvider.class, Envs.class.getClassLoader())) {
                        for (EnvRegistration reg : p.registrations()) {
                            if (m.putIfAbsent(reg.id(), reg) != null) {
                                throw new IllegalStateException("env id registered twice: " + reg.id());
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

    /** All registrations, sorted by id. */
    public static Collection<EnvRegistration> all() {
        return registry().values();
    }

    /** The registration of {@code id}, or a user error listing known ids and the nearest match. */
    public static EnvRegistration registration(String id) {
        EnvRegistration reg = registry().get(id);
        if (reg == null) {
            throw new QuiverUserException(unknownIdMessage(id));
        }
        return reg;
    }

    /** Makes {@code id} with its default options and time limit. */
    public static <O, A> Env<O, A> make(String id) {
        return make(id, Map.of());
    }

    /**
     * Makes {@code id} with options overriding the registered defaults (Gymnasium's kwargs, e.g.
     * {@code map_name}, {@code is_slippery}); {@code max_episode_steps} overrides the time limit
     * ({@code 0}: none).
     */
    @SuppressWarnings("unchecked")
    public static <O, A> Env<O, A> make(String id, Map<String, Object> kwargs) {
        EnvRegistration reg = registration(id);
        Map<String, Object> merged = new HashMap<>(reg.defaultKwargs());
        merged.putAll(kwargs);
        Object limitOption = merged.remove("max_episode_steps");
        int limit = reg.maxEpisodeSteps().orElse(0);
        if (limitOption != null) {
            if (!(limitOption instanceof Number n) || n.intValue() < 0) {
                throw new QuiverUserException(id + ": option max_episode_steps must be a non-negative integer, got "
                        + limitOption);
            }
            limit = n.intValue();
        }
        Env<O, A> env = (Env<O, A>) reg.factory().apply(Collections.unmodifiableMap(merged));
        return limit > 0 ? new TimeLimit<>(env, limit) : env;
    }

    /** The message for an unknown id: the nearest registered id and the full list. */
    static String unknownIdMessage(String id) {
        String nearest = null;
        int best = Integer.MAX_VALUE;
        for (String known : registry().keySet()) {
            int d = editDistance(id.toLowerCase(java.util.Locale.ROOT), known.toLowerCase(java.util.Locale.ROOT));
            if (d < best) {
                best = d;
                nearest = known;
            }
        }
        StringBuilder sb = new StringBuilder("unknown env id '").append(id).append("'");
        if (nearest != null) {
            sb.append("; did you mean '").append(nearest).append("'?");
        }
        sb.append(" Known ids: ").append(String.join(", ", registry().keySet()));
        return sb.toString();
    }

    /** Levenshtein distance. */
    static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
