package dev.quiver.rl.offline;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.quiver.data.dataset.EpisodeDataset;
import dev.quiver.data.dataset.TransitionBatch;
import dev.quiver.rl.actorcritic.ActionScaling;
import java.util.Arrays;

/**
 * One sampled batch as the networks read it, refilled in place every gradient step: normalised
 * observations and next observations, actions (continuous ones mapped into {@code [−1, 1]} by the env's
 * {@link ActionScaling}, clipped to the bounds; discrete ones also as one-hot rows), rewards and the
 * bootstrap mask {@code 1 − terminated} (a truncated transition still bootstraps). Arrays are reused: no
 * allocation per step on the Java side; the {@code NDArray} views are created in the step's manager.
 */
public final class OfflineBatch {
    private final TransitionBatch raw;
    private final ObservationNormaliser normaliser;
    private final ActionScaling scaling;
    private final int size;
    private final int obsDim;
    private final int actDim;
    private final int numActions;
    private final float[] observations;
    private final float[] nextObservations;
    private final float[] unitActions;
    private final float[] oneHot;
    private final float[] rewards;
    private final float[] notDone;
    private final float[] actionRow;
    private final float[] unitRow;

    /**
     * A batch of {@code size} rows for {@code data}.
     *
     * @param scaling the env's action scaling (continuous actions), or {@code null} for discrete actions
     * @param numActions the number of discrete actions (0 for continuous actions)
     */
    OfflineBatch(EpisodeDataset data, int size, ObservationNormaliser normaliser, ActionScaling scaling,
            int numActions) {
        this.raw = new TransitionBatch(data, size);
        this.normaliser = normaliser;
        this.scaling = scaling;
        this.size = size;
        this.obsDim = data.obsDim();
        this.actDim = data.discrete() ? 0 : data.actDim();
        this.numActions = numActions;
        this.observations = new float[size * obsDim];
        this.nextObservations = new float[size * obsDim];
        this.unitActions = data.discrete() ? null : new float[size * actDim];
        this.oneHot = data.discrete() ? new float[size * numActions] : null;
        this.rewards = new float[size];
        this.notDone = new float[size];
        this.actionRow = new float[actDim];
        this.unitRow = new float[actDim];
    }

    /** The raw batch the sampler fills. */
    TransitionBatch raw() {
        return raw;
    }

    /** Converts what the sampler wrote into the network-ready arrays. */
    void prepare() {
        System.arraycopy(raw.observations(), 0, observations, 0, observations.length);
        System.arraycopy(raw.nextObservations(), 0, nextObservations, 0, nextObservations.length);
        normaliser.applyInPlace(observations, size);
        normaliser.applyInPlace(nextObservations, size);
        if (oneHot != null) {
            Arrays.fill(oneHot, 0f);
            int[] a = raw.discreteActions();
            for (int k = 0; k < size; k++) {
                oneHot[k * numActions + a[k]] = 1f;
            }
        } else {
            float[] a = raw.actions();
            for (int k = 0; k < size; k++) {
                System.arraycopy(a, k * actDim, actionRow, 0, actDim);
                scaling.toUnit(actionRow, unitRow);
                System.arraycopy(unitRow, 0, unitActions, k * actDim, actDim);
            }
        }
        double[] r = raw.rewards();
        boolean[] terminated = raw.terminated();
        for (int k = 0; k < size; k++) {
            rewards[k] = (float) r[k];
            notDone[k] = terminated[k] ? 0f : 1f;
        }
    }

    /** Rows. */
    public int size() {
        return size;
    }

    /** Whether actions are discrete. */
    public boolean discrete() {
        return oneHot != null;
    }

    /** Normalised observations, shape {@code (size, obsDim)}. */
    public NDArray observations(NDManager m) {
        return m.create(observations, new Shape(size, obsDim));
    }

    /** Normalised next observations, shape {@code (size, obsDim)}. */
    public NDArray nextObservations(NDManager m) {
        return m.create(nextObservations, new Shape(size, obsDim));
    }

    /** Continuous actions in {@code [−1, 1]}, shape {@code (size, actDim)}. */
    public NDArray unitActions(NDManager m) {
        return m.create(unitActions, new Shape(size, actDim));
    }

    /** Discrete actions as one-hot rows, shape {@code (size, numActions)}. */
    public NDArray oneHotActions(NDManager m) {
        return m.create(oneHot, new Shape(size, numActions));
    }

    /** Rewards, shape {@code (size, 1)}. */
    public NDArray rewards(NDManager m) {
        return m.create(rewards, new Shape(size, 1));
    }

    /** {@code 1 − terminated}, shape {@code (size, 1)}. */
    public NDArray notDone(NDManager m) {
        return m.create(notDone, new Shape(size, 1));
    }

    /** The rewards (live array, overwritten by the next batch). */
    public float[] rewardArray() {
        return rewards;
    }

    /** {@code 1 − terminated} (live array, overwritten by the next batch). */
    public float[] notDoneArray() {
        return notDone;
    }

    /**
     * What a Q-network reads for the batch's state–action pairs: the observations concatenated with the
     * unit actions (continuous; the network has one output), or the observations alone (discrete; one output
     * per action).
     */
    public NDArray qInput(NDManager m) {
        NDArray obs = observations(m);
        return discrete() ? obs : obs.concat(unitActions(m), 1);
    }

    /**
     * The value of the batch's actions from a Q-network's output for {@link #qInput}: the output itself
     * (continuous) or the taken action's column (discrete); shape {@code (size, 1)}.
     */
    public NDArray taken(NDArray qOutput, NDManager m) {
        return discrete() ? qOutput.mul(oneHotActions(m)).sum(new int[] {1}, true) : qOutput;
    }

    /**
     * {@link #taken} for the stacked outputs of an ensemble, shape {@code (members, size, outputs)} →
     * {@code (members, size, 1)}.
     */
    public NDArray takenAll(NDArray qOutputs, NDManager m) {
        return discrete() ? qOutputs.mul(oneHotActions(m)).sum(new int[] {2}, true) : qOutputs;
    }
}
