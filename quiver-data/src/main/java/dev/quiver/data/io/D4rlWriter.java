package dev.quiver.data.io;

import dev.quiver.core.error.QuiverUserException;
import dev.quiver.core.space.Box;
import dev.quiver.core.space.Discrete;
import dev.quiver.core.space.Space;
import dev.quiver.data.dataset.EpisodeDataset;
import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes an {@link EpisodeDataset} as one D4RL-style flat HDF5 file, the layout {@link D4rlReader} reads:
 * concatenated transitions {@code observations [N, d]}, {@code actions [N, k]} ({@code [N, 1]} holding the
 * action number for discrete actions, as D4RL stores discrete data), {@code rewards [N]},
 * {@code terminals [N]}, {@code timeouts [N]} and {@code next_observations [N, d]}, all float32 as in D4RL
 * (rewards too: a double reward is rounded to the nearest float) except the flags, which are jhdf's 8-bit
 * booleans (h5py reads them as {@code uint8} 0/1).
 *
 * <p>{@code terminals} is the step's terminated flag and {@code timeouts} its truncated flag. D4RL's layout
 * has no other way to mark where an episode ends, so the last step of an episode ending with neither flag (cut
 * by the end of collection) is written with {@code timeouts = 1}: it reads back as truncated.
 *
 * <p>With spaces given ({@link #of}), the root group also gets the attributes {@code observation_space} and
 * {@code action_space} (Minari's serialised space JSON), which {@link D4rlReader} uses to tell discrete from
 * continuous actions; D4RL's own loaders ignore attributes. Extra string attributes can be added with
 * {@link #withAttribute}.
 *
 * <p>Writing is atomic (a temporary file next to the target, renamed when complete); the target must not
 * exist.
 */
public final class D4rlWriter {
    private final Space<?> observationSpace;
    private final Space<?> actionSpace;
    private final Map<String, String> attributes;
    private final Runnable beforeCommit;

    private D4rlWriter(Space<?> observationSpace, Space<?> actionSpace, Map<String, String> attributes,
            Runnable beforeCommit) {
        this.observationSpace = observationSpace;
        this.actionSpace = actionSpace;
        this.attributes = attributes;
        this.beforeCommit = beforeCommit;
    }

    /** A writer that records the spaces as root attributes (a Box observation space; Discrete or Box actions). */
    public static D4rlWriter of(Space<?> observationSpace, Space<?> actionSpace) {
        if (!(observationSpace instanceof Box<?>)) {
            throw new QuiverUserException("observation space " + observationSpace + " cannot be written as a D4RL"
                    + " file; allowed: Box");
        }
        if (!(actionSpace instanceof Box<?>) && !(actionSpace instanceof Discrete)) {
            throw new QuiverUserException("action space " + actionSpace + " cannot be written as a D4RL file;"
                    + " allowed: Discrete, Box");
        }
        return new D4rlWriter(observationSpace, actionSpace, Map.of(), null);
    }

    /** A writer of the bare D4RL layout (no space attributes). */
    public static D4rlWriter plain() {
        return new D4rlWriter(null, null, Map.of(), null);
    }

    /** The same writer adding a string attribute to the root group (e.g. {@code env_id}, {@code policy}). */
    public D4rlWriter withAttribute(String name, String value) {
        if (List.of("observation_space", "action_space", "_jHDF").contains(name)) {
            throw new IllegalArgumentException("attribute '" + name + "' is written by D4rlWriter itself");
        }
        Map<String, String> m = new LinkedHashMap<>(attributes);
        m.put(name, value);
        return new D4rlWriter(observationSpace, actionSpace, Collections.unmodifiableMap(m), beforeCommit);
    }

    /** Testing only: the same writer running {@code hook} after the file is written, before the final rename. */
    D4rlWriter beforeCommit(Runnable hook) {
        return new D4rlWriter(observationSpace, actionSpace, attributes, hook);
    }

    /**
     * Writes {@code data} to {@code file}.
     *
     * @throws QuiverUserException if the data does not match the spaces, {@code file} exists, or it cannot
     *     be written (nothing is left behind)
     */
    public void write(Path file, EpisodeDataset data) {
        if (observationSpace != null) {
            checkSpaces(data);
        }
        int n = data.numSteps();
        int d = data.obsDim();
        int k = data.discrete() ? 1 : data.actDim();
        float[][] obs = new float[n][d];
        float[][] next = new float[n][d];
        float[][] act = new float[n][k];
        float[] rewards = new float[n];
        boolean[] terminals = new boolean[n];
        boolean[] timeouts = new boolean[n];
        float[] a = new float[k];
        int row = 0;
        for (int i = 0; i < data.numEpisodes(); i++) {
            int len = data.episodeLength(i);
            for (int t = 0; t < len; t++, row++) {
                data.observation(i, t, obs[row]);
                data.nextObservation(i, t, next[row]);
                if (data.discrete()) {
                    act[row][0] = data.discreteAction(i, t);
                } else {
                    data.action(i, t, a);
                    System.arraycopy(a, 0, act[row], 0, k);
                }
                rewards[row] = (float) data.reward(i, t);
                terminals[row] = data.terminated(i, t);
                timeouts[row] = data.truncated(i, t) || (t == len - 1 && !data.terminated(i, t));
            }
        }
        try (AtomicOutput out = AtomicOutput.begin(file, "D4RL file")) {
            try (WritableHdfFile h = HdfFile.write(out.temp())) {
                if (observationSpace != null) {
                    h.putAttribute("observation_space", MinariJson.space(observationSpace, "D4RL file " + file));
                    h.putAttribute("action_space", MinariJson.space(actionSpace, "D4RL file " + file));
                }
                for (Map.Entry<String, String> e : attributes.entrySet()) {
                    h.putAttribute(e.getKey(), e.getValue());
                }
                h.putDataset("observations", obs);
                h.putDataset("actions", act);
                h.putDataset("rewards", rewards);
                h.putDataset("terminals", terminals);
                h.putDataset("timeouts", timeouts);
                h.putDataset("next_observations", next);
            } catch (QuiverUserException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new QuiverUserException("D4RL file " + file + ": cannot be written: " + e, e);
            }
            if (beforeCommit != null) {
                beforeCommit.run();
            }
            out.commit();
        }
    }

    private void checkSpaces(EpisodeDataset data) {
        Box<?> obs = (Box<?>) observationSpace;
        if (obs.size() != data.obsDim()) {
            throw new QuiverUserException("D4RL file: observations have " + data.obsDim() + " values but observation"
                    + " space " + obs + " has " + obs.size());
        }
        boolean discreteSpace = actionSpace instanceof Discrete;
        if (discreteSpace != data.discrete()
                || (!discreteSpace && ((Box<?>) actionSpace).size() != data.actDim())) {
            throw new QuiverUserException("D4RL file: actions are " + (data.discrete() ? "discrete" : data.actDim()
                    + " floats") + " but the action space is " + actionSpace);
        }
    }
}
