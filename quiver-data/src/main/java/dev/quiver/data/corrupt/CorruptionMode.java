package dev.quiver.data.corrupt;

import dev.quiver.core.error.QuiverUserException;
import java.util.Locale;

/**
 * How corrupted values are chosen: at random, or adversarially against a pre-trained critic (Yang et al.,
 * 2023).
 *
 * @see DataCorruption
 */
public enum CorruptionMode {
    /** Uniform noise (observations, actions, next observations) or uniform replacement (rewards). */
    RANDOM,
    /** Gradient attack minimising a critic's Q value (observations, actions, next observations), or {@code -ε r}. */
    ADVERSARIAL;

    /** The lower-case name used on the command line. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The mode named {@code name} ({@code random} or {@code adversarial}, case-insensitively).
     *
     * @throws QuiverUserException for any other name
     */
    public static CorruptionMode parse(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        return switch (n) {
            case "random" -> RANDOM;
            case "adversarial" -> ADVERSARIAL;
            default -> throw new QuiverUserException("corruption mode '" + name + "' is not known; allowed: random, "
                    + "adversarial");
        };
    }
}
