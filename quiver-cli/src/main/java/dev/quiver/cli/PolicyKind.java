package dev.quiver.cli;

/** The policies {@code quiver envs run} and {@code quiver demo} can roll out. */
public enum PolicyKind {
    /** Uniformly random actions from the action space. */
    random,
    /** The greedy policy of value iteration (gamma = 1) on the env's exact tabular model. */
    optimal
}
