package dev.quiver.bandits.env;

import dev.quiver.core.seed.Seeds;
import java.util.Locale;
import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * How to build a bandit simulator: an immutable record with defaults. {@link #build(long)} draws the
 * instance (arm means, or the reward parameter) from {@code Seeds.of(seed).child("instance")} and runs the
 * simulator on {@code Seeds.of(seed).child("simulator")}, so one seed fixes the instance, the contexts and
 * the noise.
 *
 * @param kind the family of simulator
 * @param arms the number of arms K (default 4)
 * @param dim the feature dimension d of contextual kinds (default 10; ignored by multi-armed kinds)
 * @param noiseSd the Gaussian noise standard deviation (default 0.1; ignored by Bernoulli)
 * @param sparsity the number of non-zero entries of theta for {@link Kind#SPARSE} (default 2)
 * @param misspecification the bound epsilon on the deviation from linearity for {@link Kind#SPARSE}
 *     (default 0.05)
 * @param frequency the frequency of {@link Kind#COSINE} (default 3, Zhou et al. 2020)
 */
public record SimulatorConfig(Kind kind, int arms, int dim, double noiseSd, int sparsity, double misspecification,
        double frequency) {

    /** The simulator families. */
    public enum Kind {
        /** Multi-armed, Bernoulli rewards, means drawn uniformly from [0, 1]. */
        BERNOULLI("bernoulli"),
        /** Multi-armed, Gaussian noise, means drawn uniformly from [0, 1]. */
        GAUSSIAN("gaussian"),
        /** Contextual, {@code x.theta} ({@link LinearReward}). */
        LINEAR("linear"),
        /** Contextual, {@code cos(3 x.theta)} ({@link CosineReward}). */
        COSINE("nonlinear"),
        /** Contextual, {@code (x.theta)^2} ({@link QuadraticReward}). */
        QUADRATIC("quadratic"),
        /** Contextual, sparse misspecified linear ({@link SparseMisspecifiedReward}). */
        SPARSE("sparse");

        private final String cliName;

        Kind(String cliName) {
            this.cliName = cliName;
        }

        /** The name used on the command line. */
        public String cliName() {
            return cliName;
        }

        /**
         * The kind called {@code name} ({@code cosine} is accepted for {@code nonlinear}).
         *
         * @throws IllegalArgumentException naming the allowed values
         */
        public static Kind parse(String name) {
            String n = name.trim().toLowerCase(Locale.ROOT);
            if (n.equals("cosine")) {
                return COSINE;
            }
            for (Kind k : values()) {
                if (k.cliName.equals(n)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("unknown environment '" + name + "'; expected one of bernoulli,"
                    + " gaussian, linear, nonlinear, quadratic, sparse");
        }
    }

    /** Validates the fields. */
    public SimulatorConfig {
        Objects.requireNonNull(kind, "kind");
        if (arms < 2) {
            throw new IllegalArgumentException("arms must be at least 2, got " + arms);
        }
        if (dim < 1) {
            throw new IllegalArgumentException("dim must be at least 1, got " + dim);
        }
        if (!(noiseSd >= 0) || !Double.isFinite(noiseSd)) {
            throw new IllegalArgumentException("noise sd must be finite and at least 0, got " + noiseSd);
        }
        if (sparsity < 1 || (kind == Kind.SPARSE && sparsity > dim)) {
            throw new IllegalArgumentException("sparsity must be in [1, dim = " + dim + "], got " + sparsity);
        }
        if (!(misspecification >= 0) || !Double.isFinite(misspecification)) {
            throw new IllegalArgumentException("misspecification must be finite and at least 0, got " + misspecification);
        }
        if (!(frequency > 0) || !Double.isFinite(frequency)) {
            throw new IllegalArgumentException("frequency must be positive, got " + frequency);
        }
    }

    /** A linear contextual bandit with 4 arms, d = 10, noise sd 0.1 (sparsity 2, epsilon 0.05, frequency 3). */
    public static SimulatorConfig defaults() {
        return new SimulatorConfig(Kind.LINEAR, 4, 10, 0.1, 2, 0.05, 3);
    }

    /** The defaults with kind {@code kind}. */
    public static SimulatorConfig of(Kind kind) {
        return defaults().withKind(kind);
    }

    /** A copy with another kind. */
    public SimulatorConfig withKind(Kind kind) {
        return new SimulatorConfig(kind, arms, dim, noiseSd, sparsity, misspecification, frequency);
    }

    /** A copy with {@code arms} arms. */
    public SimulatorConfig withArms(int arms) {
        return new SimulatorConfig(kind, arms, dim, noiseSd, sparsity, misspecification, frequency);
    }

    /** A copy with feature dimension {@code dim}. */
    public SimulatorConfig withDim(int dim) {
        return new SimulatorConfig(kind, arms, dim, noiseSd, sparsity, misspecification, frequency);
    }

    /** A copy with Gaussian noise sd {@code noiseSd}. */
    public SimulatorConfig withNoiseSd(double noiseSd) {
        return new SimulatorConfig(kind, arms, dim, noiseSd, sparsity, misspecification, frequency);
    }

    /** A copy with sparsity {@code sparsity}. */
    public SimulatorConfig withSparsity(int sparsity) {
        return new SimulatorConfig(kind, arms, dim, noiseSd, sparsity, misspecification, frequency);
    }

    /** A copy with misspecification bound {@code misspecification}. */
    public SimulatorConfig withMisspecification(double misspecification) {
        return new SimulatorConfig(kind, arms, dim, noiseSd, sparsity, misspecification, frequency);
    }

    /** A copy with cosine frequency {@code frequency}. */
    public SimulatorConfig withFrequency(double frequency) {
        return new SimulatorConfig(kind, arms, dim, noiseSd, sparsity, misspecification, frequency);
    }

    /** Whether the kind has no features (a multi-armed bandit). */
    public boolean multiArmed() {
        return kind == Kind.BERNOULLI || kind == Kind.GAUSSIAN;
    }

    /** The simulator of seed {@code seed} (instance, contexts and noise all derived from it). */
    public BanditEnvironment build(long seed) {
        Seeds root = Seeds.of(seed);
        UniformRandomProvider instance = root.child("instance").rng();
        ZigguratSampler.NormalizedGaussian gaussian = ZigguratSampler.NormalizedGaussian.of(instance);
        Seeds sim = root.child("simulator");
        RewardNoise noise = RewardNoise.gaussian(noiseSd);
        return switch (kind) {
            case BERNOULLI -> MultiArmedSimulator.bernoulli(uniformMeans(instance), sim);
            case GAUSSIAN -> MultiArmedSimulator.gaussian(uniformMeans(instance), noiseSd, sim);
            case LINEAR -> new ContextualSimulator(arms, dim, new LinearReward(UnitVectors.sphere(dim, gaussian)), noise,
                    sim);
            case COSINE -> new ContextualSimulator(arms, dim,
                    new CosineReward(UnitVectors.sphere(dim, gaussian), frequency), noise, sim);
            case QUADRATIC -> new ContextualSimulator(arms, dim,
                    new QuadraticReward(UnitVectors.sphere(dim, gaussian)), noise, sim);
            case SPARSE -> {
                double[] theta = UnitVectors.sparse(dim, sparsity, instance, gaussian);
                double[] u = UnitVectors.sphere(dim, gaussian);
                yield new ContextualSimulator(arms, dim, new SparseMisspecifiedReward(theta, u, misspecification), noise,
                        sim);
            }
        };
    }

    private double[] uniformMeans(UniformRandomProvider rng) {
        double[] m = new double[arms];
        for (int a = 0; a < arms; a++) {
            m[a] = rng.nextDouble();
        }
        return m;
    }
}
