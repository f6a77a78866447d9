package dev.quiver.uq.selection;

import java.util.Arrays;

/**
 * The outcome of {@link OptimizedConformalSelection}: the selected test units and, per test unit, the model it
 * chose, the size of the auxiliary BH selection that model reached, its conformal p-value and e-value.
 *
 * @param selected the selected test units' indices, ascending
 * @param pValues per test unit, the conformal p-value under its chosen model
 * @param eValues per test unit, {@code e_j = 1{p_j ≤ β q R_j / m} · m / (β q R_j)} (β = 1 unless chosen)
 * @param chosenModels per test unit, the index of the chosen model
 * @param referenceSizes per test unit, {@code R_j}: the largest auxiliary BH selection size over the models
 */
public record OptimizedSelection(int[] selected, double[] pValues, double[] eValues, int[] chosenModels,
        int[] referenceSizes) {
    /** Copies the arrays and checks their lengths. */
    public OptimizedSelection {
        selected = selected.clone();
        pValues = pValues.clone();
        eValues = eValues.clone();
        chosenModels = chosenModels.clone();
        referenceSizes = referenceSizes.clone();
        int m = pValues.length;
        if (eValues.length != m || chosenModels.length != m || referenceSizes.length != m) {
            throw new IllegalArgumentException("per-unit arrays differ in length");
        }
    }

    /** The number of selected units. */
    public int size() {
        return selected.length;
    }

    /** How many test units chose each of {@code models} models. */
    public int[] modelCounts(int models) {
        int[] c = new int[models];
        for (int k : chosenModels) {
            c[k]++;
        }
        return c;
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
    public double[] eValues() {
        return eValues.clone();
    }

    @Override
    public int[] chosenModels() {
        return chosenModels.clone();
    }

    @Override
    public int[] referenceSizes() {
        return referenceSizes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OptimizedSelection s && Arrays.equals(selected, s.selected)
                && Arrays.equals(pValues, s.pValues) && Arrays.equals(eValues, s.eValues)
                && Arrays.equals(chosenModels, s.chosenModels) && Arrays.equals(referenceSizes, s.referenceSizes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(new int[] {Arrays.hashCode(selected), Arrays.hashCode(pValues),
            Arrays.hashCode(eValues), Arrays.hashCode(chosenModels), Arrays.hashCode(referenceSizes)});
    }

    @Override
    public String toString() {
        return "OptimizedSelection[" + selected.length + " of " + pValues.length + " selected]";
    }
}
