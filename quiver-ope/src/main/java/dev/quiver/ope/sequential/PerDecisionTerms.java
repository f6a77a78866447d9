package dev.quiver.ope.sequential;

import dev.quiver.data.dataset.EpisodeDataset;

/**
 * The per-step pieces every per-decision estimator here is made of, for one dataset, discount and (optional)
 * action-value model: cumulative importance weights {@code w_t = prod_{k <= t} rho_k} and {@code w_{t-1}}
 * ({@code w_{-1} = 1}), the discounted reward residual {@code x_t = gamma^t (r_t - Q(s_t, a_t))} and the
 * discounted state value {@code y_t = gamma^t sum_a pi_e(a|s_t) Q(s_t, a)}. Without a model ({@code Q = 0})
 * {@code x_t = gamma^t r_t} and {@code y_t = 0}.
 *
 * <p>An episode's ordinary (per-decision) value is {@code sum_t w_t x_t + w_{t-1} y_t}: PDIS without a model,
 * the doubly robust estimator of Jiang and Li (2016) with one. The self-normalised (weighted) value replaces
 * {@code w_t / n} by {@code w_t^i / sum_j w_t^j} at every step {@code t}, separately for the {@code x} and the
 * {@code y} terms (Thomas and Brunskill 2016, weighted doubly robust). Episodes of different lengths are padded,
 * as those papers do, with an absorbing state of reward 0 where both policies agree: after its last step an
 * episode keeps its final cumulative weight in the normalising sums and contributes nothing to the numerators.
 * A step whose normalising sum is 0 contributes 0.
 *
 * <p>Both values are computed for bootstrap resamples given as counts per episode, without copying episodes.
 * Not thread-safe (reused buffers).
 */
final class PerDecisionTerms {
    private final int[] offsets;
    private final int maxLength;
    private final double[] wCur;
    private final double[] wPrev;
    private final double[] x;
    private final double[] y;
    private final double[] finalWeight;
    private final double[] numCur;
    private final double[] denCur;
    private final double[] numPrev;
    private final double[] denPrev;
    private final double[] tail;

    private PerDecisionTerms(OffPolicyData d, double gamma, double[] q) {
        EpisodeDataset data = d.data;
        int episodes = data.numEpisodes();
        int steps = data.numSteps();
        int n = d.numActions;
        offsets = new int[episodes + 1];
        wCur = new double[steps];
        wPrev = new double[steps];
        x = new double[steps];
        y = new double[steps];
        finalWeight = new double[episodes];
        int longest = 0;
        for (int i = 0; i < episodes; i++) {
            int start = data.episodeStart(i);
            int len = data.episodeLength(i);
            offsets[i] = start;
            offsets[i + 1] = start + len;
            longest = Math.max(longest, len);
            double w = 1;
            double discount = 1;
            for (int t = 0; t < len; t++) {
                int s = start + t;
                wPrev[s] = w;
                w *= d.ratios[s];
                wCur[s] = w;
                double r = data.reward(i, t);
                if (q == null) {
                    x[s] = discount * r;
                } else {
                    int a = data.discreteAction(i, t);
                    double v = 0;
                    for (int b = 0; b < n; b++) {
                        v += d.evaluation[s * n + b] * q[s * n + b];
                    }
                    x[s] = discount * (r - q[s * n + a]);
                    y[s] = discount * v;
                }
                discount *= gamma;
            }
            finalWeight[i] = w;
        }
        maxLength = longest;
        numCur = new double[longest];
        denCur = new double[longest];
        numPrev = new double[longest];
        denPrev = new double[longest];
        tail = new double[longest + 1];
    }

    /**
     * The terms for {@code data} and discount {@code gamma}.
     *
     * @param q {@code Q(s_t, .)} at every logged step ({@code numSteps * numActions}, global step order), or
     *     null for no model
     */
    static PerDecisionTerms of(OffPolicyData data, double gamma, double[] q) {
        if (q != null && q.length != data.data.numSteps() * data.numActions) {
            throw new IllegalArgumentException("action values: expected " + data.data.numSteps() * data.numActions
                    + " (steps x actions), got " + q.length);
        }
        return new PerDecisionTerms(data, gamma, q);
    }

    /** The number of episodes. */
    int episodes() {
        return finalWeight.length;
    }

    /** Each episode's ordinary per-decision value {@code sum_t w_t x_t + w_{t-1} y_t}. */
    double[] episodeValues() {
        double[] v = new double[episodes()];
        for (int i = 0; i < v.length; i++) {
            double sum = 0;
            for (int s = offsets[i]; s < offsets[i + 1]; s++) {
                sum += wCur[s] * x[s] + wPrev[s] * y[s];
            }
            v[i] = sum;
        }
        return v;
    }

    /** The self-normalised per-decision value of the resample that holds episode {@code i} {@code counts[i]} times. */
    double weightedValue(int[] counts) {
        java.util.Arrays.fill(numCur, 0);
        java.util.Arrays.fill(denCur, 0);
        java.util.Arrays.fill(numPrev, 0);
        java.util.Arrays.fill(denPrev, 0);
        java.util.Arrays.fill(tail, 0);
        for (int i = 0; i < counts.length; i++) {
            int c = counts[i];
            if (c == 0) {
                continue;
            }
            int start = offsets[i];
            int len = offsets[i + 1] - start;
            for (int t = 0; t < len; t++) {
                int s = start + t;
                double wc = c * wCur[s];
                double wp = c * wPrev[s];
                numCur[t] += wc * x[s];
                denCur[t] += wc;
                numPrev[t] += wp * y[s];
                denPrev[t] += wp;
            }
            tail[len] += c * finalWeight[i];
        }
        double held = 0;
        double value = 0;
        for (int t = 0; t < maxLength; t++) {
            held += tail[t];
            double dc = denCur[t] + held;
            double dp = denPrev[t] + held;
            if (dc > 0) {
                value += numCur[t] / dc;
            }
            if (dp > 0) {
                value += numPrev[t] / dp;
            }
        }
        return value;
    }
}
