package dev.quiver.report.plot;

import java.util.Arrays;
import java.util.Objects;

/**
 * One algorithm's performance profile: at each threshold {@code tau[i]}, the fraction of runs (or tasks)
 * with score above it, optionally with a confidence band. Immutable: arrays are copied in and out.
 *
 * @param algorithm the algorithm's name
 * @param tau the thresholds, not decreasing
 * @param fraction the fraction of runs with score &gt; tau, one per threshold
 * @param low the lower end of the band, one per threshold, or {@code null} for no band
 * @param high the upper end of the band, or {@code null} (together with {@code low})
 * @see <a href="https://arxiv.org/abs/2108.13264">Agarwal et al. (2021), arXiv:2108.13264</a>
 */
public record ProfileCurve(String algorithm, double[] tau, double[] fraction, double[] low, double[] high) {

    /** Validates (equal lengths, finite values, tau not decreasing, band both or neither) and copies. */
    public ProfileCurve {
        Curves.check(algorithm, "tau", tau, "fraction", fraction, low, high);
        tau = tau.clone();
        fraction = fraction.clone();
        low = Curves.copy(low);
        high = Curves.copy(high);
    }

    /** A curve without a band. */
    public static ProfileCurve of(String algorithm, double[] tau, double[] fraction) {
        return new ProfileCurve(algorithm, tau, fraction, null, null);
    }

    /** Whether the curve has a confidence band. */
    public boolean hasBand() {
        return low != null;
    }

    @Override
    public double[] tau() {
        return tau.clone();
    }

    @Override
    public double[] fraction() {
        return fraction.clone();
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
        return new Curves.Data(algorithm, tau, fraction, low, high);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProfileCurve c && algorithm.equals(c.algorithm) && Arrays.equals(tau, c.tau)
                && Arrays.equals(fraction, c.fraction) && Arrays.equals(low, c.low) && Arrays.equals(high, c.high);
    }

    @Override
    public int hashCode() {
        return Objects.hash(algorithm, Arrays.hashCode(tau), Arrays.hashCode(fraction), Arrays.hashCode(low),
                Arrays.hashCode(high));
    }

    @Override
    public String toString() {
        return "ProfileCurve[algorithm=" + algorithm + ", tau=" + Arrays.toString(tau) + ", fraction="
                + Arrays.toString(fraction) + ", low=" + Curves.toString(low) + ", high=" + Curves.toString(high) + "]";
    }
}
