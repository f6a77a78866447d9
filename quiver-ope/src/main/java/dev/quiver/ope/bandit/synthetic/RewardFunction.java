package dev.quiver.ope.bandit.synthetic;

/**
 * The expected-reward functions of {@link SyntheticBanditDataset}, after Open Bandit Pipeline's
 * synthetic reward functions. Each is built from a base score
 *
 * <pre>
 * f(x, a) = theta_x . P(x) + theta_a . P(e_a) + P(x)' M P(e_a)
 * </pre>
 *
 * where {@code P} lists every monomial of degree at most {@code degree} (with the constant), {@code e_a}
 * is action {@code a}'s context and {@code theta_x, theta_a, M} have independent Uniform(-1, 1) entries;
 * the score is standardised to {@code z = degree (f - mu) / sigma}. Binary kinds give Bernoulli rewards
 * with mean {@code sigmoid(z)}, the others Gaussian rewards with mean {@code z}.
 *
 * @see <a href="https://arxiv.org/abs/2008.07146">Saito, Aihara, Matsutani and Narita (2021), Open Bandit
 *     Dataset and Pipeline, arXiv:2008.07146 ({@code obp.dataset.synthetic})</a>
 */
public enum RewardFunction {
    /** OBP's {@code linear_reward_function}: {@code q = z}, degree 1, continuous rewards. */
    LINEAR(1, false),
    /** OBP's {@code logistic_reward_function}: {@code q = sigmoid(z)}, degree 1, binary rewards. */
    LOGISTIC(1, true),
    /** OBP's {@code polynomial_reward_function}: {@code q = z}, degree 3, continuous rewards. */
    POLYNOMIAL(3, false),
    /** OBP's {@code logistic_polynomial_reward_function}: {@code q = sigmoid(z)}, degree 3, binary rewards. */
    LOGISTIC_POLYNOMIAL(3, true);

    private final int degree;
    private final boolean binary;

    RewardFunction(int degree, boolean binary) {
        this.degree = degree;
        this.binary = binary;
    }

    /** The degree of the polynomial features. */
    public int degree() {
        return degree;
    }

    /** Whether rewards are Bernoulli (else Gaussian). */
    public boolean binary() {
        return binary;
    }

    /** The name used on the command line, e.g. {@code logistic-polynomial}. */
    public String cliName() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
