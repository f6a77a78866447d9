package dev.quiver.pipeline;

import java.util.Locale;

/** What a study decides about: a sequential policy (episodes in an env) or a contextual-bandit policy. */
public enum StudyKind {
    /** Episodes of an env: offline RL candidates, sequential OPE, online verification. */
    SEQUENTIAL,
    /** Rounds of a contextual bandit: candidate policies, bandit OPE, the known truth where there is one. */
    BANDIT;

    /** The name used in study files. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
