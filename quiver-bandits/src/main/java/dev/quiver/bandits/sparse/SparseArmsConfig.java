package dev.quiver.bandits.sparse;

import dev.quiver.bandits.env.UnitVectors;
import dev.quiver.core.seed.Seeds;
import java.util.Locale;
import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * How to build a sparse misspecified best-arm instance: an immutable record with defaults.
 * {@link #build(long)} draws {@code K} arms uniformly from the unit sphere of {@code R^d} and an s-sparse unit
 * {@code theta} from {@code Seeds.of(seed).child("instance")}, sets the misspecification {@code eta}, and
 * answers queries with noise from {@code Seeds.of(seed).child("queries")}.
 *
 * @param dim the dimension d (default 16)
 * @param sparsity the sparsity s of theta (default 2)
 * @param arms the number of arms K (default 20000)
 * @param epsilon the misspecification bound (default 0.05)
 * @param noiseSd the query noise standard deviation (default 0: exact answers, so query counts measure the
 *     search's structure alone)
 * @param eta how the misspecification is chosen (default {@link Eta#ADVERSARIAL})
 */
public record SparseArmsConfig(int dim, int sparsity, int arms, double epsilon, double noiseSd, Eta eta) {

    /** The misspecification families. */
    public enum Eta {
        /** {@code eta = 0}: a well-specified sparse linear bandit. */
        NONE,
        /** {@code eta(x) = epsilon cos(20 <x, u>)} for a random unit {@code u}. */
        STRUCTURED,
        /** {@link DenseAdversary}: the worst case for the dense least-squares design. */
        ADVERSARIAL;

        /** The kind called {@code name}, case-insensitive. */
        public static Eta parse(String name) {
            try {
                return valueOf(name.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown misspecification '" + name
                        + "'; expected none, structured or adversarial", e);
            }
        }
    }

    /** Validates the fields. */
    public SparseArmsConfig {
        Objects.requireNonNull(eta, "eta");
        if (dim < 1) {
            throw new IllegalArgumentException("dim must be at least 1, got " + dim);
        }
        if (sparsity < 1 || sparsity > dim) {
            throw new IllegalArgumentException("sparsity must be in [1, " + dim + "], got " + sparsity);
        }
        if (arms < 2) {
            throw new IllegalArgumentException("arms must be at least 2, got " + arms);
        }
        if (!(epsilon >= 0) || !Double.isFinite(epsilon)) {
            throw new IllegalArgumentException("epsilon must be finite and at least 0, got " + epsilon);
        }
        if (!(noiseSd >= 0) || !Double.isFinite(noiseSd)) {
            throw new IllegalArgumentException("noise sd must be finite and at least 0, got " + noiseSd);
        }
    }

    /** d = 16, s = 2, K = 20000, epsilon = 0.05, no noise, adversarial misspecification. */
    public static SparseArmsConfig defaults() {
        return new SparseArmsConfig(16, 2, 20000, 0.05, 0, Eta.ADVERSARIAL);
    }

    /** A copy with dimension {@code dim}. */
    public SparseArmsConfig withDim(int dim) {
        return new SparseArmsConfig(dim, sparsity, arms, epsilon, noiseSd, eta);
    }

    /** A copy with sparsity {@code sparsity}. */
    public SparseArmsConfig withSparsity(int sparsity) {
        return new SparseArmsConfig(dim, sparsity, arms, epsilon, noiseSd, eta);
    }

    /** A copy with {@code arms} arms. */
    public SparseArmsConfig withArms(int arms) {
        return new SparseArmsConfig(dim, sparsity, arms, epsilon, noiseSd, eta);
    }

    /** A copy with misspecification bound {@code epsilon}. */
    public SparseArmsConfig withEpsilon(double epsilon) {
        return new SparseArmsConfig(dim, sparsity, arms, epsilon, noiseSd, eta);
    }

    /** A copy with query noise sd {@code noiseSd}. */
    public SparseArmsConfig withNoiseSd(double noiseSd) {
        return new SparseArmsConfig(dim, sparsity, arms, epsilon, noiseSd, eta);
    }

    /** A copy with misspecification family {@code eta}. */
    public SparseArmsConfig withEta(Eta eta) {
        return new SparseArmsConfig(dim, sparsity, arms, epsilon, noiseSd, eta);
    }

    /** The instance of seed {@code seed}. */
    public MisspecifiedArms build(long seed) {
        Seeds root = Seeds.of(seed);
        UniformRandomProvider rng = root.child("instance").rng();
        ZigguratSampler.NormalizedGaussian gaussian = ZigguratSampler.NormalizedGaussian.of(rng);
        double[][] x = new double[arms][];
        for (int k = 0; k < arms; k++) {
            x[k] = UnitVectors.sphere(dim, gaussian);
        }
        double[] theta = UnitVectors.sparse(dim, sparsity, rng, gaussian);
        double[] e = switch (eta) {
            case NONE -> new double[arms];
            case STRUCTURED -> {
                double[] u = UnitVectors.sphere(dim, gaussian);
                double[] v = new double[arms];
                for (int k = 0; k < arms; k++) {
                    v[k] = epsilon * Math.cos(20 * UnitVectors.dot(x[k], u));
                }
                yield v;
            }
            case ADVERSARIAL -> DenseAdversary.eta(x, theta, epsilon);
        };
        return new MisspecifiedArms(x, theta, e, epsilon, noiseSd, root.child("queries").rng());
    }
}
