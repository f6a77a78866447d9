package dev.quiver.uq.conformal;

import java.util.Arrays;

/** Prediction sets over classes {@code 0..K-1}, one per test row, at nominal coverage {@code 1 − α}. */
public final class PredictionSets {
    private final boolean[][] member;
    private final int numClasses;
    private final double alpha;

    /** Sets from membership flags {@code [row][class]} (copied) at miscoverage {@code alpha}. */
    public PredictionSets(boolean[][] member, int numClasses, double alpha) {
        ConformalQuantile.checkAlpha(alpha);
        this.member = new boolean[member.length][];
        for (int i = 0; i < member.length; i++) {
            if (member[i].length != numClasses) {
                throw new IllegalArgumentException("row " + i + " has " + member[i].length + " flags, expected "
                        + numClasses);
            }
            this.member[i] = member[i].clone();
        }
        this.numClasses = numClasses;
        this.alpha = alpha;
    }

    /** The number of sets (test rows). */
    public int size() {
        return member.length;
    }

    /** K. */
    public int numClasses() {
        return numClasses;
    }

    /** The nominal miscoverage α. */
    public double alpha() {
        return alpha;
    }

    /** Whether set {@code i} contains class {@code k}. */
    public boolean contains(int i, int k) {
        return member[i][k];
    }

    /** The number of classes in set {@code i}. */
    public int setSize(int i) {
        int c = 0;
        for (boolean b : member[i]) {
            if (b) {
                c++;
            }
        }
        return c;
    }

    /** The classes in set {@code i}, ascending. */
    public int[] labels(int i) {
        int[] out = new int[setSize(i)];
        int c = 0;
        for (int k = 0; k < numClasses; k++) {
            if (member[i][k]) {
                out[c++] = k;
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return "PredictionSets[" + member.length + " rows, " + numClasses + " classes, alpha " + alpha + ", first "
                + (member.length > 0 ? Arrays.toString(labels(0)) : "-") + "]";
    }
}
