package dev.quiver.uq.abstention;

import dev.quiver.uq.conformal.PredictionSets;

/**
 * The outputs of a conformal abstention policy (or of a plain conformal classifier, which never abstains) for
 * test rows: per row either an abstention or a set of labels (one label: a single prediction). For coverage an
 * abstention counts as the set of all labels (it asserts nothing false), which is how the conformal guarantee
 * of {@link CalibratedAbstentionPolicy} is stated.
 */
public final class AbstentionPredictions {
    private final boolean[][] member;
    private final boolean[] abstained;
    private final int numClasses;

    /**
     * Outputs from membership flags {@code [row][class]} and abstention flags (copied; the flags of an abstained
     * row are ignored).
     */
    public AbstentionPredictions(boolean[][] member, boolean[] abstained, int numClasses) {
        if (member.length != abstained.length) {
            throw new IllegalArgumentException(member.length + " sets but " + abstained.length + " abstention flags");
        }
        this.member = new boolean[member.length][];
        for (int i = 0; i < member.length; i++) {
            if (member[i].length != numClasses) {
                throw new IllegalArgumentException("row " + i + " has " + member[i].length + " flags, expected "
                        + numClasses);
            }
            this.member[i] = member[i].clone();
        }
        this.abstained = abstained.clone();
        this.numClasses = numClasses;
    }

    /** The outputs of a conformal classifier's sets (no abstentions). */
    public static AbstentionPredictions of(PredictionSets sets) {
        boolean[][] m = new boolean[sets.size()][sets.numClasses()];
        for (int i = 0; i < sets.size(); i++) {
            for (int k = 0; k < sets.numClasses(); k++) {
                m[i][k] = sets.contains(i, k);
            }
        }
        return new AbstentionPredictions(m, new boolean[sets.size()], sets.numClasses());
    }

    /** The number of rows. */
    public int size() {
        return member.length;
    }

    /** K. */
    public int numClasses() {
        return numClasses;
    }

    /** Whether row i abstained. */
    public boolean abstained(int i) {
        return abstained[i];
    }

    /** The number of labels predicted for row i (0 for an abstention). */
    public int setSize(int i) {
        if (abstained[i]) {
            return 0;
        }
        int c = 0;
        for (boolean b : member[i]) {
            if (b) {
                c++;
            }
        }
        return c;
    }

    /** Whether row i's output covers {@code label} (an abstention covers every label). */
    public boolean covers(int i, int label) {
        return abstained[i] || member[i][label];
    }

    /** The decision of row i (an empty set, possible for baselines, counts as a set). */
    public Decision decision(int i) {
        if (abstained[i]) {
            return Decision.ABSTAIN;
        }
        return setSize(i) == 1 ? Decision.SINGLE : Decision.SET;
    }

    /** The labels predicted for row i, ascending (empty for an abstention). */
    public int[] labels(int i) {
        int[] out = new int[setSize(i)];
        int c = 0;
        for (int k = 0; k < numClasses && !abstained[i]; k++) {
            if (member[i][k]) {
                out[c++] = k;
            }
        }
        return out;
    }
}
