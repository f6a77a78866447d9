package dev.quiver.rl.agent;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where and how often a training run saves its complete state (networks, optimizer moments, replay
 * buffer, generator states, counters) so that it can be resumed, and whether to resume from what is
 * there. A resumed run gives exactly the numbers an uninterrupted run with the same seed gives.
 *
 * <p>Learners on a single env save at the first episode boundary at or after every {@code everySteps} env
 * steps (so no env internals need saving: the next episode starts from a reset seeded by a saved
 * generator); PPO saves at the first rollout boundary instead, with its vector env's complete state. The
 * state directory is replaced atomically, so an interruption leaves the previous state intact.
 *
 * @param dir the state directory (e.g. {@code runs/…/seed-0/train-state})
 * @param everySteps env steps between saves, at least 1
 * @param resume whether to continue from the state in {@code dir} (if there is one)
 */
public record TrainingCheckpoints(Path dir, long everySteps, boolean resume) {
    /** No saving, no resuming. */
    public static final TrainingCheckpoints NONE = new TrainingCheckpoints(null, Long.MAX_VALUE, false);

    /** Validates the fields. */
    public TrainingCheckpoints {
        if (everySteps < 1) {
            throw new IllegalArgumentException("everySteps must be at least 1, got " + everySteps);
        }
        if (dir == null && resume) {
            throw new IllegalArgumentException("resume needs a state directory");
        }
    }

    /** Saves every {@code everySteps} env steps to {@code dir}; resumes from it if {@code resume}. */
    public static TrainingCheckpoints in(Path dir, long everySteps, boolean resume) {
        return new TrainingCheckpoints(Objects.requireNonNull(dir, "dir"), everySteps, resume);
    }

    /** Whether state is saved at all. */
    public boolean enabled() {
        return dir != null;
    }
}
