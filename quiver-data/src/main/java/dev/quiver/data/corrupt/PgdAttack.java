package dev.quiver.data.corrupt;

import dev.quiver.core.error.QuiverUserException;
import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The gradient attack of Yang et al.'s adversarial corruption: for each row {@code x} (an observation,
 * action or next observation), find a perturbation within {@code ε} standard deviations per dimension that
 * minimises a critic's value {@code f(x̂)}:
 * <pre>
 *   x̂ = x + δ ⊙ σ,   δ in [-ε, ε]^d
 *   δ_0 ~ U[-ε, ε]^d
 *   δ_{k+1} = clip(δ_k - η sign(σ ⊙ ∇f(x + δ_k ⊙ σ)), -ε, ε),   η = stepSize · ε,   k < steps
 * </pre>
 * ({@code σ} the per-dimension standard deviation of the attacked column). The authors' code takes each
 * step with a freshly created Adam optimiser (learning rate {@code 0.01 ε}, 100 steps), whose first step is
 * {@code lr · g / (|g| + 1e-8)}, i.e. {@code lr · sign(g)} up to that epsilon: the signed step above.
 * One deliberate difference: their start {@code 2ε σ (U - 0.5)} is multiplied by {@code σ} once more inside
 * the loss (so it is {@code ε σ²}-wide and then clipped); here the start is uniform in the {@code ε σ} box,
 * which is what their projection bounds.
 *
 * <p>Rows are independent; they go to the critic in chunks of {@link PgdConfig#chunkRows()} rows, and the
 * start values are drawn row by row from the generator, so results do not depend on the chunk size.
 *
 * @see <a href="https://arxiv.org/abs/2310.12955">R. Yang, H. Zhong, J. Xu, A. Zhang, C. Zhang, L. Han,
 *     T. Zhang, Towards Robust Offline Reinforcement Learning under Diverse Data Corruption, ICLR 2024,
 *     arXiv:2310.12955</a>
 */
public final class PgdAttack {
    private PgdAttack() {
    }

    /**
     * The function the attack minimises, evaluated on rows {@code [from, from + rows)} of the attacked set.
     */
    @FunctionalInterface
    public interface Objective {
        /**
         * Writes {@code f} of each input row to {@code values} and its gradient with respect to the row to
         * {@code gradient} ({@code rows * dim}); arrays may be longer than needed.
         */
        void evaluate(int from, int rows, float[] input, double[] values, double[] gradient);
    }

    /**
     * The attacked rows and the mean objective before and after.
     *
     * @param perturbed {@code x̂}, as many rows as the input
     * @param meanValueBefore mean of {@code f(x)} over the rows (clean inputs)
     * @param meanValueAfter mean of {@code f(x̂)} over the rows
     */
    public record Result(float[] perturbed, double meanValueBefore, double meanValueAfter) {
    }

    /**
     * Runs the attack on {@code clean} ({@code n * dim} floats).
     *
     * @param std per-dimension standard deviation {@code σ} ({@code dim} values, {@code >= 0})
     * @param epsilon the scale {@code ε >= 0}
     * @param rng draws the start {@code δ_0}, row by row
     * @throws QuiverUserException if the objective returns a value or gradient that is not finite
     */
    public static Result minimize(float[] clean, int dim, double[] std, double epsilon, PgdConfig config,
            UniformRandomProvider rng, Objective objective) {
        Objects.requireNonNull(objective, "objective");
        if (dim < 1 || clean.length % dim != 0 || std.length != dim) {
            throw new IllegalArgumentException("rows of " + dim + " values expected (" + clean.length
                    + " values, " + std.length + " standard deviations)");
        }
        int n = clean.length / dim;
        int chunk = Math.min(config.chunkRows(), Math.max(1, n));
        float[] input = new float[chunk * dim];
        double[] delta = new double[chunk * dim];
        double[] values = new double[chunk];
        double[] grad = new double[chunk * dim];
        float[] out = new float[clean.length];
        double eta = config.stepSize() * epsilon;
        double sumBefore = 0.0;
        double sumAfter = 0.0;
        for (int from = 0; from < n; from += chunk) {
            int rows = Math.min(chunk, n - from);
            int base = from * dim;
            System.arraycopy(clean, base, input, 0, rows * dim);
            sumBefore += evaluate(objective, from, rows, dim, input, values, grad);
            for (int i = 0; i < rows * dim; i++) {
                delta[i] = (2.0 * rng.nextDouble() - 1.0) * epsilon;
            }
            for (int k = 0; k < config.steps(); k++) {
                perturb(clean, base, delta, std, dim, rows, input);
                evaluate(objective, from, rows, dim, input, values, grad);
                for (int i = 0; i < rows * dim; i++) {
                    double g = grad[i] * std[i % dim];
                    double d = delta[i] - eta * Math.signum(g);
                    delta[i] = Math.max(-epsilon, Math.min(epsilon, d));
                }
            }
            perturb(clean, base, delta, std, dim, rows, input);
            sumAfter += evaluate(objective, from, rows, dim, input, values, grad);
            System.arraycopy(input, 0, out, base, rows * dim);
        }
        return new Result(out, n == 0 ? Double.NaN : sumBefore / n, n == 0 ? Double.NaN : sumAfter / n);
    }

    private static void perturb(float[] clean, int base, double[] delta, double[] std, int dim, int rows,
            float[] input) {
        for (int i = 0; i < rows * dim; i++) {
            input[i] = (float) (clean[base + i] + delta[i] * std[i % dim]);
        }
    }

    /** Evaluates and checks the objective; returns the sum of the values. */
    private static double evaluate(Objective f, int from, int rows, int dim, float[] input, double[] values,
            double[] grad) {
        f.evaluate(from, rows, input, values, grad);
        double sum = 0.0;
        for (int r = 0; r < rows; r++) {
            if (!Double.isFinite(values[r])) {
                throw new QuiverUserException("attacked critic returned value " + values[r] + " for attacked row "
                        + (from + r) + "; the attack needs finite values");
            }
            sum += values[r];
            for (int d = 0; d < dim; d++) {
                if (!Double.isFinite(grad[r * dim + d])) {
                    throw new QuiverUserException("attacked critic returned gradient " + grad[r * dim + d]
                            + " for attacked row " + (from + r) + ", dimension " + d
                            + "; the attack needs finite gradients");
                }
            }
        }
        return sum;
    }
}
