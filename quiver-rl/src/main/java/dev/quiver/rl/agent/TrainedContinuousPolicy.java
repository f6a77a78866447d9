package dev.quiver.rl.agent;

/**
 * A saved or trained policy over flat float32 observations and bounded continuous (float32 Box) actions,
 * with what is needed to check an env against it (the env it was trained on, the sizes of its spaces
 * and the action bounds it scales its actions to).
 */
public interface TrainedContinuousPolicy extends SavablePolicy<float[], float[]> {

    /** The id of the env the policy was trained on. */
    String envId();

    /** Floats per observation. */
    int observationSize();

    /** Floats per action. */
    int actionSize();

    /** The action space's lower bounds, one per action element (a copy). */
    double[] actionLow();

    /** The action space's upper bounds, one per action element (a copy). */
    double[] actionHigh();

    /** The number of env steps it was trained for. */
    long trainedSteps();
}
