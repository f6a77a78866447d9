package dev.quiver.cli;

import dev.quiver.core.env.Env;
import dev.quiver.core.error.QuiverUserException;
import dev.quiver.core.policy.Policy;
import dev.quiver.core.policy.RandomPolicy;
import dev.quiver.core.registry.EnvRegistration;
import dev.quiver.core.registry.Envs;
import dev.quiver.core.seed.Seeds;
import dev.quiver.core.space.Discrete;
import dev.quiver.core.tabular.TabularModel;
import dev.quiver.envs.solve.PolicyEvaluation;
import dev.quiver.envs.solve.ValueIteration;
import java.util.ArrayList;
import java.util.List;

/** Builds the policies the command line offers. */
final class Policies {
    /** Discount used for the optimal policy: undiscounted, as the episodic return is measured. */
    static final double GAMMA = 1.0;
    /** Value-iteration stopping tolerance (largest value change in a sweep). */
    static final double TOLERANCE = 1e-10;
    /** Discount of the second solve that breaks ties among gamma = 1 optimal actions. */
    static final double TIE_BREAK_GAMMA = 0.999;
    /** Relative tolerance under which two gamma = 1 action values count as tied. */
    static final double TIE_TOLERANCE = 1e-6;

    private Policies() {
    }

    /** A policy of {@code kind} for {@code env}; {@code seeds} feeds the random policy's generator. */
    static Policy<Object, Object> make(PolicyKind kind, Env<Object, Object> env, Seeds seeds) {
        return switch (kind) {
            case random -> new RandomPolicy<>(env.actionSpace(), seeds.child("policy").rng());
            case optimal -> optimal(env);
        };
    }

    /** One line saying what the policy is. */
    static String describe(PolicyKind kind) {
        return switch (kind) {
            case random -> "uniformly random actions";
            case optimal -> "greedy policy of value iteration (gamma = 1) on the exact model, ties broken by"
                    + " gamma = " + TIE_BREAK_GAMMA + " values";
        };
    }

    /**
     * The greedy policy of value iteration with gamma = 1 on the env's exact model.
     *
     * <p>With gamma = 1 many actions tie: on slippery FrozenLake8x8 most states reach the goal with
     * probability ~1 eventually, whatever the detour, so "lowest tied action" policies wander until
     * the 200-step limit truncates them (3.6% success). Among the actions whose gamma = 1 value is
     * within {@link #TIE_TOLERANCE} (relative) of the best, we therefore pick the one with the best
     * gamma = {@link #TIE_BREAK_GAMMA} value: still optimal for the undiscounted return, and it gets
     * there quickly (90% success on FrozenLake8x8 within 200 steps).
     */
    static Policy<Object, Object> optimal(Env<Object, Object> env) {
        String id = env.spec().id();
        if (!(env.unwrapped() instanceof TabularModel model)) {
            throw new QuiverUserException(id + " has no exact tabular model, so --policy optimal is not available;"
                    + " envs with one: " + (tabularIds().isEmpty() ? "none registered" : String.join(", ", tabularIds()))
                    + " (use --policy random for " + id + ")");
        }
        if (!(env.spec().observationSpace() instanceof Discrete d) || d.n() != model.numStates()) {
            throw new IllegalStateException(id + ": a tabular env must observe its state index, but its observation space is "
                    + env.observationSpace() + " for " + model.numStates() + " states");
        }
        int[] greedy = optimalActions(model);
        int start = d.start();
        return obs -> greedy[(Integer) obs - start];
    }

    /** The optimal action per state (gamma = 1, ties broken by gamma = {@link #TIE_BREAK_GAMMA} values). */
    static int[] optimalActions(TabularModel model) {
        return tieBrokenGreedy(ValueIteration.solve(model, GAMMA, TOLERANCE).qValues(),
                ValueIteration.solve(model, TIE_BREAK_GAMMA, TOLERANCE).qValues());
    }

    /**
     * The exact expected return of {@code kind} on a tabular env, under its time limit if it has one
     * (finite-horizon evaluation) and undiscounted to the end otherwise; empty for envs without an
     * exact model.
     */
    static java.util.OptionalDouble exactReturn(PolicyKind kind, Env<Object, Object> env) {
        if (!(env.unwrapped() instanceof TabularModel model)) {
            return java.util.OptionalDouble.empty();
        }
        int ns = model.numStates();
        int na = model.numActions();
        double[][] table = new double[ns][na];
        if (kind == PolicyKind.random) {
            for (double[] row : table) {
                java.util.Arrays.fill(row, 1.0 / na);
            }
        } else {
            int[] greedy = optimalActions(model);
            for (int s = 0; s < ns; s++) {
                table[s][greedy[s]] = 1.0;
            }
        }
        java.util.OptionalInt limit = env.spec().maxEpisodeSteps();
        double[] v = limit.isPresent()
                ? PolicyEvaluation.evaluateFiniteHorizon(model, table, limit.getAsInt())
                : PolicyEvaluation.evaluateExact(model, table, 1.0);
        return java.util.OptionalDouble.of(PolicyEvaluation.expectedReturn(model, v));
    }

    /** Per state: among the actions tied for the best {@code q}, the one with the best {@code tieBreak} value. */
    static int[] tieBrokenGreedy(double[][] q, double[][] tieBreak) {
        int[] greedy = new int[q.length];
        for (int s = 0; s < q.length; s++) {
            double best = Double.NEGATIVE_INFINITY;
            for (double v : q[s]) {
                best = Math.max(best, v);
            }
            double tol = TIE_TOLERANCE * Math.max(1, Math.abs(best));
            int arg = -1;
            for (int a = 0; a < q[s].length; a++) {
                if (q[s][a] >= best - tol && (arg < 0 || tieBreak[s][a] > tieBreak[s][arg])) {
                    arg = a;
                }
            }
            greedy[s] = arg;
        }
        return greedy;
    }

    /** The registered ids whose raw env is a {@link TabularModel}. */
    static List<String> tabularIds() {
        List<String> ids = new ArrayList<>();
        for (EnvRegistration reg : Envs.all()) {
            Env<?, ?> e = reg.factory().apply(reg.defaultKwargs());
            if (e.unwrapped() instanceof TabularModel) {
                ids.add(reg.id());
            }
            e.close();
        }
        return ids;
    }
}
