package dev.quiver.uq.abstention;

/** What a conformal abstention policy outputs for one input. */
public enum Decision {
    /** One label. */
    SINGLE,
    /** A set of two or more labels. */
    SET,
    /** No answer (equivalent, for coverage, to the set of all labels). */
    ABSTAIN;

    /** The decision of a non-abstaining output of {@code size} labels. */
    public static Decision ofSize(int size) {
        return size == 1 ? SINGLE : SET;
    }
}
