package dev.quiver.ope.bandit.synthetic;

import dev.quiver.core.seed.Seeds;
import dev.quiver.ope.bandit.data.LoggedBanditData;
import dev.quiver.ope.bandit.policy.ScorePolicy;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * A simulator of logged bandit feedback with a known expected reward, after Open Bandit Pipeline's
 * {@code SyntheticBanditDataset}: contexts {@code x ~ N(0, I_d)}, an expected reward {@code q(x, a)}
 * from a {@link RewardFunction} whose coefficients are drawn once from the seed, a softmax behaviour
 * policy {@code pi_b(a | x) ~ exp(beta q(x, a))}, and rewards drawn around {@code q}. Logged data carry
 * {@code q(x_i, a)} for every action, so the value of any evaluation policy on the logged contexts is
 * known exactly ({@link dev.quiver.ope.bandit.policy.ActionDistribution#valueUnder}); {@link
 * #policyValue} estimates its value over the context distribution with a large fresh sample.
 *
 * <p>Two choices differ from OBP. OBP standardises the score with the mean and standard deviation of
 * the batch at hand, so {@code q} changes from batch to batch; here {@code mu} and {@code sigma} are
 * computed once, from 10,000 reference contexts drawn from the seed, so {@code q} is one fixed function
 * and the policy value is well defined. Continuous rewards are {@code N(q, rewardStd^2)} (OBP truncates
 * them to a range).
 *
 * @see <a href="https://arxiv.org/abs/2008.07146">Saito, Aihara, Matsutani and Narita (2021), Open Bandit
 *     Dataset and Pipeline: Towards Realistic and Reproducible Off-Policy Evaluation, arXiv:2008.07146</a>
 */
public final class SyntheticBanditDataset {
    /** The number of reference contexts that fix the standardisation of the score. */
    public static final int REFERENCE_CONTEXTS = 10_000;

    private final SyntheticBanditConfig config;
    private final long seed;
    private final double[][] actionContexts;
    private final int[][] contextMonomials;
    private final double[] thetaX;
    /** {@code theta_a . P(e_a)} per action. */
    private final double[] actionTerm;
    /** {@code M P(e_a)} per action, over the context monomials. */
    private final double[][] interaction;
    private final double mu;
    private final double sigma;

    private SyntheticBanditDataset(SyntheticBanditConfig config, long seed) {
        this.config = config;
        this.seed = seed;
        Seeds seeds = Seeds.of(seed);
        int k = config.numActions();
        int degree = config.rewardFunction().degree();
        actionContexts = new double[k][];
        if (config.actionContextDim() == 0) {
            for (int a = 0; a < k; a++) {
                actionContexts[a] = new double[k];
                actionContexts[a][a] = 1;
            }
        } else {
            ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(
                    seeds.child("action-contexts").rng());
            for (int a = 0; a < k; a++) {
                actionContexts[a] = new double[config.actionContextDim()];
                for (int j = 0; j < actionContexts[a].length; j++) {
                    actionContexts[a][j] = g.sample();
                }
            }
        }
        contextMonomials = monomials(config.contextDim(), degree);
        int[][] actionMonomials = monomials(actionContexts[0].length, degree);
        UniformRandomProvider rng = seeds.child("reward-function").rng();
        thetaX = uniforms(rng, contextMonomials.length);
        double[] thetaA = uniforms(rng, actionMonomials.length);
        double[][] m = new double[contextMonomials.length][];
        for (int j = 0; j < m.length; j++) {
            m[j] = uniforms(rng, actionMonomials.length);
        }
        actionTerm = new double[k];
        interaction = new double[k][contextMonomials.length];
        for (int a = 0; a < k; a++) {
            double[] pa = features(actionContexts[a], actionMonomials);
            actionTerm[a] = dot(thetaA, pa);
            for (int j = 0; j < m.length; j++) {
                interaction[a][j] = dot(m[j], pa);
            }
        }
        // standardisation constants from fixed reference contexts (see the class comment)
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(seeds.child("standardise").rng());
        double sum = 0;
        double sumSq = 0;
        double[] x = new double[config.contextDim()];
        double[] f = new double[k];
        for (int i = 0; i < REFERENCE_CONTEXTS; i++) {
            for (int j = 0; j < x.length; j++) {
                x[j] = g.sample();
            }
            rawScores(x, f);
            for (double v : f) {
                sum += v;
                sumSq += v * v;
            }
        }
        double count = (double) REFERENCE_CONTEXTS * k;
        mu = sum / count;
        sigma = Math.sqrt(Math.max(sumSq / count - mu * mu, 1e-300));
    }

    /** The simulator for {@code config} with coefficients drawn from {@code seed}. */
    public static SyntheticBanditDataset build(SyntheticBanditConfig config, long seed) {
        return new SyntheticBanditDataset(config, seed);
    }

    /** The settings. */
    public SyntheticBanditConfig config() {
        return config;
    }

    /** A copy of action {@code a}'s context. */
    public double[] actionContext(int a) {
        return actionContexts[a].clone();
    }

    /** The expected reward {@code q(x, a)} of every action on context {@code x}, into {@code out}. */
    public void expectedRewards(double[] x, double[] out) {
        rawScores(x, out);
        int degree = config.rewardFunction().degree();
        boolean binary = config.rewardFunction().binary();
        for (int a = 0; a < out.length; a++) {
            double z = degree * (out[a] - mu) / sigma;
            out[a] = binary ? 1 / (1 + Math.exp(-z)) : z;
        }
    }

    /**
     * Logs {@code n} rounds of the behaviour policy. Per round the generator gives {@code d} normal draws
     * (the context), one uniform (the action) and one draw for the reward, in that order.
     */
    public LoggedBanditData sample(int n, UniformRandomProvider rng) {
        int d = config.contextDim();
        int k = config.numActions();
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
        ScorePolicy behaviour = ScorePolicy.softmax(config.beta());
        double[] x = new double[n * d];
        double[] q = new double[n * k];
        int[] actions = new int[n];
        double[] rewards = new double[n];
        double[] propensities = new double[n];
        double[] xi = new double[d];
        double[] qi = new double[k];
        double[] pi = new double[k];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                xi[j] = g.sample();
            }
            System.arraycopy(xi, 0, x, i * d, d);
            expectedRewards(xi, qi);
            System.arraycopy(qi, 0, q, i * k, k);
            behaviour.probabilities(qi, pi);
            double u = rng.nextDouble();
            int a = 0;
            double c = pi[0];
            while (u >= c && a < k - 1) {
                a++;
                c += pi[a];
            }
            actions[i] = a;
            propensities[i] = pi[a];
            if (config.rewardFunction().binary()) {
                rewards[i] = rng.nextDouble() < qi[a] ? 1 : 0;
            } else {
                rewards[i] = qi[a] + config.rewardStd() * g.sample();
            }
        }
        return LoggedBanditData.builder(k).source("synthetic " + config + " seed " + seed).contexts(x, d)
                .actions(actions).rewards(rewards).propensities(propensities).actionContexts(actionContexts)
                .expectedRewards(q).build();
    }

    /**
     * The value {@code E_x[sum_a pi(a | x) q(x, a)]} of a policy over the context distribution, averaged
     * over {@code samples} fresh contexts (Monte Carlo error about {@code sd / sqrt(samples)}), the
     * policy seeing the true expected rewards.
     */
    public double policyValue(ScorePolicy policy, int samples, UniformRandomProvider rng) {
        int d = config.contextDim();
        int k = config.numActions();
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
        double[] x = new double[d];
        double[] q = new double[k];
        double[] p = new double[k];
        double sum = 0;
        for (int i = 0; i < samples; i++) {
            for (int j = 0; j < d; j++) {
                x[j] = g.sample();
            }
            expectedRewards(x, q);
            policy.probabilities(q, p);
            sum += dot(p, q);
        }
        return sum / samples;
    }

    private void rawScores(double[] x, double[] out) {
        double[] px = features(x, contextMonomials);
        double base = dot(thetaX, px);
        for (int a = 0; a < out.length; a++) {
            out[a] = base + actionTerm[a] + dot(interaction[a], px);
        }
    }

    /** Every monomial of degree at most {@code degree} in {@code dim} variables, as lists of variable indices. */
    static int[][] monomials(int dim, int degree) {
        List<int[]> out = new ArrayList<>();
        out.add(new int[0]);
        List<int[]> last = List.of(new int[0]);
        for (int deg = 1; deg <= degree; deg++) {
            List<int[]> next = new ArrayList<>();
            for (int[] m : last) {
                int from = m.length == 0 ? 0 : m[m.length - 1];
                for (int v = from; v < dim; v++) {
                    int[] e = java.util.Arrays.copyOf(m, m.length + 1);
                    e[m.length] = v;
                    next.add(e);
                }
            }
            out.addAll(next);
            last = next;
        }
        return out.toArray(int[][]::new);
    }

    private static double[] features(double[] x, int[][] monomials) {
        double[] out = new double[monomials.length];
        for (int j = 0; j < monomials.length; j++) {
            double v = 1;
            for (int idx : monomials[j]) {
                v *= x[idx];
            }
            out[j] = v;
        }
        return out;
    }

    private static double[] uniforms(UniformRandomProvider rng, int n) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = 2 * rng.nextDouble() - 1;
        }
        return out;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
