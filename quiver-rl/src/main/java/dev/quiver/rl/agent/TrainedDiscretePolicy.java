package dev.quiver.rl.agent;

/**
 * A saved or trained policy over flat float32 observations and discrete actions, with what is needed
 * to check an env against it (the env it was trained on and the sizes of its spaces).
 */
public interface TrainedDiscretePolicy extends SavablePolicy<float[], Integer> {

    /** The id of the env the policy was trained on. */
    String envId();

    /** Floats per observation. */
    int observationSize();

    /** The number of discrete actions. */
    int numActions();

    /** The number of env steps it was trained for. */
    long trainedSteps();
}
