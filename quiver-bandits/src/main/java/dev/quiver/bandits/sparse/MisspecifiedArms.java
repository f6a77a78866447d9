package dev.quiver.bandits.sparse;

import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * A misspecified linear bandit with a fixed finite arm set, queried one arm at a time: arm {@code k} has
 * features {@code x_k} in {@code R^d} and expected reward {@code <x_k, theta> + eta_k}, with
 * {@code |eta_k| <= epsilon}; a query returns it plus Gaussian noise (none when the noise sd is 0). Counts
 * every query. Not thread-safe (one instance per run).
 */
public final class MisspecifiedArms {
    private final double[][] arms;
    private final double[] theta;
    private final double[] eta;
    private final double epsilon;
    private final double noiseSd;
    private final double[] means;
    private final int best;
    private final ZigguratSampler.NormalizedGaussian noise;
    private long queries;

    /**
     * An instance; arrays are copied.
     *
     * @param arms the arm features, {@code K x d}
     * @param theta the linear parameter
     * @param eta the deviation of each arm from linearity
     * @param epsilon the bound on {@code |eta|} the learner is told
     * @param noiseSd the standard deviation of the query noise (0 for exact answers)
     * @param rng the stream of the query noise
     * @throws IllegalArgumentException if some {@code |eta_k| > epsilon} or shapes disagree
     */
    public MisspecifiedArms(double[][] arms, double[] theta, double[] eta, double epsilon, double noiseSd,
            UniformRandomProvider rng) {
        if (arms.length < 2 || eta.length != arms.length) {
            throw new IllegalArgumentException("need at least 2 arms and one eta per arm");
        }
        this.arms = new double[arms.length][];
        for (int k = 0; k < arms.length; k++) {
            if (arms[k].length != theta.length) {
                throw new IllegalArgumentException("arm " + k + " has dimension " + arms[k].length + ", theta "
                        + theta.length);
            }
            if (Math.abs(eta[k]) > epsilon * (1 + 1e-12)) {
                throw new IllegalArgumentException("|eta| of arm " + k + " is " + Math.abs(eta[k]) + " > epsilon "
                        + epsilon);
            }
            this.arms[k] = arms[k].clone();
        }
        this.theta = theta.clone();
        this.eta = eta.clone();
        this.epsilon = epsilon;
        this.noiseSd = noiseSd;
        this.means = new double[arms.length];
        int b = 0;
        for (int k = 0; k < arms.length; k++) {
            double s = eta[k];
            for (int j = 0; j < theta.length; j++) {
                s += arms[k][j] * theta[j];
            }
            means[k] = s;
            if (s > means[b]) {
                b = k;
            }
        }
        this.best = b;
        this.noise = ZigguratSampler.NormalizedGaussian.of(Objects.requireNonNull(rng, "rng"));
    }

    private MisspecifiedArms(MisspecifiedArms other, UniformRandomProvider rng) {
        this.arms = other.arms;
        this.theta = other.theta;
        this.eta = other.eta;
        this.epsilon = other.epsilon;
        this.noiseSd = other.noiseSd;
        this.means = other.means;
        this.best = other.best;
        this.noise = ZigguratSampler.NormalizedGaussian.of(Objects.requireNonNull(rng, "rng"));
    }

    /**
     * The same instance (arms, parameter, misspecification; shared, never changed) with a query counter at 0
     * and query noise from {@code rng}: one per search, so searches on one instance do not share streams.
     */
    public MisspecifiedArms fresh(UniformRandomProvider rng) {
        return new MisspecifiedArms(this, rng);
    }

    /** The number of arms K. */
    public int size() {
        return arms.length;
    }

    /** The dimension d. */
    public int dim() {
        return theta.length;
    }

    /** Feature {@code j} of arm {@code k} (features are public to the learner). */
    public double feature(int k, int j) {
        return arms[k][j];
    }

    /** The misspecification bound epsilon (known to the learner). */
    public double epsilon() {
        return epsilon;
    }

    /** The query noise standard deviation (known to the learner). */
    public double noiseSd() {
        return noiseSd;
    }

    /** Queries arm {@code k}: its expected reward plus noise; counts one query. */
    public double query(int k) {
        queries++;
        return noiseSd == 0 ? means[k] : means[k] + noiseSd * noise.sample();
    }

    /** Queries made so far. */
    public long queries() {
        return queries;
    }

    /** The expected reward of arm {@code k} (for evaluation; not a query). */
    public double mean(int k) {
        return means[k];
    }

    /** The best arm's expected reward. */
    public double bestMean() {
        return means[best];
    }

    /** The suboptimality gap of arm {@code k}: {@code bestMean() - mean(k)}. */
    public double gap(int k) {
        return means[best] - means[k];
    }

    /** A copy of the linear parameter (for evaluation). */
    public double[] theta() {
        return theta.clone();
    }

    /** The deviation of arm {@code k} from linearity (for evaluation). */
    public double eta(int k) {
        return eta[k];
    }
}
