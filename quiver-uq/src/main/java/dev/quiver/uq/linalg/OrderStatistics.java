package dev.quiver.uq.linalg;

/** Order statistics by selection (Hoare's quickselect with median-of-three pivots), O(n) on average. */
public final class OrderStatistics {
    private OrderStatistics() {
    }

    /**
     * The {@code k}-th smallest value of {@code values} (1-based: {@code k = 1} is the minimum).
     * Reorders {@code values} in place.
     */
    public static double kthSmallestInPlace(double[] values, int k) {
        if (k < 1 || k > values.length) {
            throw new IllegalArgumentException("k = " + k + " is outside 1.." + values.length);
        }
        int lo = 0;
        int hi = values.length - 1;
        int target = k - 1;
        while (hi > lo) {
            int mid = (lo + hi) >>> 1;
            if (values[mid] < values[lo]) {
                swap(values, mid, lo);
            }
            if (values[hi] < values[lo]) {
                swap(values, hi, lo);
            }
            if (values[hi] < values[mid]) {
                swap(values, hi, mid);
            }
            double pivot = values[mid];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (values[i] < pivot) {
                    i++;
                }
                while (values[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    swap(values, i, j);
                    i++;
                    j--;
                }
            }
            if (target <= j) {
                hi = j;
            } else if (target >= i) {
                lo = i;
            } else {
                return values[target];
            }
        }
        return values[target];
    }

    /** The {@code k}-th smallest value of {@code values} (1-based), leaving {@code values} unchanged. */
    public static double kthSmallest(double[] values, int k) {
        return kthSmallestInPlace(values.clone(), k);
    }

    private static void swap(double[] a, int i, int j) {
        double t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}
