package dev.quiver.report.plot;

import java.util.Arrays;
import java.util.Objects;

/**
 * One algorithm's aggregate score over training: at each checkpoint {@code x[i]} (steps, frames,
 * epochs), a point estimate and optionally its interval. Immutable: arrays are copied in and out.
 *
 * @param algorithm the algorithm's name
 * @param x the checkpoints, not decreasing
 * @param point the point estimate at each checkpoint
 * @param low the lower end of the interval at each checkpoint, or {@code null} for no band
 * @param high the upper end, or {@code null} (together with {@code low})
 * @see <a href="https://arxiv.org/abs/2108.13264">Agarwal et al. (2021), arXiv:2108.13264</a>
 */
public record SampleEfficiencyCurve(String algorithm, double[] x, double[] point, double[] low, double[] high) {

    /** Validates (equal lengths, finite values, x not decreasing, band both or neither) and copies. */
    public SampleEfficiencyCurve {
        Curves.check(algorithm, "x", x, "point", point, low, high);
        x = x.clone();
        point = point.clone();
        low = Curves.copy(low);
        high = Curves.copy(high);
    }

    /** A curve without a band. */
    public static SampleEfficiencyCurve of(String algorithm, double[] x, double[] point) {
        return new SampleEfficiencyCurve(algorithm, x, point, null, null);
    }

    /** Whether the curve has a confidence band. */
    public boolean hasBand() {
        return low != null;
    }

    @Override
    public double[] x() {
        return x.clone();
    }

    @Override
    public double[] point() {
        return point.clone();
    }

    @Override
    public double[] low() {
        return Curves.copy(low);
    }

    @Override
    public double[] high() {
        return Curves.copy(high);
    }

    Curves.Data data() {
        return new Curves.Data(algorithm, x, point, low, high);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SampleEfficiencyCurve c && algorithm.equals(c.algorithm) && Arrays.equals(x, c.x)
                && Arrays.equals(point, c.point) && Arrays.equals(low, c.low) && Arrays.equals(high, c.high);
    }

    @Override
    public int hashCode() {
        return Objects.hash(algorithm, Arrays.hashCode(x), Arrays.hashCode(point), Arrays.hashCode(low),
                Arrays.hashCode(high));
    }

    @Override
    public String toString() {
        return "SampleEfficiencyCurve[algorithm=" + algorithm + ", x=" + Arrays.toString(x) + ", point="
                + Arrays.toString(point) + ", low=" + Curves.toString(low) + ", high=" + Curves.toString(high) + "]";
    }
}
