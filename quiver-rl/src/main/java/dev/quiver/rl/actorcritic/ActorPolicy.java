package dev.quiver.rl.actorcritic;

import dev.quiver.nn.checkpoint.CheckpointReader;
import dev.quiver.nn.net.Network;
import dev.quiver.nn.net.NetworkSpec;
import dev.quiver.rl.agent.LearnerConfig;
import dev.quiver.rl.agent.PolicyCheckpoints;
import dev.quiver.rl.agent.TrainedContinuousPolicy;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The deterministic policy of a continuous-action actor network (SAC's squashed mean, TD3's tanh output):
 * what the two share — the env it was trained on, the action scaling, the checkpoint layout, closing —
 * while each algorithm says how its actor's output becomes an action in {@code [−1, 1]}. Owns the actor's
 * native memory: close it when done.
 *
 * <p>Checkpoints are {@code CheckpointWriter} directories with the algorithm's name, the actor under
 * component {@code actor}, and a config holding the algorithm's config under its key (e.g.
 * {@code config.sac}) and the env ({@code config.env}: id, observation size, action bounds; see
 * {@link ContinuousEnvInfo}). Critics and targets are not saved: the policy needs only the actor.
 *
 * @param <C> the algorithm's configuration
 */
public abstract class ActorPolicy<C extends LearnerConfig<float[], float[]>> implements TrainedContinuousPolicy {
    private final String algorithm;
    private final Network actor;
    private final C config;
    private final ContinuousEnvInfo env;
    private final long trainedSteps;

    /**
     * @param algorithm the checkpoint's algorithm name, also the config's key in the checkpoint
     * @param actor the actor network (owned from now on)
     */
    protected ActorPolicy(String algorithm, Network actor, C config, ContinuousEnvInfo env, long trainedSteps) {
        this.algorithm = algorithm;
        this.actor = actor;
        this.config = config;
        this.env = env;
        this.trainedSteps = trainedSteps;
    }

    /** The action in {@code [−1, 1]} the actor gives for one observation. */
    protected abstract float[] unitAction(Network actor, float[] observation);

    /** The deterministic action, mapped onto the action bounds. */
    @Override
    public final float[] act(float[] observation) {
        return env.scaling().toEnv(unitAction(actor, observation));
    }

    /** The configuration that trained this policy. */
    public final C config() {
        return config;
    }

    /** The env the policy was trained on: id, observation size, action scaling. */
    public final ContinuousEnvInfo env() {
        return env;
    }

    @Override
    public final String envId() {
        return env.id();
    }

    @Override
    public final int observationSize() {
        return env.observationSize();
    }

    @Override
    public final int actionSize() {
        return env.scaling().size();
    }

    @Override
    public final double[] actionLow() {
        return env.scaling().low();
    }

    @Override
    public final double[] actionHigh() {
        return env.scaling().high();
    }

    @Override
    public final long trainedSteps() {
        return trainedSteps;
    }

    /** The actor network (live; owned by this policy). */
    public final Network actor() {
        return actor;
    }

    @Override
    public final void save(Path dir) {
        PolicyCheckpoints.writer(algorithm, trainedSteps, algorithm, config.toMap(), env.toMap())
                .network("actor", actor).write(dir);
    }

    /**
     * What a checkpoint written by {@link #save} holds, read back: the actor (with the architecture the
     * config describes), the config, the env and the step count.
     *
     * @param <C> the configuration type
     */
    public record Loaded<C>(Network actor, C config, ContinuousEnvInfo env, long trainedSteps) {
    }

    /**
     * Reads a checkpoint of {@code algorithm} written by {@link #save}.
     *
     * @param fromMap reads the algorithm's config map ({@code where} names the checkpoint)
     * @param actorSpec the actor architecture for a config, observation size and action size
     * @throws dev.quiver.core.error.QuiverUserException if {@code dir} is not a readable checkpoint of
     *     {@code algorithm} or its tensors do not match the architecture
     */
    public static <C> Loaded<C> load(Path dir, String algorithm, BiFunction<Map<String, ?>, String, C> fromMap,
            ActorSpec<C> actorSpec) {
        CheckpointReader ck = PolicyCheckpoints.open(dir, algorithm);
        String where = "checkpoint " + dir;
        C config = fromMap.apply(PolicyCheckpoints.section(ck, algorithm), where);
        ContinuousEnvInfo env = ContinuousEnvInfo.fromMap(PolicyCheckpoints.section(ck, "env"), where);
        Network net = PolicyCheckpoints.restore(ck, "actor",
                actorSpec.of(config, env.observationSize(), env.scaling().size()));
        return new Loaded<>(net, config, env, ck.step());
    }

    /** An actor architecture for a configuration and the env's sizes. */
    @FunctionalInterface
    public interface ActorSpec<C> {
        /** The actor's network spec. */
        NetworkSpec of(C config, int obsDim, int actDim);
    }

    @Override
    public final void close() {
        actor.close();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + env.id() + ", " + actor.spec() + ", " + trainedSteps + " steps]";
    }
}
