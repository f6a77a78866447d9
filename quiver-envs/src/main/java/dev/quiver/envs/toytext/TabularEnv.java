package dev.quiver.envs.toytext;

import dev.quiver.core.env.AbstractEnv;
import dev.quiver.core.env.EnvSpec;
import dev.quiver.core.env.InternalState;
import dev.quiver.core.env.Reset;
import dev.quiver.core.env.Step;
import dev.quiver.core.error.QuiverUserException;
import dev.quiver.core.space.Discrete;
import dev.quiver.core.tabular.TabularModel;
import dev.quiver.core.tabular.Transition;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * A toy-text env driven by its exact transition table, as Gymnasium's {@code DiscreteEnv} family
 * ({@code FrozenLake}, {@code CliffWalking}, {@code Taxi}): the table {@code P[s][a]} is built once,
 * {@link #reset} samples the initial state from {@link #initialStateDistribution()} and {@link #step}
 * samples one row of {@code P[s][a]} with one uniform draw from the env's generator (Gymnasium's
 * {@code categorical_sample}). The observation is the state index.
 *
 * <p>Reset info holds {@code "prob" = 1.0}; step info holds {@code "prob"}, the probability of the
 * sampled row. The internal state is {@code {s}}; {@link #setState} starts an episode there.
 */
public abstract class TabularEnv extends AbstractEnv<Integer, Integer>
        implements TabularModel, InternalState<Integer> {
    private final EnvSpec spec;
    private final int numStates;
    private final int numActions;
    private final List<List<Transition>> table;
    private final double[][] cumulative;
    private final double[] initial;
    private final double[] initialCumulative;
    /** The current state. */
    int s;
    /** The last action taken, or -1 right after a reset or an explicit state. */
    int lastAction = -1;

    /**
     * Builds the env from its table.
     *
     * @param id the registered id
     * @param maxSteps the registered time limit ({@code <= 0}: none)
     * @param threshold the registered reward threshold ({@code NaN}: none)
     * @param numStates the number of states
     * @param numActions the number of actions
     * @param rows {@code P[s][a]} in row-major order ({@code s * numActions + a})
     * @param initial the initial-state distribution
     */
    TabularEnv(String id, int maxSteps, double threshold, int numStates, int numActions,
            List<List<Transition>> rows, double[] initial) {
        if (rows.size() != numStates * numActions) {
            throw new IllegalArgumentException("expected " + numStates * numActions + " rows, got " + rows.size());
        }
        if (initial.length != numStates) {
            throw new IllegalArgumentException("initial distribution needs " + numStates + " entries");
        }
        this.spec = EnvSpec.of(id, new Discrete(numStates), new Discrete(numActions), maxSteps, threshold);
        this.numStates = numStates;
        this.numActions = numActions;
        List<List<Transition>> copy = new ArrayList<>(rows.size());
        this.cumulative = new double[rows.size()][];
        for (int i = 0; i < rows.size(); i++) {
            List<Transition> row = List.copyOf(rows.get(i));
            if (row.isEmpty()) {
                throw new IllegalArgumentException("P[" + i / numActions + "][" + i % numActions + "] is empty");
            }
            double[] p = new double[row.size()];
            for (int j = 0; j < p.length; j++) {
                Transition t = row.get(j);
                if (t.nextState() < 0 || t.nextState() >= numStates) {
                    throw new IllegalArgumentException("next state out of range: " + t);
                }
                p[j] = t.probability();
            }
            cumulative[i] = Categorical.cumulative(p);
            copy.add(row);
        }
        this.table = Collections.unmodifiableList(copy);
        this.initial = initial.clone();
        this.initialCumulative = Categorical.cumulative(this.initial);
    }

    @Override
    public final EnvSpec spec() {
        return spec;
    }

    @Override
    public final int numStates() {
        return numStates;
    }

    @Override
    public final int numActions() {
        return numActions;
    }

    @Override
    public final List<Transition> transitions(int state, int action) {
        if (state < 0 || state >= numStates || action < 0 || action >= numActions) {
            throw new IndexOutOfBoundsException("(state, action) = (" + state + ", " + action + ") outside "
                    + numStates + " x " + numActions);
        }
        return table.get(state * numActions + action);
    }

    @Override
    public final double[] initialStateDistribution() {
        return initial.clone();
    }

    /** The current state index. */
    public final int currentState() {
        return s;
    }

    /** The last action taken in this episode, or -1 when none was taken yet. */
    public final int lastAction() {
        return lastAction;
    }

    /** The current state drawn as text, as Gymnasium's {@code render_mode="ansi"} (with ANSI colours). */
    public abstract String render();

    @Override
    protected final Reset<Integer> doReset(UniformRandomProvider rng) {
        s = Categorical.sample(initialCumulative, rng.nextDouble());
        lastAction = -1;
        afterReset(rng);
        return new Reset<>(s, info(1.0));
    }

    @Override
    protected final Step<Integer> doStep(Integer action) {
        int a = action;
        int row = s * numActions + a;
        Transition t = table.get(row).get(Categorical.sample(cumulative[row], rng().nextDouble()));
        int previous = s;
        lastAction = a;
        s = afterTransition(previous, t.nextState(), rng());
        return new Step<>(s, t.reward(), t.terminal(), false, info(t.probability()));
    }

    /** Hook after the initial state was drawn (Taxi draws its fickle passenger here). */
    void afterReset(UniformRandomProvider rng) {
    }

    /** Hook that may change the sampled next state (Taxi's fickle passenger); returns the state to enter. */
    int afterTransition(int previous, int next, UniformRandomProvider rng) {
        return next;
    }

    /** The info map of a reset or step whose sampled probability is {@code prob}. */
    Map<String, Object> info(double prob) {
        return Map.of("prob", prob);
    }

    /** {@inheritDoc} Layout: {@code {s}}. */
    @Override
    public double[] state() {
        return new double[] {s};
    }

    /** {@inheritDoc} Layout: {@code {s}} with {@code s} an integer in {@code [0, numStates())}. */
    @Override
    public Integer setState(double[] state) {
        if (state == null || state.length != 1) {
            throw new QuiverUserException(spec.id() + ": setState expects 1 value (the state index), got "
                    + (state == null ? "null" : Arrays.toString(state)));
        }
        enterState(state[0]);
        return s;
    }

    /** Validates {@code value} as a state index, enters it and marks the episode running. */
    final void enterState(double value) {
        if (value != Math.rint(value) || value < 0 || value >= numStates) {
            throw new QuiverUserException(spec.id() + ": state must be an integer in [0, " + numStates + "), got "
                    + value);
        }
        s = (int) value;
        lastAction = -1;
        markRunning();
    }

    @Override
    public String toString() {
        return spec.id();
    }
}
