package dev.quiver.uq;

import dev.quiver.uq.data.Matrix;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/** Seeded synthetic data sets for tests. */
public final class Synthetic {
    private Synthetic() {
    }

    /** Features and targets. */
    public record Data(Matrix x, double[] y) {
    }

    /**
     * {@code x ~ U(0, 1)²}, {@code y = 1 + 2 x1 − x2 + (0.2 + x1)·ε}, ε standard normal: a linear mean and a
     * spread that grows linearly in x1 (heteroscedastic; every conditional quantile is linear in x).
     */
    public static Data heteroscedastic(int n, UniformRandomProvider rng) {
        return heteroscedastic(n, 0.2, rng);
    }

    /** As {@link #heteroscedastic(int, UniformRandomProvider)} with noise scale {@code base + x1}. */
    public static Data heteroscedastic(int n, double base, UniformRandomProvider rng) {
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
        double[] x = new double[2 * n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double x1 = rng.nextDouble();
            double x2 = rng.nextDouble();
            x[2 * i] = x1;
            x[2 * i + 1] = x2;
            y[i] = 1 + 2 * x1 - x2 + (base + x1) * g.sample();
        }
        return new Data(Matrix.wrap(n, 2, x), y);
    }

    /** Labelled classification data: features and class indices. */
    public record Labelled(Matrix x, int[] labels) {
    }

    /**
     * Three overlapping Gaussian classes in 2-d (class k centred at {@code (cos 2πk/3, sin 2πk/3)}, unit
     * variance), equal priors: the Bayes classifier is far from certain, so sets have varied sizes.
     */
    public static Labelled threeClasses(int n, UniformRandomProvider rng) {
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
        double[] x = new double[2 * n];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            int k = rng.nextInt(3);
            labels[i] = k;
            x[2 * i] = Math.cos(2 * Math.PI * k / 3) + g.sample();
            x[2 * i + 1] = Math.sin(2 * Math.PI * k / 3) + g.sample();
        }
        return new Labelled(Matrix.wrap(n, 2, x), labels);
    }

    /** {@code y[from..from+len)}. */
    public static double[] slice(double[] y, int from, int len) {
        return java.util.Arrays.copyOfRange(y, from, from + len);
    }

    /** Rows {@code from..from+len)} of x. */
    public static Matrix rows(Matrix x, int from, int len) {
        int[] idx = new int[len];
        for (int i = 0; i < len; i++) {
            idx[i] = from + i;
        }
        return x.selectRows(idx);
    }
}
