package dev.quiver.ope.sequential;

import dev.quiver.core.error.QuiverUserException;
import dev.quiver.core.policy.DiscreteStochasticPolicy;
import dev.quiver.data.dataset.EpisodeDataset;
import java.util.Objects;

/**
 * The inputs of sequential off-policy evaluation, prepared once: logged episodes with discrete actions, the
 * evaluation policy's action distribution {@code pi_e(.|s_t)} at every logged observation (and at each
 * episode's final observation, which fitted Q evaluation bootstraps from when the episode was cut rather than
 * terminated), the behaviour policy's propensity {@code pi_b(a_t|s_t)} of every logged action, and the
 * per-step importance ratios {@code rho_t = pi_e(a_t|s_t) / pi_b(a_t|s_t)}.
 *
 * <p>{@link EpisodeDataset} has no per-step information columns, so the behaviour propensities come either
 * from a behaviour policy that can report its probabilities (e.g. an {@link EpsilonGreedyPolicy} over the
 * policy that collected the data) or from an explicit array, one value per logged step in the dataset's
 * global step order. Every logged action must have a positive behaviour propensity (otherwise the data cannot
 * have come from that policy and importance weights are undefined), and every distribution must have one
 * entry per action, entries in [0, 1], summing to 1 within {@value #SUM_TOLERANCE}. Actions must lie in
 * {@code [0, numActions)}, with {@code numActions} the length of the evaluation policy's distributions.
 *
 * <p>Immutable; the policies are asked once per observation while building and not kept.
 */
public final class OffPolicyData {
    /** How far a probability vector may sum from 1. */
    public static final double SUM_TOLERANCE = 1e-6;
    final EpisodeDataset data;
    final int numActions;
    /** {@code pi_e(.|s_t)}, {@code numSteps * numActions}, by global step. */
    final double[] evaluation;
    /** {@code pi_e(.|s_T)} of each episode's final observation, {@code numEpisodes * numActions}. */
    final double[] finalEvaluation;
    /** {@code pi_b(a_t|s_t)} by global step. */
    final double[] behaviour;
    /** {@code pi_e(a_t|s_t) / pi_b(a_t|s_t)} by global step. */
    final double[] ratios;

    private OffPolicyData(EpisodeDataset data, int numActions, double[] evaluation, double[] finalEvaluation,
            double[] behaviour) {
        this.data = data;
        this.numActions = numActions;
        this.evaluation = evaluation;
        this.finalEvaluation = finalEvaluation;
        this.behaviour = behaviour;
        this.ratios = new double[behaviour.length];
        for (int i = 0; i < data.numEpisodes(); i++) {
            int start = data.episodeStart(i);
            for (int t = 0; t < data.episodeLength(i); t++) {
                int s = start + t;
                int a = data.discreteAction(i, t);
                ratios[s] = evaluation[s * numActions + a] / behaviour[s];
            }
        }
    }

    /**
     * The data for evaluating {@code evaluation} on episodes logged by {@code behaviour}.
     *
     * @throws QuiverUserException if the dataset has continuous actions, a distribution is malformed, or the
     *     behaviour policy gives a logged action probability 0 (the message names episode and step)
     */
    public static OffPolicyData of(EpisodeDataset data, DiscreteStochasticPolicy<float[]> evaluation,
            DiscreteStochasticPolicy<float[]> behaviour) {
        Objects.requireNonNull(behaviour, "behaviour");
        Prepared p = prepare(data, evaluation);
        double[] b = new double[data.numSteps()];
        float[] obs = new float[data.obsDim()];
        for (int i = 0; i < data.numEpisodes(); i++) {
            int start = data.episodeStart(i);
            for (int t = 0; t < data.episodeLength(i); t++) {
                data.observation(i, t, obs);
                double[] dist = behaviour.probabilities(obs.clone());
                checkDistribution(dist, p.numActions, "behaviour", i, t);
                b[start + t] = dist[data.discreteAction(i, t)];
            }
        }
        checkPropensities(data, b);
        return new OffPolicyData(data, p.numActions, p.evaluation, p.finalEvaluation, b);
    }

    /**
     * The data for evaluating {@code evaluation} on logged episodes with known behaviour propensities.
     *
     * @param behaviourPropensities {@code pi_b(a_t|s_t)} of every logged step, in the dataset's global step order
     *     (episode 0's steps, then episode 1's, ...), each in (0, 1]; copied
     * @throws QuiverUserException if the lengths disagree, a propensity is out of range, or a distribution is
     *     malformed
     */
    public static OffPolicyData of(EpisodeDataset data, DiscreteStochasticPolicy<float[]> evaluation,
            double[] behaviourPropensities) {
        Objects.requireNonNull(behaviourPropensities, "behaviourPropensities");
        Prepared p = prepare(data, evaluation);
        if (behaviourPropensities.length != data.numSteps()) {
            throw new QuiverUserException("behaviour propensities: " + behaviourPropensities.length
                    + " values given, but the dataset has " + data.numSteps() + " steps (one propensity per step)");
        }
        double[] b = behaviourPropensities.clone();
        checkPropensities(data, b);
        return new OffPolicyData(data, p.numActions, p.evaluation, p.finalEvaluation, b);
    }

    private record Prepared(int numActions, double[] evaluation, double[] finalEvaluation) {
    }

    private static Prepared prepare(EpisodeDataset data, DiscreteStochasticPolicy<float[]> evaluation) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(evaluation, "evaluation");
        if (!data.discrete()) {
            throw new QuiverUserException("sequential OPE here needs discrete actions, but the dataset has continuous"
                    + " actions of " + data.actDim() + " values");
        }
        float[] obs = new float[data.obsDim()];
        data.observation(0, 0, obs);
        int n = evaluation.probabilities(obs.clone()).length;
        if (n < 1) {
            throw new QuiverUserException("the evaluation policy returned an empty action distribution");
        }
        double[] e = new double[data.numSteps() * n];
        double[] fin = new double[data.numEpisodes() * n];
        for (int i = 0; i < data.numEpisodes(); i++) {
            int start = data.episodeStart(i);
            int len = data.episodeLength(i);
            for (int t = 0; t <= len; t++) {
                data.observation(i, t, obs);
                double[] dist = evaluation.probabilities(obs.clone());
                checkDistribution(dist, n, "evaluation", i, t);
                System.arraycopy(dist, 0, t < len ? e : fin, (t < len ? start + t : i) * n, n);
                if (t < len) {
                    int a = data.discreteAction(i, t);
                    if (a < 0 || a >= n) {
                        throw new QuiverUserException("episode " + i + ", step " + t + ": logged action " + a
                                + " is outside [0, " + n + "), the actions of the evaluation policy");
                    }
                }
            }
        }
        return new Prepared(n, e, fin);
    }

    private static void checkDistribution(double[] dist, int n, String who, int episode, int step) {
        if (dist == null || dist.length != n) {
            throw new QuiverUserException("episode " + episode + ", observation " + step + ": the " + who
                    + " policy gave " + (dist == null ? "no" : dist.length) + " probabilities, expected " + n);
        }
        double sum = 0;
        for (double p : dist) {
            if (!(p >= 0 && p <= 1)) {
                throw new QuiverUserException("episode " + episode + ", observation " + step + ": the " + who
                        + " policy gave probability " + p + " outside [0, 1]");
            }
            sum += p;
        }
        if (Math.abs(sum - 1) > SUM_TOLERANCE) {
            throw new QuiverUserException("episode " + episode + ", observation " + step + ": the " + who
                    + " policy's probabilities sum to " + sum + ", not 1");
        }
    }

    private static void checkPropensities(EpisodeDataset data, double[] b) {
        for (int i = 0; i < data.numEpisodes(); i++) {
            int start = data.episodeStart(i);
            for (int t = 0; t < data.episodeLength(i); t++) {
                double p = b[start + t];
                if (!(p > 0 && p <= 1)) {
                    throw new QuiverUserException("episode " + i + ", step " + t + ": the behaviour propensity of"
                            + " logged action " + data.discreteAction(i, t) + " is " + p + "; it must be in (0, 1]"
                            + (p == 0 ? " (the data cannot come from a behaviour policy that never takes it)" : ""));
                }
            }
        }
    }

    /** The logged episodes. */
    public EpisodeDataset dataset() {
        return data;
    }

    /** The number of actions. */
    public int numActions() {
        return numActions;
    }

    /** The number of episodes. */
    public int numEpisodes() {
        return data.numEpisodes();
    }

    /** The importance ratio {@code pi_e(a_t|s_t) / pi_b(a_t|s_t)} of step {@code t} of episode {@code i}. */
    public double ratio(int i, int t) {
        return ratios[data.episodeStart(i) + checkStep(i, t)];
    }

    /** The behaviour propensity {@code pi_b(a_t|s_t)} of step {@code t} of episode {@code i}. */
    public double behaviourPropensity(int i, int t) {
        return behaviour[data.episodeStart(i) + checkStep(i, t)];
    }

    /** A copy of {@code pi_e(.|s_t)} at observation {@code t} ({@code 0 <= t <= length}) of episode {@code i}. */
    public double[] evaluationProbabilities(int i, int t) {
        int len = data.episodeLength(i);
        if (t < 0 || t > len) {
            throw new IndexOutOfBoundsException("observation " + t + " of episode " + i + " not in [0, " + len + "]");
        }
        double[] out = new double[numActions];
        System.arraycopy(t < len ? evaluation : finalEvaluation, (t < len ? data.episodeStart(i) + t : i) * numActions,
                out, 0, numActions);
        return out;
    }

    /**
     * The data of a bootstrap resample that holds episode {@code i} {@code counts[i]} times (episodes in index
     * order, repeats adjacent), with the prepared distributions and propensities copied, not recomputed.
     *
     * @throws IllegalArgumentException if the counts do not match the episodes or hold no episode
     */
    public OffPolicyData resample(int[] counts) {
        if (counts.length != data.numEpisodes()) {
            throw new IllegalArgumentException("need one count per episode (" + data.numEpisodes() + "), got "
                    + counts.length);
        }
        int episodes = 0;
        int steps = 0;
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] < 0) {
                throw new IllegalArgumentException("count of episode " + i + " is negative: " + counts[i]);
            }
            episodes += counts[i];
            steps += counts[i] * data.episodeLength(i);
        }
        if (episodes == 0) {
            throw new IllegalArgumentException("the resample holds no episode");
        }
        EpisodeDataset.Builder b = EpisodeDataset.discreteBuilder(data.obsDim(), numActions);
        double[] e = new double[steps * numActions];
        double[] fin = new double[episodes * numActions];
        double[] beh = new double[steps];
        int s = 0;
        int k = 0;
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == 0) {
                continue;
            }
            EpisodeDataset.Episode ep = data.episode(i);
            int start = data.episodeStart(i);
            int len = ep.length();
            for (int c = 0; c < counts[i]; c++) {
                b.addEpisode(ep.observations(), ep.discreteActions(), ep.rewards(), ep.terminations(),
                        ep.truncations());
                System.arraycopy(evaluation, start * numActions, e, s * numActions, len * numActions);
                System.arraycopy(behaviour, start, beh, s, len);
                System.arraycopy(finalEvaluation, i * numActions, fin, k * numActions, numActions);
                s += len;
                k++;
            }
        }
        return new OffPolicyData(b.build(), numActions, e, fin, beh);
    }

    /** The mean discounted return of the logged episodes: the on-policy estimate of the behaviour policy's value. */
    public double behaviourReturnMean(double gamma) {
        double[] g = data.discountedReturns(gamma);
        double sum = 0;
        for (double x : g) {
            sum += x;
        }
        return sum / g.length;
    }

    private int checkStep(int i, int t) {
        int len = data.episodeLength(i);
        if (t < 0 || t >= len) {
            throw new IndexOutOfBoundsException("step " + t + " of episode " + i + " not in [0, " + len + ")");
        }
        return t;
    }
}
