package dev.quiver.ope.sequential;

import dev.quiver.core.policy.DiscreteStochasticPolicy;
import dev.quiver.core.tabular.TabularModel;
import dev.quiver.core.tabular.Transition;
import dev.quiver.data.dataset.EpisodeDataset;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Test support on exact tabular models: episodes simulated from a {@link TabularModel} under a policy table
 * with a time limit, observations encoding the state either as a one-hot vector (what a Q-network needs) or as
 * the single float {@code s} (compact, for importance sampling), and the exact finite-horizon discounted values
 * and action values of a policy (backward induction), which are the truth those episodes estimate.
 */
public final class TabularOpe {
    /** How an observation encodes a state. */
    public enum Encoding {
        /** One float per state, 1 at the state. */
        ONE_HOT,
        /** The state index as one float. */
        INDEX
    }

    private TabularOpe() {
    }

    /** {@link #simulate(TabularModel, double[][], int, int, UniformRandomProvider, Encoding)}, one-hot. */
    public static EpisodeDataset simulate(TabularModel model, double[][] pi, int episodes, int horizon,
            UniformRandomProvider rng) {
        return simulate(model, pi, episodes, horizon, rng, Encoding.ONE_HOT);
    }

    /**
     * {@code episodes} episodes of {@code pi} on {@code model}: start from the initial-state distribution, act
     * and move by inverse-CDF draws from {@code rng}, end at a terminal outcome (terminated) or after
     * {@code horizon} steps (truncated).
     */
    public static EpisodeDataset simulate(TabularModel model, double[][] pi, int episodes, int horizon,
            UniformRandomProvider rng, Encoding encoding) {
        int ns = encoding == Encoding.ONE_HOT ? model.numStates() : -1;
        EpisodeDataset.Builder b = EpisodeDataset.discreteBuilder(encoding == Encoding.ONE_HOT ? ns : 1,
                model.numActions());
        double[] d0 = model.initialStateDistribution();
        for (int e = 0; e < episodes; e++) {
            int s = draw(d0, rng);
            b.startEpisode(oneHot(s, ns));
            for (int t = 0; t < horizon; t++) {
                int a = draw(pi[s], rng);
                List<Transition> outcomes = model.transitions(s, a);
                double u = rng.nextDouble();
                double c = 0;
                Transition o = outcomes.get(outcomes.size() - 1);
                for (Transition tr : outcomes) {
                    c += tr.probability();
                    if (u < c) {
                        o = tr;
                        break;
                    }
                }
                boolean truncated = !o.terminal() && t == horizon - 1;
                b.addStep(a, o.reward(), oneHot(o.nextState(), ns), o.terminal(), truncated);
                s = o.nextState();
                if (o.terminal()) {
                    break;
                }
            }
        }
        return b.build();
    }

    /** The policy table as a policy over encoded observations (either encoding). */
    public static DiscreteStochasticPolicy<float[]> onOneHot(double[][] pi) {
        return new DiscreteStochasticPolicy<>() {
            @Override
            public double[] probabilities(float[] observation) {
                return pi[state(observation)].clone();
            }

            @Override
            public Integer act(float[] observation) {
                throw new UnsupportedOperationException("probabilities only");
            }
        };
    }

    /** The state an observation encodes (one-hot, or the index itself when it has one value). */
    public static int state(float[] oneHot) {
        if (oneHot.length == 1) {
            return (int) oneHot[0];
        }
        for (int s = 0; s < oneHot.length; s++) {
            if (oneHot[s] == 1f) {
                return s;
            }
        }
        throw new IllegalArgumentException("not a one-hot observation: " + Arrays.toString(oneHot));
    }

    /**
     * {@code V[t][s]}, the expected discounted return of {@code pi} from state {@code s} with {@code horizon - t}
     * steps left ({@code V[horizon] = 0}); terminal outcomes end the episode.
     */
    public static double[][] values(TabularModel model, double[][] pi, double gamma, int horizon) {
        int ns = model.numStates();
        double[][] v = new double[horizon + 1][ns];
        for (int t = horizon - 1; t >= 0; t--) {
            double[][] q = actionValues(model, v[t + 1], gamma);
            for (int s = 0; s < ns; s++) {
                double x = 0;
                for (int a = 0; a < q[s].length; a++) {
                    x += pi[s][a] * q[s][a];
                }
                v[t][s] = x;
            }
        }
        return v;
    }

    /** The true value {@code sum_s d0(s) V_0(s)} of {@code pi} under the time limit {@code horizon}. */
    public static double trueValue(TabularModel model, double[][] pi, double gamma, int horizon) {
        double[] v0 = values(model, pi, gamma, horizon)[0];
        double[] d0 = model.initialStateDistribution();
        double x = 0;
        for (int s = 0; s < d0.length; s++) {
            x += d0[s] * v0[s];
        }
        return x;
    }

    /** The exact time-dependent {@code Q_t(s, a)} of {@code pi} under the time limit, as an action-value model. */
    public static ActionValueFunction exactQ(TabularModel model, double[][] pi, double gamma, int horizon) {
        double[][] v = values(model, pi, gamma, horizon);
        double[][][] q = new double[horizon][][];
        for (int t = 0; t < horizon; t++) {
            q[t] = actionValues(model, v[t + 1], gamma);
        }
        int na = model.numActions();
        return new ActionValueFunction() {
            @Override
            public int numActions() {
                return na;
            }

            @Override
            public void values(float[] observation, int step, double[] out) {
                System.arraycopy(q[step][state(observation)], 0, out, 0, na);
            }
        };
    }

    /** {@code Q(s, a) = sum p (r + gamma [not terminal] next(s'))}. */
    static double[][] actionValues(TabularModel model, double[] next, double gamma) {
        int ns = model.numStates();
        int na = model.numActions();
        double[][] q = new double[ns][na];
        for (int s = 0; s < ns; s++) {
            for (int a = 0; a < na; a++) {
                double x = 0;
                for (Transition tr : model.transitions(s, a)) {
                    x += tr.probability() * (tr.reward() + (tr.terminal() ? 0 : gamma * next[tr.nextState()]));
                }
                q[s][a] = x;
            }
        }
        return q;
    }

    /** The table of {@code epsilon / n + (1 - epsilon) 1[a = greedy(s)]}. */
    public static double[][] epsilonGreedy(int[] greedy, int numActions, double epsilon) {
        double[][] t = new double[greedy.length][numActions];
        for (int s = 0; s < greedy.length; s++) {
            Arrays.fill(t[s], epsilon / numActions);
            t[s][greedy[s]] += 1 - epsilon;
        }
        return t;
    }

    /** The table of {@code softmax(q[s] / temperature)}. */
    public static double[][] softmax(double[][] q, double temperature) {
        double[][] t = new double[q.length][];
        for (int s = 0; s < q.length; s++) {
            double max = Arrays.stream(q[s]).max().orElse(0);
            double[] p = new double[q[s].length];
            double sum = 0;
            for (int a = 0; a < p.length; a++) {
                p[a] = Math.exp((q[s][a] - max) / temperature);
                sum += p[a];
            }
            for (int a = 0; a < p.length; a++) {
                p[a] /= sum;
            }
            t[s] = p;
        }
        return t;
    }

    /** One-hot of {@code s} over {@code n} states, or {@code [s]} when {@code n < 0}. */
    private static float[] oneHot(int s, int n) {
        if (n < 0) {
            return new float[] {s};
        }
        float[] x = new float[n];
        x[s] = 1f;
        return x;
    }

    private static int draw(double[] p, UniformRandomProvider rng) {
        double u = rng.nextDouble();
        double c = 0;
        int last = 0;
        for (int i = 0; i < p.length; i++) {
            c += p[i];
            if (p[i] > 0) {
                last = i;
            }
            if (u < c) {
                return i;
            }
        }
        return last;
    }
}
