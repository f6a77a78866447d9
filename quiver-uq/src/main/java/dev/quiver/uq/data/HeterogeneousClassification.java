package dev.quiver.uq.data;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * A synthetic multiclass task whose difficulty varies across inputs: K classes with equal priors, class k
 * centred at {@code 2(cos 2πk/K, sin 2πk/K)} in the first two features, a third feature {@code d ~ U(0, 1)}
 * (the difficulty) that scales the Gaussian noise of the first two, {@code σ(d) = 0.3 + 2.2 d²}, and one pure
 * noise feature {@code U(0, 1)}. Easy inputs (small d) are nearly separable, hard ones (d near 1) nearly
 * uninformative; a linear-logit classifier cannot represent the noise scaling, so its probabilities are
 * over-confident on hard inputs and under-confident on easy ones — the setting where a per-input threshold can
 * help.
 */
public final class HeterogeneousClassification {
    private HeterogeneousClassification() {
    }

    /** n rows with {@code classes} classes (features x1, x2, difficulty, noise). */
    public static TabularDataset generate(int n, int classes, UniformRandomProvider rng) {
        if (n < 1 || classes < 2) {
            throw new IllegalArgumentException("need n >= 1 and at least 2 classes, got " + n + ", " + classes);
        }
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
        double[] x = new double[4 * n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            int k = rng.nextInt(classes);
            double d = rng.nextDouble();
            double sigma = 0.3 + 2.2 * d * d;
            x[4 * i] = 2 * Math.cos(2 * Math.PI * k / classes) + sigma * g.sample();
            x[4 * i + 1] = 2 * Math.sin(2 * Math.PI * k / classes) + sigma * g.sample();
            x[4 * i + 2] = d;
            x[4 * i + 3] = rng.nextDouble();
            y[i] = k;
        }
        List<String> names = new ArrayList<>();
        for (int k = 0; k < classes; k++) {
            names.add("c" + k);
        }
        return new TabularDataset(Matrix.wrap(n, 4, x), y, List.of("x1", "x2", "difficulty", "noise"), "class", names);
    }
}
