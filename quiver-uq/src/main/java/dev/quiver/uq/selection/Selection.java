package dev.quiver.uq.selection;

import java.util.Arrays;

/**
 * The outcome of conformal selection with BH: the selected test units and every unit's conformal p-value.
 *
 * @param selected the selected test units' indices, ascending
 * @param pValues one conformal p-value per test unit
 */
public record Selection(int[] selected, double[] pValues) {
    /** Copies the arrays. */
    public Selection {
        selected = selected.clone();
        pValues = pValues.clone();
    }

    /** The number of selected units. */
    public int size() {
        return selected.length;
    }

    @Override
    public int[] selected() {
        return selected.clone();
    }

    @Override
    public double[] pValues() {
        return pValues.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Selection s && Arrays.equals(selected, s.selected) && Arrays.equals(pValues, s.pValues);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(selected) + Arrays.hashCode(pValues);
    }

    @Override
    public String toString() {
        return "Selection[" + selected.length + " of " + pValues.length + " selected]";
    }
}
