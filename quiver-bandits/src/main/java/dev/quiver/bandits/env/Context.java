package dev.quiver.bandits.env;

import java.util.Arrays;

/**
 * One round's context: a feature vector for each arm ({@code arms x dim}), as in the neural-bandit
 * literature's {@code x_{t,a}}. A multi-armed bandit has contexts of dimension 0.
 *
 * <p>Immutable: the rows are copied in, and {@link #features(int)} returns a copy; the hot paths of
 * algorithms read values through {@link #feature(int, int)} or {@link #copyInput(int, double[])}.
 */
public final class Context {
    private final double[][] features;
    private final int dim;

    private Context(double[][] features, int dim) {
        this.features = features;
        this.dim = dim;
    }

    /**
     * A context from per-arm feature rows (copied).
     *
     * @throws IllegalArgumentException if there are fewer than 2 arms or the rows differ in length
     */
    public static Context of(double[][] features) {
        if (features.length < 2) {
            throw new IllegalArgumentException("a context needs at least 2 arms, got " + features.length);
        }
        int d = features[0].length;
        double[][] copy = new double[features.length][];
        for (int a = 0; a < features.length; a++) {
            if (features[a].length != d) {
                throw new IllegalArgumentException("arm " + a + " has " + features[a].length + " features, arm 0 has "
                        + d);
            }
            copy[a] = features[a].clone();
        }
        return new Context(copy, d);
    }

    /** A context without features for a {@code arms}-armed bandit. */
    public static Context empty(int arms) {
        if (arms < 2) {
            throw new IllegalArgumentException("a context needs at least 2 arms, got " + arms);
        }
        return new Context(new double[arms][0], 0);
    }

    /** Wraps rows the caller promises never to change again (simulators' own fresh arrays). */
    static Context wrap(double[][] features) {
        return new Context(features, features[0].length);
    }

    /** The number of arms. */
    public int arms() {
        return features.length;
    }

    /** The dimension of each arm's features (0 without features). */
    public int dim() {
        return dim;
    }

    /** Feature {@code j} of arm {@code arm}. */
    public double feature(int arm, int j) {
        return features[arm][j];
    }

    /** A copy of arm {@code arm}'s features. */
    public double[] features(int arm) {
        return features[arm].clone();
    }

    /**
     * Writes the regression input of {@code arm} into {@code out} (length {@link BanditSpec#inputDim()}):
     * the arm's features, or the arm's one-hot vector when the context has no features.
     *
     * @return {@code out}
     */
    public double[] copyInput(int arm, double[] out) {
        if (dim == 0) {
            Arrays.fill(out, 0.0);
            out[arm] = 1.0;
        } else {
            System.arraycopy(features[arm], 0, out, 0, dim);
        }
        return out;
    }

    @Override
    public String toString() {
        return "Context(" + arms() + " arms, dim " + dim + ")";
    }
}
