package dev.quiver.rl.actorcritic;

/**
 * When an off-policy learner trains: act at random for the first {@code learningStarts} env steps, then
 * after every {@code trainFrequency}-th env step take {@code gradientSteps} gradient updates, each on a
 * fresh uniform batch of {@code batchSize} transitions (Stable-Baselines3's {@code learning_starts},
 * {@code train_freq}, {@code gradient_steps}, {@code batch_size}).
 *
 * @param batchSize transitions per update, at least 1
 * @param learningStarts env steps of random actions before the first update, at least 0
 * @param trainFrequency env steps between rounds of updates, at least 1
 * @param gradientSteps updates per round, at least 1
 */
public record OffPolicySchedule(int batchSize, long learningStarts, long trainFrequency, int gradientSteps) {
    /** Validates the values (configs check them first, with messages naming their fields). */
    public OffPolicySchedule {
        if (batchSize < 1 || learningStarts < 0 || trainFrequency < 1 || gradientSteps < 1) {
            throw new IllegalArgumentException("need batchSize >= 1, learningStarts >= 0, trainFrequency >= 1 and "
                    + "gradientSteps >= 1, got " + batchSize + ", " + learningStarts + ", " + trainFrequency + ", "
                    + gradientSteps);
        }
    }

    /** Whether a round of updates follows env step {@code t} (0-based). */
    public boolean trainsAfter(long t) {
        return t >= learningStarts && (t + 1) % trainFrequency == 0;
    }
}
