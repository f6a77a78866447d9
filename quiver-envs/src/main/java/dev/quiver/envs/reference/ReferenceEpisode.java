package dev.quiver.envs.reference;

/**
 * One recorded episode of a Gymnasium reference file: the rows of one {@code (policy, seed)} pair,
 * from the reset row {@code t = 0} to the last recorded step.
 *
 * <p>Arrays are indexed by {@code t}; entry 0 of {@code actions} and {@code rewards} is {@code NaN}
 * (the reset row has none). The arrays are shared, not copied: treat them as read-only.
 *
 * @param policy the action rule that generated the actions ({@code lcg}, {@code feedback}, ...)
 * @param seed the seed passed to Gymnasium's {@code reset(seed=...)}
 * @param lines the 1-based line number in the file of each row
 * @param actions the action applied at step t (a discrete action as an integral double)
 * @param rewards the reward returned by step t
 * @param terminated the terminated flag returned by step t
 * @param truncated the truncated flag returned by step t
 * @param observations the observation at t (reset's at t = 0), as doubles (exact for float32)
 * @param states the env's internal state after step t ({@code env.unwrapped.state})
 */
public record ReferenceEpisode(String policy, long seed, int[] lines, double[] actions, double[] rewards,
        boolean[] terminated, boolean[] truncated, double[][] observations, double[][] states) {

    /** The number of steps recorded (rows after the reset row). */
    public int steps() {
        return lines.length - 1;
    }

    /** The internal state at reset, used to initialise the replaying env. */
    public double[] initialState() {
        return states[0].clone();
    }

    @Override
    public String toString() {
        return "ReferenceEpisode[" + policy + ", seed " + seed + ", " + steps() + " steps, lines " + lines[0] + "-"
                + lines[lines.length - 1] + "]";
    }
}
