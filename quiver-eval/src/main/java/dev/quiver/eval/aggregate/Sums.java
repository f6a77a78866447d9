package dev.quiver.eval.aggregate;

/** Fast sums for the count-based metrics: eight interleaved partial sums break the add latency chain. */
final class Sums {
    private Sums() {
    }

    /**
     * {@code sum over k in [from, to) of v[k] * w[k]}, or of {@code v[k]} when {@code w} is null; the
     * same additions in both cases when every weight is 1 (multiplying by 1 is exact).
     */
    static double weighted(double[] v, int[] w, int from, int to) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        double s4 = 0;
        double s5 = 0;
        double s6 = 0;
        double s7 = 0;
        int k = from;
        if (w == null) {
            for (; k + 7 < to; k += 8) {
                s0 += v[k];
                s1 += v[k + 1];
                s2 += v[k + 2];
                s3 += v[k + 3];
                s4 += v[k + 4];
                s5 += v[k + 5];
                s6 += v[k + 6];
                s7 += v[k + 7];
            }
            for (; k < to; k++) {
                s0 += v[k];
            }
        } else {
            for (; k + 7 < to; k += 8) {
                s0 += v[k] * w[k];
                s1 += v[k + 1] * w[k + 1];
                s2 += v[k + 2] * w[k + 2];
                s3 += v[k + 3] * w[k + 3];
                s4 += v[k + 4] * w[k + 4];
                s5 += v[k + 5] * w[k + 5];
                s6 += v[k + 6] * w[k + 6];
                s7 += v[k + 7] * w[k + 7];
            }
            for (; k < to; k++) {
                s0 += v[k] * w[k];
            }
        }
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }
}
