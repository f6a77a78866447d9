package dev.quiver.rl.actorcritic;

import dev.quiver.core.env.Env;
import dev.quiver.core.env.EnvSpec;
import dev.quiver.core.seed.Seeds;
import dev.quiver.rl.agent.LearnerConfig;
import dev.quiver.rl.agent.Learner;
import dev.quiver.rl.agent.SavablePolicy;
import dev.quiver.rl.agent.SpaceChecks;
import dev.quiver.rl.agent.TrainingCallback;
import dev.quiver.rl.agent.TrainingCheckpoints;
import dev.quiver.rl.agent.TrainingStateStore;
import java.util.Objects;

/**
 * What the continuous-action actor-critic learners (SAC, TD3) share around their training: the checks that
 * the env has float32 Box observations and bounded float32 Box actions, the action scaling, the argument
 * checks of {@code learn}, and the training-state store for exact resume. A subclass writes only
 * {@link #train}: its networks, its {@link OffPolicyAgent} and the call of {@link OffPolicyLoop}.
 *
 * @param <C> the configuration
 * @param <P> the trained policy
 */
public abstract class ContinuousActorCritic<C extends LearnerConfig<float[], float[]>,
        P extends SavablePolicy<float[], float[]>> implements Learner<float[], float[]> {
    private final String name;
    private final String stateName;
    private final C config;
    private final EnvSpec spec;
    private final int obsDim;
    private final ActionScaling scaling;

    /**
     * A learner for {@code spec}.
     *
     * @param name the algorithm's name in messages, e.g. {@code "SAC"}
     * @param stateName its name in saved training states, e.g. {@code "sac"}
     * @throws dev.quiver.core.error.QuiverUserException unless observations are a float32 Box and actions
     *     a bounded float32 Box
     */
    protected ContinuousActorCritic(String name, String stateName, C config, EnvSpec spec) {
        this.name = Objects.requireNonNull(name, "name");
        this.stateName = Objects.requireNonNull(stateName, "stateName");
        this.config = Objects.requireNonNull(config, "config");
        this.spec = Objects.requireNonNull(spec, "spec");
        this.obsDim = SpaceChecks.requireFloat32Box(name, spec);
        this.scaling = ActionScaling.of(SpaceChecks.requireBoundedFloat32BoxActions(name, spec));
    }

    /**
     * Trains: builds the networks from {@code seeds}, runs {@link OffPolicyLoop} with {@code store} and
     * returns the policy (closing what it built if training fails).
     */
    protected abstract P train(Env<float[], float[]> env, long steps, Seeds seeds, TrainingCallback callback,
            TrainingStateStore store);

    /** The configuration. */
    public final C config() {
        return config;
    }

    @Override
    public final EnvSpec spec() {
        return spec;
    }

    /** Floats per observation. */
    protected final int obsDim() {
        return obsDim;
    }

    /** Floats per action. */
    protected final int actDim() {
        return scaling.size();
    }

    /** The map between the actor's {@code [−1, 1]} actions and the env's bounds. */
    protected final ActionScaling scaling() {
        return scaling;
    }

    /** The env the policy is trained on (id, observation size, scaling), as its checkpoint records it. */
    protected final ContinuousEnvInfo envInfo() {
        return new ContinuousEnvInfo(spec.id(), obsDim, scaling);
    }

    @Override
    public final P learn(Env<float[], float[]> env, long steps, long seed, TrainingCallback callback) {
        return learn(env, steps, seed, callback, TrainingCheckpoints.NONE);
    }

    @Override
    public final boolean savesTrainingState() {
        return true;
    }

    @Override
    public final P learn(Env<float[], float[]> env, long steps, long seed, TrainingCallback callback,
            TrainingCheckpoints checkpoints) {
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be at least 1, got " + steps);
        }
        SpaceChecks.requireSameSpaces(name, spec, env.spec());
        return train(env, steps, Seeds.of(seed), callback,
                new TrainingStateStore(stateName, config.toMap(), seed, steps, checkpoints));
    }
}
