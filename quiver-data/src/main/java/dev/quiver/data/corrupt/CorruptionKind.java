package dev.quiver.data.corrupt;

import dev.quiver.core.error.QuiverUserException;
import java.util.Locale;

/**
 * What a corruption changes in each chosen transition {@code (s, a, r, s')} (Yang et al., 2023).
 *
 * @see DataCorruption
 */
public enum CorruptionKind {
    /** The observation {@code s} the transition starts from. */
    OBSERVATION("obs"),
    /** The (continuous) action {@code a}. */
    ACTION("action"),
    /** The reward {@code r}. */
    REWARD("reward"),
    /** The dynamics: the next observation {@code s'}. */
    DYNAMICS("dynamics");

    private final String cliName;

    CorruptionKind(String cliName) {
        this.cliName = cliName;
    }

    /** The name on the command line: {@code obs}, {@code action}, {@code reward} or {@code dynamics}. */
    public String cliName() {
        return cliName;
    }

    /**
     * The kind named {@code name}, case-insensitively: {@code obs} (or {@code observation(s)}),
     * {@code action} (or {@code act}, {@code actions}), {@code reward} (or {@code rew}, {@code rewards}),
     * {@code dynamics} (or {@code next-obs}, {@code next_obs}).
     *
     * @throws QuiverUserException for any other name
     */
    public static CorruptionKind parse(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        return switch (n) {
            case "obs", "observation", "observations" -> OBSERVATION;
            case "action", "act", "actions" -> ACTION;
            case "reward", "rew", "rewards" -> REWARD;
            case "dynamics", "next-obs", "next-observation", "next-observations" -> DYNAMICS;
            default -> throw new QuiverUserException("corruption kind '" + name + "' is not known; allowed: obs, "
                    + "action, reward, dynamics");
        };
    }
}
