package dev.quiver.eval.aggregate;

/**
 * The median over tasks of the per-task mean scores (rliable's {@code aggregate_median}); key {@code
 * "median"}. With an even number of tasks it is the average of the two middle task means, as {@code
 * numpy.median}.
 *
 * <p>Robust to outlier tasks but has a large variance with few runs, and ignores how good the other
 * half of the tasks are.
 *
 * @see <a href="https://arxiv.org/abs/2108.13264">Agarwal et al. (2021), arXiv:2108.13264, section 4</a>
 */
public final class Median implements Metric {
    /** The result key. */
    public static final String NAME = "median";
    static final Median INSTANCE = new Median();

    private Median() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public double apply(double[][] scores) {
        return of(scores);
    }

    /** The median of the per-task means of a valid score matrix {@code [task][run]}. */
    public static double of(double[][] scores) {
        ScoreMatrices.validate(scores);
        double[] means = ScoreMatrices.taskMeans(scores);
        return ofInPlace(means, means.length);
    }

    /** The median of {@code values} ({@code numpy.median}); the array is not changed. */
    public static double median(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("the median of no values is undefined");
        }
        return ofInPlace(values.clone(), values.length);
    }

    /**
     * The median of the first {@code n} values of {@code a}, reordering them (quickselect, expected
     * linear time, no allocation). The average of the two middle values when {@code n} is even.
     */
    public static double ofInPlace(double[] a, int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("the median of no values is undefined");
        }
        int k = (n - 1) >>> 1;
        double lowMid = select(a, 0, n - 1, k);
        if ((n & 1) == 1) {
            return lowMid;
        }
        // after select, a[k+1..n-1] are all >= a[k]: the upper middle value is their minimum
        double highMid = a[k + 1];
        for (int i = k + 2; i < n; i++) {
            if (a[i] < highMid) {
                highMid = a[i];
            }
        }
        return (lowMid + highMid) / 2;
    }

    /** The k-th smallest of a[lo..hi] (inclusive); partitions around it (Hoare-style, median-of-3 pivot). */
    static double select(double[] a, int lo, int hi, int k) {
        while (hi > lo) {
            if (hi - lo < 16) {
                insertionSort(a, lo, hi);
                return a[k];
            }
            int mid = (lo + hi) >>> 1;
            // order a[lo], a[mid], a[hi] so that the median of the three sits at mid
            if (a[mid] < a[lo]) {
                swap(a, mid, lo);
            }
            if (a[hi] < a[lo]) {
                swap(a, hi, lo);
            }
            if (a[hi] < a[mid]) {
                swap(a, hi, mid);
            }
            double pivot = a[mid];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    swap(a, i, j);
                    i++;
                    j--;
                }
            }
            // now a[lo..j] <= pivot, a[i..hi] >= pivot, and a[j+1..i-1] == pivot
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return a[k];
            }
        }
        return a[k];
    }

    private static void insertionSort(double[] a, int lo, int hi) {
        for (int i = lo + 1; i <= hi; i++) {
            double v = a[i];
            int j = i - 1;
            while (j >= lo && a[j] > v) {
                a[j + 1] = a[j];
                j--;
            }
            a[j + 1] = v;
        }
    }

    private static void swap(double[] a, int i, int j) {
        double t = a[i];
        a[i] = a[j];
        a[j] = t;
    }

    @Override
    public String toString() {
        return NAME;
    }
}
