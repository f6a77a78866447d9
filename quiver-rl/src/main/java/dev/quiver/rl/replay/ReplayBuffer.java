package dev.quiver.rl.replay;

import dev.quiver.core.error.QuiverUserException;
import dev.quiver.nn.checkpoint.CheckpointReader;
import dev.quiver.nn.checkpoint.CheckpointWriter;
import dev.quiver.nn.checkpoint.Tensor;
import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * A ring buffer of transitions with flat float observations, sampled uniformly with replacement,
 * as in DQN's experience replay and the buffers of Stable-Baselines3 and CleanRL.
 *
 * <p>Storage is column-wise primitive arrays of capacity {@code C}: observations and next
 * observations ({@code float[C * obsDim]}), actions ({@code int[C]} for discrete, {@code float[C *
 * actDim]} for continuous), rewards ({@code double}), {@code terminated}, {@code done} and the number
 * of steps each transition spans (1, or {@code m} for n-step transitions from an
 * {@link NStepAccumulator}). Once full, each add overwrites the oldest transition. Neither
 * {@code add} nor {@code sample} allocates.
 *
 * <p><b>Terminated versus truncated.</b> Only {@code terminated} stops bootstrapping: a time-limit
 * truncation still has a value after it, so the learner's target is {@code r + γ^steps · (1 −
 * terminated) · V(s')}. {@code done = terminated || truncated} is kept separately for code that needs
 * episode boundaries.
 *
 * <p><b>Adding from a vector env.</b> Quiver's vector envs autoreset on the <em>next</em> step
 * (Gymnasium 1.x): when copy {@code i} ends at step {@code t}, the observation reported at {@code t}
 * is its last one (the true {@code s'}, to store), and the step at {@code t + 1} resets copy {@code i}
 * instead of stepping it, reporting the first observation of the new episode with reward 0. That
 * step's "transition" (last observation → reset observation) is not a transition of the MDP and must
 * be skipped. {@link #addVectorStep} does exactly that given which copies were due an autoreset
 * (those whose previous step was terminated or truncated):
 *
 * <pre>{@code
 * boolean[] autoreset = new boolean[n];            // all false after reset(seed)
 * env.step(actions);
 * buffer.addVectorStep(n, obs, actions, env.rewards(), env.observations(),
 *         env.terminations(), env.truncations(), autoreset);
 * for (int i = 0; i < n; i++) autoreset[i] = env.terminations()[i] || env.truncations()[i];
 * System.arraycopy(env.observations(), 0, obs, 0, obs.length);
 * }</pre>
 *
 * @see <a href="https://arxiv.org/abs/1312.5602">Mnih, V. et al. (2013). Playing Atari with Deep
 *     Reinforcement Learning. arXiv:1312.5602</a>
 * @see <a href="https://gymnasium.farama.org/gymnasium_release_notes/#release-v1-0-0">Gymnasium 1.0
 *     vector autoreset modes</a>
 */
public final class ReplayBuffer implements TransitionSink {
    private final int capacity;
    private final int obsDim;
    private final int actDim;
    private final boolean discrete;
    private final float[] observations;
    private final float[] nextObservations;
    private final int[] actions;
    private final float[] continuousActions;
    private final double[] rewards;
    private final boolean[] terminated;
    private final boolean[] done;
    private final int[] steps;
    private int position;
    private int size;
    private long added;

    private ReplayBuffer(int capacity, int obsDim, int actDim, boolean discrete) {
        if (capacity < 1 || obsDim < 1 || (!discrete && actDim < 1)) {
            throw new IllegalArgumentException("ReplayBuffer needs capacity >= 1, obsDim >= 1 and (continuous) actDim >= 1, got "
                    + capacity + ", " + obsDim + ", " + actDim);
        }
        if ((long) capacity * obsDim > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("capacity * obsDim = " + (long) capacity * obsDim + " exceeds a Java array");
        }
        this.capacity = capacity;
        this.obsDim = obsDim;
        this.actDim = discrete ? 0 : actDim;
        this.discrete = discrete;
        this.observations = new float[capacity * obsDim];
        this.nextObservations = new float[capacity * obsDim];
        this.actions = discrete ? new int[capacity] : new int[0];
        this.continuousActions = discrete ? new float[0] : new float[capacity * actDim];
        this.rewards = new double[capacity];
        this.terminated = new boolean[capacity];
        this.done = new boolean[capacity];
        this.steps = new int[capacity];
    }

    /** A buffer of {@code capacity} transitions with discrete actions. */
    public static ReplayBuffer discrete(int capacity, int obsDim) {
        return new ReplayBuffer(capacity, obsDim, 0, true);
    }

    /** A buffer of {@code capacity} transitions with continuous actions of {@code actDim} floats. */
    public static ReplayBuffer continuous(int capacity, int obsDim, int actDim) {
        return new ReplayBuffer(capacity, obsDim, actDim, false);
    }

    /** The number of transitions the buffer holds when full. */
    public int capacity() {
        return capacity;
    }

    /** The number of transitions held now. */
    public int size() {
        return size;
    }

    /** The slot the next add writes to. */
    public int position() {
        return position;
    }

    /** The number of transitions ever added. */
    public long added() {
        return added;
    }

    /** Floats per observation. */
    public int obsDim() {
        return obsDim;
    }

    /** Floats per continuous action (0 when discrete). */
    public int actDim() {
        return actDim;
    }

    /** Whether actions are discrete. */
    public boolean discrete() {
        return discrete;
    }

    /**
     * Adds the buffer's contents (the filled slots only) and counters to {@code w} as arrays named
     * {@code prefix + "/observations"} etc., for an exact resume with {@link #restore}.
     */
    public void save(String prefix, CheckpointWriter w) {
        int n = size;
        w.array(prefix + "/counters", Tensor.ofLongs(new long[] {capacity, obsDim, actDim, discrete ? 1 : 0, position,
                size, added}, 7));
        w.array(prefix + "/observations", Tensor.ofFloats(Arrays.copyOf(observations, n * obsDim), n, obsDim));
        w.array(prefix + "/next_observations", Tensor.ofFloats(Arrays.copyOf(nextObservations, n * obsDim), n, obsDim));
        if (discrete) {
            w.array(prefix + "/actions", Tensor.ofInts(Arrays.copyOf(actions, n), n));
        } else {
            w.array(prefix + "/actions", Tensor.ofFloats(Arrays.copyOf(continuousActions, n * actDim), n, actDim));
        }
        w.array(prefix + "/rewards", Tensor.ofDoubles(Arrays.copyOf(rewards, n), n));
        w.array(prefix + "/terminated", Tensor.ofBooleans(Arrays.copyOf(terminated, n), n));
        w.array(prefix + "/done", Tensor.ofBooleans(Arrays.copyOf(done, n), n));
        w.array(prefix + "/steps", Tensor.ofInts(Arrays.copyOf(steps, n), n));
    }

    /**
     * Replaces this buffer's contents with what {@link #save} wrote under {@code prefix}.
     *
     * @throws QuiverUserException if the saved buffer has another capacity or shape, or is malformed
     */
    public void restore(String prefix, CheckpointReader r) {
        long[] c = r.array(prefix + "/counters").longs();
        if (c.length != 7 || c[0] != capacity || c[1] != obsDim || c[2] != actDim || (c[3] == 1) != discrete) {
            throw new QuiverUserException("checkpoint " + r.dir() + ": replay buffer '" + prefix + "' has capacity,"
                    + " obsDim, actDim, discrete = " + Arrays.toString(Arrays.copyOf(c, Math.min(4, c.length)))
                    + ", this run needs " + capacity + ", " + obsDim + ", " + actDim + ", " + (discrete ? 1 : 0));
        }
        int n = (int) c[5];
        try {
            copyExact(r.array(prefix + "/observations").floats(), observations, n * obsDim);
            copyExact(r.array(prefix + "/next_observations").floats(), nextObservations, n * obsDim);
            if (discrete) {
                copyExact(r.array(prefix + "/actions").ints(), actions, n);
            } else {
                copyExact(r.array(prefix + "/actions").floats(), continuousActions, n * actDim);
            }
            copyExact(r.array(prefix + "/rewards").doubles(), rewards, n);
            copyExact(r.array(prefix + "/terminated").booleans(), terminated, n);
            copyExact(r.array(prefix + "/done").booleans(), done, n);
            copyExact(r.array(prefix + "/steps").ints(), steps, n);
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new QuiverUserException("checkpoint " + r.dir() + ": replay buffer '" + prefix + "' is malformed: "
                    + e.getMessage(), e);
        }
        position = (int) c[4];
        size = n;
        added = c[6];
    }

    private static void copyExact(Object src, Object dst, int n) {
        if (java.lang.reflect.Array.getLength(src) != n) {
            throw new IllegalArgumentException("expected " + n + " values, found " + java.lang.reflect.Array.getLength(src));
        }
        System.arraycopy(src, 0, dst, 0, n);
    }

    /** A batch shaped for this buffer, holding up to {@code batchSize} rows (allocate once, reuse). */
    public Batch newBatch(int batchSize) {
        return new Batch(batchSize, obsDim, Math.max(actDim, 1), discrete);
    }

    @Override
    public void add(float[] obs, int obsOffset, int action, float[] actionVector, int actionOffset, double reward,
            float[] nextObs, int nextObsOffset, boolean terminated, boolean truncated, int steps) {
        store(obs, obsOffset, action, actionVector, actionOffset, reward, nextObs, nextObsOffset, terminated, truncated,
                steps);
    }

    /**
     * Adds one transition and returns the slot it was written to (overwriting the oldest once full).
     * See {@link TransitionSink#add} for the arguments.
     */
    public int store(float[] obs, int obsOffset, int action, float[] actionVector, int actionOffset, double reward,
            float[] nextObs, int nextObsOffset, boolean terminated, boolean truncated, int steps) {
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be at least 1, got " + steps);
        }
        int slot = position;
        System.arraycopy(obs, obsOffset, observations, slot * obsDim, obsDim);
        System.arraycopy(nextObs, nextObsOffset, nextObservations, slot * obsDim, obsDim);
        if (discrete) {
            actions[slot] = action;
        } else {
            System.arraycopy(actionVector, actionOffset, continuousActions, slot * actDim, actDim);
        }
        rewards[slot] = reward;
        this.terminated[slot] = terminated;
        this.done[slot] = terminated || truncated;
        this.steps[slot] = steps;
        position = slot + 1 == capacity ? 0 : slot + 1;
        if (size < capacity) {
            size++;
        }
        added++;
        return slot;
    }

    /** Adds a one-step transition with a discrete action. */
    public void add(float[] obs, int action, double reward, float[] nextObs, boolean terminated, boolean truncated) {
        store(obs, 0, action, null, 0, reward, nextObs, 0, terminated, truncated, 1);
    }

    /** Adds a one-step transition with a continuous action. */
    public void add(float[] obs, float[] action, double reward, float[] nextObs, boolean terminated, boolean truncated) {
        store(obs, 0, 0, action, 0, reward, nextObs, 0, terminated, truncated, 1);
    }

    /**
     * Adds one transition per copy of a vector-env step with discrete actions, skipping the copies
     * whose step was a next-step autoreset (see the class comment). Arrays are copy-major, as a
     * {@code FlatVectorEnv} lays them out.
     *
     * @param numEnvs the number of copies
     * @param obs observations before the step, {@code numEnvs * obsDim}
     * @param actions the actions taken
     * @param rewards the step's rewards
     * @param nextObs observations the step reported, {@code numEnvs * obsDim}
     * @param terminations the step's terminations
     * @param truncations the step's truncations
     * @param autoreset which copies were due an autoreset at this step (their previous step ended)
     */
    public void addVectorStep(int numEnvs, float[] obs, int[] actions, double[] rewards, float[] nextObs,
            boolean[] terminations, boolean[] truncations, boolean[] autoreset) {
        for (int i = 0; i < numEnvs; i++) {
            if (!autoreset[i]) {
                store(obs, i * obsDim, actions[i], null, 0, rewards[i], nextObs, i * obsDim, terminations[i],
                        truncations[i], 1);
            }
        }
    }

    /** As {@link #addVectorStep(int, float[], int[], double[], float[], boolean[], boolean[], boolean[])}, for continuous actions ({@code numEnvs * actDim}). */
    public void addVectorStep(int numEnvs, float[] obs, float[] actions, double[] rewards, float[] nextObs,
            boolean[] terminations, boolean[] truncations, boolean[] autoreset) {
        for (int i = 0; i < numEnvs; i++) {
            if (!autoreset[i]) {
                store(obs, i * obsDim, 0, actions, i * actDim, rewards[i], nextObs, i * obsDim, terminations[i],
                        truncations[i], 1);
            }
        }
    }

    /**
     * Samples {@code batchSize} transitions uniformly with replacement into {@code out} (weights 1).
     *
     * @param batchSize rows to draw, at most {@code out.capacity()}
     * @param rng the generator (advanced by exactly {@code batchSize} {@code nextInt} draws)
     * @param out the reusable batch to fill
     * @throws IllegalStateException if the buffer is empty
     */
    public void sample(int batchSize, UniformRandomProvider rng, Batch out) {
        checkSample(batchSize, out);
        int[] idx = out.indices();
        double[] w = out.weights();
        for (int k = 0; k < batchSize; k++) {
            idx[k] = rng.nextInt(size);
            w[k] = 1.0;
        }
        gather(idx, batchSize, out);
    }

    void checkSample(int batchSize, Batch out) {
        if (size == 0) {
            throw new IllegalStateException("cannot sample from an empty replay buffer");
        }
        if (batchSize < 1 || batchSize > out.capacity()) {
            throw new IllegalArgumentException("batchSize must be in [1, " + out.capacity() + "], got " + batchSize);
        }
        if (out.obsDim() != obsDim || out.discrete() != discrete || (!discrete && out.actDim() != actDim)) {
            throw new IllegalArgumentException("batch shape does not match the buffer: use newBatch(batchSize)");
        }
    }

    /**
     * Copies the transitions in slots {@code indices[0 .. n - 1]} into rows {@code 0 .. n - 1} of
     * {@code out} (its indices array may be {@code indices} itself) and sets its size; weights are left
     * as they are.
     */
    public void gather(int[] indices, int n, Batch out) {
        int[] outIdx = out.indices();
        float[] o = out.observations();
        float[] no = out.nextObservations();
        double[] r = out.rewards();
        boolean[] t = out.terminated();
        boolean[] d = out.done();
        int[] st = out.steps();
        for (int k = 0; k < n; k++) {
            int i = indices[k];
            if (i < 0 || i >= size) {
                throw new IndexOutOfBoundsException("slot " + i + " is not filled (size " + size + ")");
            }
            outIdx[k] = i;
            System.arraycopy(observations, i * obsDim, o, k * obsDim, obsDim);
            System.arraycopy(nextObservations, i * obsDim, no, k * obsDim, obsDim);
            if (discrete) {
                out.actions()[k] = actions[i];
            } else {
                System.arraycopy(continuousActions, i * actDim, out.continuousActions(), k * actDim, actDim);
            }
            r[k] = rewards[i];
            t[k] = terminated[i];
            d[k] = done[i];
            st[k] = steps[i];
        }
        out.size(n);
    }

    /** The reward stored in slot {@code i}. */
    public double reward(int i) {
        return rewards[check(i)];
    }

    /** The discrete action stored in slot {@code i}. */
    public int action(int i) {
        return actions[check(i)];
    }

    /** Whether the transition in slot {@code i} is terminal. */
    public boolean terminated(int i) {
        return terminated[check(i)];
    }

    /** Whether the episode ended (either way) at the transition in slot {@code i}. */
    public boolean done(int i) {
        return done[check(i)];
    }

    /** The number of environment steps the transition in slot {@code i} spans. */
    public int steps(int i) {
        return steps[check(i)];
    }

    /** Copies the observation in slot {@code i} into {@code dst} at {@code offset}. */
    public void observation(int i, float[] dst, int offset) {
        System.arraycopy(observations, check(i) * obsDim, dst, offset, obsDim);
    }

    /** Copies the next observation in slot {@code i} into {@code dst} at {@code offset}. */
    public void nextObservation(int i, float[] dst, int offset) {
        System.arraycopy(nextObservations, check(i) * obsDim, dst, offset, obsDim);
    }

    private int check(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("slot " + i + " is not filled (size " + size + ")");
        }
        return i;
    }
}
