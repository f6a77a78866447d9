package dev.quiver.ope.sequential;

import dev.quiver.core.policy.DiscreteStochasticPolicy;
import dev.quiver.core.seed.Seeds;
import dev.quiver.core.tabular.TabularModel;
import dev.quiver.data.dataset.EpisodeDataset;
import dev.quiver.envs.solve.ValueIteration;
import dev.quiver.envs.toytext.Taxi;
import java.util.function.Function;

/** Shared fixtures: a hand-sized dataset and seeded replications of off-policy data on Taxi-v3. */
final class OpeFixtures {
    /** Discount of the hand-sized example. */
    static final double HAND_GAMMA = 0.5;

    private OpeFixtures() {
    }

    /**
     * Two episodes over observations {@code [0]} / {@code [1]} and two actions. A: s 0, 1, 0; actions 0, 1;
     * rewards 1, 2; terminated. B: s 1, 0; action 0; reward 3; truncated. {@code pi_e(.|0) = (0.8, 0.2)},
     * {@code pi_e(.|1) = (0.5, 0.5)}; behaviour propensities 0.5, 0.25 (A) and 0.5 (B); so the ratios are
     * 1.6, 2 (A) and 1 (B).
     */
    static OffPolicyData hand() {
        EpisodeDataset ds = EpisodeDataset.discreteBuilder(1, 2)
                .addEpisode(new float[] {0, 1, 0}, new int[] {0, 1}, new double[] {1, 2}, new boolean[] {false, true},
                        new boolean[] {false, false})
                .addEpisode(new float[] {1, 0}, new int[] {0}, new double[] {3}, new boolean[] {false},
                        new boolean[] {true})
                .build();
        return OffPolicyData.of(ds, handEvaluation(), new double[] {0.5, 0.25, 0.5});
    }

    /** The evaluation policy of {@link #hand()}. */
    static DiscreteStochasticPolicy<float[]> handEvaluation() {
        return new DiscreteStochasticPolicy<>() {
            @Override
            public double[] probabilities(float[] o) {
                return o[0] == 0 ? new double[] {0.8, 0.2} : new double[] {0.5, 0.5};
            }

            @Override
            public Integer act(float[] o) {
                return 0;
            }
        };
    }

    /**
     * Taxi-v3 (deterministic moves, 300 random starts, 200-step limit): behaviour = epsilon 0.3 mixture of the
     * optimal policy, evaluation = epsilon 0.1 mixture; discount 0.95.
     */
    static final class Taxi95 {
        static final int HORIZON = 200;
        private static Taxi95 instance;
        static final double GAMMA = 0.95;
        final TabularModel model = new Taxi();
        final double[][] behaviour;
        final double[][] evaluation;
        final double truth;

        /** The shared instance (solving Taxi takes a moment; the fixture is immutable). */
        static synchronized Taxi95 get() {
            if (instance == null) {
                instance = new Taxi95();
            }
            return instance;
        }

        private Taxi95() {
            int[] greedy = ValueIteration.solve(model, 0.99, 1e-10).greedyActions();
            behaviour = TabularOpe.epsilonGreedy(greedy, model.numActions(), 0.3);
            evaluation = TabularOpe.epsilonGreedy(greedy, model.numActions(), 0.1);
            truth = TabularOpe.trueValue(model, evaluation, GAMMA, HORIZON);
        }

        /** The off-policy data of replication {@code r}: {@code episodes} behaviour episodes from seed r. */
        OffPolicyData data(int r, int episodes) {
            EpisodeDataset ds = TabularOpe.simulate(model, behaviour, episodes, HORIZON,
                    Seeds.of(r).child("taxi-data").rng(), TabularOpe.Encoding.INDEX);
            return OffPolicyData.of(ds, TabularOpe.onOneHot(evaluation), TabularOpe.onOneHot(behaviour));
        }

        /** The point estimates of {@code estimator} over replications {@code 0 .. reps - 1}. */
        double[] replicate(int reps, int episodes, Function<OffPolicyData, Double> estimator) {
            double[] out = new double[reps];
            for (int r = 0; r < reps; r++) {
                out[r] = estimator.apply(data(r, episodes));
            }
            return out;
        }
    }

    static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    /** The sample standard deviation (ddof = 1). */
    static double sd(double[] x) {
        double m = mean(x);
        double s = 0;
        for (double v : x) {
            s += (v - m) * (v - m);
        }
        return Math.sqrt(s / (x.length - 1));
    }
}
