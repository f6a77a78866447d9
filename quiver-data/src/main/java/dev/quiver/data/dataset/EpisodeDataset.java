package dev.quiver.data.dataset;

import dev.quiver.core.env.EnvSpec;
import dev.quiver.core.error.QuiverUserException;
import dev.quiver.core.space.Box;
import dev.quiver.core.space.Discrete;
import java.util.Arrays;

/**
 * An immutable in-memory dataset of episodes, stored column-wise in primitive arrays.
 *
 * <p>Layout (as Minari stores it): episode {@code i} has {@code T_i} steps and {@code T_i + 1}
 * observations, the last being the final next-observation. Steps of all episodes are concatenated
 * in one set of step columns (actions, rewards, terminations, truncations), indexed by a global step
 * index {@code episodeStart(i) + t}; observations are concatenated likewise with one extra row per
 * episode, so the observation {@code t} of episode {@code i} is row {@code episodeStart(i) + i + t}.
 *
 * <p>Actions are either discrete ({@code int} per step, {@link #actDim()} is 0) or continuous
 * ({@code actDim} floats per step). Observations are flat {@code float} vectors of {@link #obsDim()}.
 *
 * <p>Instances are built with {@link Builder}, which validates every value; after that the arrays are
 * never modified, and every accessor that returns an array returns a copy (samplers in this package
 * read the columns directly).
 */
public final class EpisodeDataset {
    private final int obsDim;
    private final int actDim;
    private final boolean discrete;
    /** Step offsets: episode i owns global steps [offsets[i], offsets[i + 1]). */
    final int[] offsets;
    final float[] observations;
    final int[] discreteActions;
    final float[] continuousActions;
    final double[] rewards;
    final boolean[] terminations;
    final boolean[] truncations;

    EpisodeDataset(int obsDim, int actDim, boolean discrete, int[] offsets, float[] observations,
            int[] discreteActions, float[] continuousActions, double[] rewards, boolean[] terminations,
            boolean[] truncations) {
        this.obsDim = obsDim;
        this.actDim = actDim;
        this.discrete = discrete;
        this.offsets = offsets;
        this.observations = observations;
        this.discreteActions = discreteActions;
        this.continuousActions = continuousActions;
        this.rewards = rewards;
        this.terminations = terminations;
        this.truncations = truncations;
    }

    /** A builder for a dataset with discrete actions in {@code [0, numActions)}. */
    public static Builder discreteBuilder(int obsDim, int numActions) {
        return new Builder(obsDim, 0, true, 0, numActions);
    }

    /** A builder for a dataset with continuous actions of {@code actDim} floats per step. */
    public static Builder continuousBuilder(int obsDim, int actDim) {
        if (actDim < 1) {
            throw new QuiverUserException("actDim must be at least 1 for continuous actions, got " + actDim);
        }
        return new Builder(obsDim, actDim, false, 0, 0);
    }

    /**
     * A builder matching an environment's spaces: a {@link Box} observation space, and a
     * {@link Discrete} (actions in {@code [start, start + n)}) or {@link Box} action space.
     *
     * @throws QuiverUserException for any other spaces
     */
    public static Builder builder(EnvSpec spec) {
        if (!(spec.observationSpace() instanceof Box<?> obs)) {
            throw new QuiverUserException("env " + spec.id() + ": observation space " + spec.observationSpace()
                    + " is not supported by EpisodeDataset; allowed: Box");
        }
        if (spec.actionSpace() instanceof Discrete d) {
            return new Builder(obs.size(), 0, true, d.start(), d.n());
        }
        if (spec.actionSpace() instanceof Box<?> act) {
            return continuousBuilder(obs.size(), act.size());
        }
        throw new QuiverUserException("env " + spec.id() + ": action space " + spec.actionSpace()
                + " is not supported by EpisodeDataset; allowed: Discrete, Box");
    }

    /** Number of episodes. */
    public int numEpisodes() {
        return offsets.length - 1;
    }

    /** Total number of steps (transitions) over all episodes. */
    public int numSteps() {
        return offsets[offsets.length - 1];
    }

    /** Length of one observation vector. */
    public int obsDim() {
        return obsDim;
    }

    /** Length of one continuous action vector; 0 for discrete actions. */
    public int actDim() {
        return actDim;
    }

    /** Whether actions are discrete ({@code int}). */
    public boolean discrete() {
        return discrete;
    }

    /** Number of steps of episode {@code i}. */
    public int episodeLength(int i) {
        checkEpisode(i);
        return offsets[i + 1] - offsets[i];
    }

    /** Number of steps of each episode (a copy). */
    public int[] episodeLengths() {
        int[] lengths = new int[numEpisodes()];
        for (int i = 0; i < lengths.length; i++) {
            lengths[i] = offsets[i + 1] - offsets[i];
        }
        return lengths;
    }

    /** Global index of episode {@code i}'s first step. */
    public int episodeStart(int i) {
        checkEpisode(i);
        return offsets[i];
    }

    /** The episode that owns global step {@code step}. */
    public int episodeOfStep(int step) {
        if (step < 0 || step >= numSteps()) {
            throw new IndexOutOfBoundsException("step " + step + " not in [0, " + numSteps() + ")");
        }
        int k = Arrays.binarySearch(offsets, step);
        if (k >= 0) {
            // offsets may repeat only if episodes were empty, which the builder forbids
            return k;
        }
        return -k - 2;
    }

    /** Undiscounted return (sum of rewards) of episode {@code i}. */
    public double episodeReturn(int i) {
        return discountedReturn(i, 1.0);
    }

    /** Undiscounted return of every episode. */
    public double[] returns() {
        return discountedReturns(1.0);
    }

    /** Discounted return {@code sum_t gamma^t r_t} of episode {@code i} (from its first step). */
    public double discountedReturn(int i, double gamma) {
        checkEpisode(i);
        checkGamma(gamma);
        double g = 0.0;
        for (int s = offsets[i + 1] - 1; s >= offsets[i]; s--) {
            g = rewards[s] + gamma * g;
        }
        return g;
    }

    /** Discounted return of every episode. */
    public double[] discountedReturns(double gamma) {
        double[] out = new double[numEpisodes()];
        for (int i = 0; i < out.length; i++) {
            out[i] = discountedReturn(i, gamma);
        }
        return out;
    }

    /** Copies observation {@code t} ({@code 0 <= t <= length}) of episode {@code i} into {@code out}. */
    public void observation(int i, int t, float[] out) {
        checkEpisode(i);
        int len = offsets[i + 1] - offsets[i];
        if (t < 0 || t > len) {
            throw new IndexOutOfBoundsException("observation " + t + " of episode " + i + " not in [0, " + len + "]");
        }
        System.arraycopy(observations, (offsets[i] + i + t) * obsDim, out, 0, obsDim);
    }

    /** Copies the observation after step {@code t} ({@code 0 <= t < length}) of episode {@code i}. */
    public void nextObservation(int i, int t, float[] out) {
        checkStep(i, t);
        System.arraycopy(observations, (offsets[i] + i + t + 1) * obsDim, out, 0, obsDim);
    }

    /** The discrete action of step {@code t} of episode {@code i}. */
    public int discreteAction(int i, int t) {
        checkStep(i, t);
        if (!discrete) {
            throw new IllegalStateException("dataset has continuous actions");
        }
        return discreteActions[offsets[i] + t];
    }

    /** Copies the continuous action of step {@code t} of episode {@code i} into {@code out}. */
    public void action(int i, int t, float[] out) {
        checkStep(i, t);
        if (discrete) {
            throw new IllegalStateException("dataset has discrete actions");
        }
        System.arraycopy(continuousActions, (offsets[i] + t) * actDim, out, 0, actDim);
    }

    /** The reward of step {@code t} of episode {@code i}. */
    public double reward(int i, int t) {
        checkStep(i, t);
        return rewards[offsets[i] + t];
    }

    /** Whether step {@code t} of episode {@code i} ended in a terminal state. */
    public boolean terminated(int i, int t) {
        checkStep(i, t);
        return terminations[offsets[i] + t];
    }

    /** Whether step {@code t} of episode {@code i} was cut (time limit or end of collection). */
    public boolean truncated(int i, int t) {
        checkStep(i, t);
        return truncations[offsets[i] + t];
    }

    /** Copies of episode {@code i}'s columns. */
    public Episode episode(int i) {
        checkEpisode(i);
        int from = offsets[i];
        int to = offsets[i + 1];
        float[] obs = Arrays.copyOfRange(observations, (from + i) * obsDim, (to + i + 1) * obsDim);
        int[] da = discrete ? Arrays.copyOfRange(discreteActions, from, to) : null;
        float[] ca = discrete ? null : Arrays.copyOfRange(continuousActions, from * actDim, to * actDim);
        return new Episode(obsDim, actDim, obs, da, ca, Arrays.copyOfRange(rewards, from, to),
                Arrays.copyOfRange(terminations, from, to), Arrays.copyOfRange(truncations, from, to));
    }

    /** A new dataset holding the given episodes, in the given order (indices may not repeat). */
    public EpisodeDataset subset(int[] episodes) {
        Builder b = new Builder(obsDim, actDim, discrete, Integer.MIN_VALUE, 0);
        boolean[] seen = new boolean[numEpisodes()];
        for (int i : episodes) {
            checkEpisode(i);
            if (seen[i]) {
                throw new IllegalArgumentException("episode " + i + " appears twice in the subset");
            }
            seen[i] = true;
            b.appendTrusted(episode(i));
        }
        return b.build();
    }

    private void checkEpisode(int i) {
        if (i < 0 || i >= numEpisodes()) {
            throw new IndexOutOfBoundsException("episode " + i + " not in [0, " + numEpisodes() + ")");
        }
    }

    private void checkStep(int i, int t) {
        checkEpisode(i);
        int len = offsets[i + 1] - offsets[i];
        if (t < 0 || t >= len) {
            throw new IndexOutOfBoundsException("step " + t + " of episode " + i + " not in [0, " + len + ")");
        }
    }

    static void checkGamma(double gamma) {
        if (!(gamma >= 0.0 && gamma <= 1.0)) {
            throw new QuiverUserException("discount gamma must be in [0, 1], got " + gamma);
        }
    }

    @Override
    public String toString() {
        return "EpisodeDataset(episodes=" + numEpisodes() + ", steps=" + numSteps() + ", obsDim=" + obsDim
                + (discrete ? ", discrete actions" : ", actDim=" + actDim) + ")";
    }

    /**
     * Copies of one episode's columns: {@code T + 1} observations ({@code (T + 1) * obsDim} floats), and
     * {@code T} actions (discrete or {@code T * actDim} continuous, the other {@code null}), rewards,
     * terminations and truncations.
     */
    public record Episode(int obsDim, int actDim, float[] observations, int[] discreteActions,
            float[] continuousActions, double[] rewards, boolean[] terminations, boolean[] truncations) {
        /** Number of steps. */
        public int length() {
            return rewards.length;
        }
    }

    /**
     * Collects episodes, validating each, into an {@link EpisodeDataset}.
     *
     * <p>Episodes are added whole ({@code addEpisode}) or step by step ({@link #startEpisode}, then
     * {@code addStep}); an episode being built step by step is closed by the next
     * {@link #startEpisode}, an {@code addEpisode} or {@link #build}. Rules, each broken one raising a
     * {@link QuiverUserException} naming the episode, step and field:
     * <ul>
     *   <li>observations and rewards are finite, and so are continuous actions; discrete actions lie in
     *       the action space;</li>
     *   <li>column lengths agree ({@code T + 1} observations, {@code T} of everything else, {@code T >= 1});</li>
     *   <li>only the last step may be terminated or truncated; a last step that is neither (an episode cut
     *       by the end of collection) is kept as given.</li>
     * </ul>
     * For observation errors, "step k" names observation row {@code k} of the episode ({@code 0..T}).
     * A failed call leaves the builder as it was before the call.
     */
    public static final class Builder {
        private final int obsDim;
        private final int actDim;
        private final boolean discrete;
        private final int actionStart;
        private final int numActions;
        private final IntList offsets = new IntList();
        private final FloatList observations = new FloatList();
        private final IntList discreteActions = new IntList();
        private final FloatList continuousActions = new FloatList();
        private final DoubleList rewards = new DoubleList();
        private final BoolList terminations = new BoolList();
        private final BoolList truncations = new BoolList();
        /** Whether an episode is open (started step by step, not yet closed). */
        private boolean open;
        private boolean built;

        Builder(int obsDim, int actDim, boolean discrete, int actionStart, int numActions) {
            if (obsDim < 1) {
                throw new QuiverUserException("obsDim must be at least 1, got " + obsDim);
            }
            if (discrete && actionStart != Integer.MIN_VALUE && numActions < 1) {
                throw new QuiverUserException("numActions must be at least 1, got " + numActions);
            }
            this.obsDim = obsDim;
            this.actDim = actDim;
            this.discrete = discrete;
            this.actionStart = actionStart;
            this.numActions = numActions;
            offsets.add(0);
        }

        /** Index the next (or the open) episode will have. */
        public int episodeIndex() {
            return offsets.size - 1;
        }

        /** Adds a whole episode with discrete actions. See {@link Builder} for the rules. */
        public Builder addEpisode(float[] observations, int[] actions, double[] rewards, boolean[] terminations,
                boolean[] truncations) {
            requireDiscrete(true, true);
            int e = nextIndex();
            int t = checkLengths(e, observations, actions == null ? -1 : actions.length, "actions", rewards,
                    terminations, truncations);
            for (int s = 0; s < t; s++) {
                checkDiscreteAction(e, s, actions[s]);
            }
            checkColumns(e, observations, rewards, terminations, truncations);
            closeOpen();
            this.observations.addAll(observations);
            discreteActions.addAll(actions);
            appendSteps(rewards, terminations, truncations);
            return this;
        }

        /** Adds a whole episode with continuous actions ({@code T * actDim} floats). */
        public Builder addEpisode(float[] observations, float[] actions, double[] rewards, boolean[] terminations,
                boolean[] truncations) {
            requireDiscrete(false, true);
            int e = nextIndex();
            if (actions != null && actions.length % actDim != 0) {
                throw error(e, -1, "actions", "has " + actions.length + " values, not a multiple of actDim "
                        + actDim);
            }
            int t = checkLengths(e, observations, actions == null ? -1 : actions.length / actDim, "actions",
                    rewards, terminations, truncations);
            for (int s = 0; s < t; s++) {
                for (int d = 0; d < actDim; d++) {
                    float v = actions[s * actDim + d];
                    if (!Float.isFinite(v)) {
                        throw error(e, s, "actions", "component " + d + " is " + v + "; actions must be finite");
                    }
                }
            }
            checkColumns(e, observations, rewards, terminations, truncations);
            closeOpen();
            this.observations.addAll(observations);
            continuousActions.addAll(actions);
            appendSteps(rewards, terminations, truncations);
            return this;
        }

        /** Opens a new episode (closing any open one) with its first observation. */
        public Builder startEpisode(float[] obs0) {
            requireNotBuilt();
            checkObservation(nextIndex(), 0, "observations", obs0);
            closeOpen();
            observations.addAll(obs0);
            open = true;
            return this;
        }

        /** Appends a step with a discrete action to the open episode. */
        public Builder addStep(int action, double reward, float[] nextObs, boolean terminated, boolean truncated) {
            requireDiscrete(true, false);
            int t = checkStepHead(reward, nextObs);
            checkDiscreteAction(episodeIndex(), t, action);
            discreteActions.add(action);
            appendStep(reward, nextObs, terminated, truncated);
            return this;
        }

        /** Appends a step with a continuous action ({@code actDim} floats) to the open episode. */
        public Builder addStep(float[] action, double reward, float[] nextObs, boolean terminated,
                boolean truncated) {
            requireDiscrete(false, false);
            int t = checkStepHead(reward, nextObs);
            int e = episodeIndex();
            if (action == null || action.length != actDim) {
                throw error(e, t, "actions", "has length " + (action == null ? "null" : action.length)
                        + ", expected actDim " + actDim);
            }
            for (int d = 0; d < actDim; d++) {
                if (!Float.isFinite(action[d])) {
                    throw error(e, t, "actions", "component " + d + " is " + action[d] + "; actions must be finite");
                }
            }
            continuousActions.addAll(action);
            appendStep(reward, nextObs, terminated, truncated);
            return this;
        }

        /**
         * The dataset of all added episodes (closing the open one).
         *
         * @throws QuiverUserException if there are no episodes, or the open one has no steps
         */
        public EpisodeDataset build() {
            if (built) {
                throw new IllegalStateException("build() was already called");
            }
            closeOpen();
            if (episodeIndex() == 0) {
                throw new QuiverUserException("dataset has no episodes; add at least one episode with one step");
            }
            built = true;
            return new EpisodeDataset(obsDim, actDim, discrete, offsets.toArray(), observations.toArray(),
                    discrete ? discreteActions.toArray() : null, discrete ? null : continuousActions.toArray(),
                    rewards.toArray(), terminations.toArray(), truncations.toArray());
        }

        /** Index the next episode started or added will have (after closing the open one). */
        private int nextIndex() {
            return episodeIndex() + (open ? 1 : 0);
        }

        private void requireNotBuilt() {
            if (built) {
                throw new IllegalStateException("build() was already called");
            }
        }

        /** Appends an episode copied from a valid dataset, without re-validating it. */
        void appendTrusted(Episode ep) {
            observations.addAll(ep.observations());
            if (discrete) {
                discreteActions.addAll(ep.discreteActions());
            } else {
                continuousActions.addAll(ep.continuousActions());
            }
            appendSteps(ep.rewards(), ep.terminations(), ep.truncations());
        }

        private void requireDiscrete(boolean wanted, boolean wholeEpisode) {
            requireNotBuilt();
            if (wanted != discrete) {
                throw new QuiverUserException("episode " + (wholeEpisode ? nextIndex() : episodeIndex()) + ", field actions: " + (wanted ? "discrete" : "continuous")
                        + " action given, but the dataset has " + (discrete ? "discrete" : "continuous") + " actions");
            }
        }

        private void closeOpen() {
            requireNotBuilt();
            if (!open) {
                return;
            }
            int e = episodeIndex();
            int steps = rewards.size - offsets.get(e);
            if (steps == 0) {
                throw error(e, 0, "steps", "episode was started but has no steps; an episode needs at least one");
            }
            open = false;
            offsets.add(rewards.size);
        }

        private int checkStepHead(double reward, float[] nextObs) {
            if (!open) {
                throw new QuiverUserException("episode " + episodeIndex()
                        + ": addStep called with no open episode; call startEpisode(obs0) first");
            }
            int e = episodeIndex();
            int t = rewards.size - offsets.get(e);
            if (t > 0) {
                int prev = rewards.size - 1;
                if (terminations.get(prev) || truncations.get(prev)) {
                    String f = terminations.get(prev) ? "terminations" : "truncations";
                    throw error(e, t - 1, f, "is true before the last step (step " + t
                            + " follows it); only the last step of an episode may end it");
                }
            }
            if (!Double.isFinite(reward)) {
                throw error(e, t, "rewards", "is " + reward + "; rewards must be finite");
            }
            checkObservation(e, t + 1, "observations", nextObs);
            return t;
        }

        private void appendStep(double reward, float[] nextObs, boolean terminated, boolean truncated) {
            rewards.add(reward);
            terminations.add(terminated);
            truncations.add(truncated);
            observations.addAll(nextObs);
        }

        private void appendSteps(double[] r, boolean[] term, boolean[] trunc) {
            for (int s = 0; s < r.length; s++) {
                rewards.add(r[s]);
                terminations.add(term[s]);
                truncations.add(trunc[s]);
            }
            offsets.add(rewards.size);
        }

        private int checkLengths(int e, float[] obs, int numActions, String actionField, double[] r, boolean[] term,
                boolean[] trunc) {
            if (obs == null || numActions < 0 || r == null || term == null || trunc == null) {
                String f = obs == null ? "observations" : numActions < 0 ? actionField : r == null ? "rewards"
                        : term == null ? "terminations" : "truncations";
                throw error(e, -1, f, "is null");
            }
            int t = numActions;
            if (t < 1) {
                throw error(e, -1, actionField, "is empty; an episode needs at least one step");
            }
            if (obs.length != (t + 1) * obsDim) {
                throw error(e, -1, "observations", "has " + obs.length + " values, expected (T + 1) * obsDim = "
                        + (t + 1) * obsDim + " for T = " + t + " steps (Minari stores the final next-observation)");
            }
            if (r.length != t) {
                throw error(e, -1, "rewards", "has length " + r.length + ", expected " + t + " (one per step)");
            }
            if (term.length != t) {
                throw error(e, -1, "terminations", "has length " + term.length + ", expected " + t);
            }
            if (trunc.length != t) {
                throw error(e, -1, "truncations", "has length " + trunc.length + ", expected " + t);
            }
            return t;
        }

        private void checkColumns(int e, float[] obs, double[] r, boolean[] term, boolean[] trunc) {
            int t = r.length;
            for (int k = 0; k <= t; k++) {
                for (int d = 0; d < obsDim; d++) {
                    float v = obs[k * obsDim + d];
                    if (!Float.isFinite(v)) {
                        throw error(e, k, "observations", "component " + d + " is " + v
                                + "; observations must be finite");
                    }
                }
            }
            for (int s = 0; s < t; s++) {
                if (!Double.isFinite(r[s])) {
                    throw error(e, s, "rewards", "is " + r[s] + "; rewards must be finite");
                }
                if (s < t - 1 && (term[s] || trunc[s])) {
                    throw error(e, s, term[s] ? "terminations" : "truncations", "is true before the last step ("
                            + (t - 1) + "); only the last step of an episode may end it");
                }
            }
        }

        private void checkObservation(int e, int t, String field, float[] obs) {
            if (obs == null || obs.length != obsDim) {
                throw error(e, t, field, "has length " + (obs == null ? "null" : obs.length) + ", expected obsDim "
                        + obsDim);
            }
            for (int d = 0; d < obsDim; d++) {
                if (!Float.isFinite(obs[d])) {
                    throw error(e, t, field, "component " + d + " is " + obs[d] + "; observations must be finite");
                }
            }
        }

        private void checkDiscreteAction(int e, int t, int a) {
            if (actionStart == Integer.MIN_VALUE) {
                return;
            }
            if (a < actionStart || a >= actionStart + numActions) {
                throw error(e, t, "actions", "is " + a + "; allowed: [" + actionStart + ", "
                        + (actionStart + numActions) + ")");
            }
        }

        private static QuiverUserException error(int episode, int step, String field, String what) {
            String where = step < 0 ? "episode " + episode + ", field " + field
                    : "episode " + episode + ", step " + step + ", field " + field;
            return new QuiverUserException(where + ": " + what);
        }
    }

    private static final class IntList {
        int[] a = new int[16];
        int size;

        void add(int v) {
            if (size == a.length) {
                a = Arrays.copyOf(a, a.length * 2);
            }
            a[size++] = v;
        }

        void addAll(int[] v) {
            if (size + v.length > a.length) {
                a = Arrays.copyOf(a, Math.max(a.length * 2, size + v.length));
            }
            System.arraycopy(v, 0, a, size, v.length);
            size += v.length;
        }

        int get(int i) {
            return a[i];
        }

        int[] toArray() {
            return Arrays.copyOf(a, size);
        }
    }

    private static final class FloatList {
        float[] a = new float[16];
        int size;

        void addAll(float[] v) {
            if (size + v.length > a.length) {
                a = Arrays.copyOf(a, Math.max(a.length * 2, size + v.length));
            }
            System.arraycopy(v, 0, a, size, v.length);
            size += v.length;
        }

        float[] toArray() {
            return Arrays.copyOf(a, size);
        }
    }

    private static final class DoubleList {
        double[] a = new double[16];
        int size;

        void add(double v) {
            if (size == a.length) {
                a = Arrays.copyOf(a, a.length * 2);
            }
            a[size++] = v;
        }

        double[] toArray() {
            return Arrays.copyOf(a, size);
        }
    }

    private static final class BoolList {
        boolean[] a = new boolean[16];
        int size;

        void add(boolean v) {
            if (size == a.length) {
                a = Arrays.copyOf(a, a.length * 2);
            }
            a[size++] = v;
        }

        boolean get(int i) {
            return a[i];
        }

        boolean[] toArray() {
            return Arrays.copyOf(a, size);
        }
    }
}
