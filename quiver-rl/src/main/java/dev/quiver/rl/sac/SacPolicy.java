package dev.quiver.rl.sac;

import dev.quiver.nn.net.Network;
import dev.quiver.nn.net.NetworkSpec;
import dev.quiver.rl.actorcritic.ActorPolicy;
import dev.quiver.rl.actorcritic.ContinuousEnvInfo;
import dev.quiver.rl.actorcritic.MlpSpecs;
import dev.quiver.rl.net.OneObservation;
import java.nio.file.Path;

/**
 * The deterministic policy of a SAC actor: {@code act(s)} is the squashed mean {@code tanh(μ(s))} mapped
 * onto the env's action bounds (the usual evaluation mode of SAC). Owns the actor's native memory: close it
 * when done.
 *
 * <p>Checkpoints ({@link #save}, {@link #load}) are {@link ActorPolicy} directories with algorithm
 * {@value #ALGORITHM}: the actor under component {@code actor}, the {@link SacConfig} under
 * {@code config.sac} and the env under {@code config.env}. The critics are not saved: the policy needs only
 * the actor.
 *
 * @see <a href="https://arxiv.org/abs/1801.01290">Haarnoja, T. et al. (2018). Soft Actor-Critic: Off-Policy
 *     Maximum Entropy Deep Reinforcement Learning with a Stochastic Actor. ICML. arXiv:1801.01290</a>
 */
public final class SacPolicy extends ActorPolicy<SacConfig> {
    /** The checkpoint's algorithm name. */
    public static final String ALGORITHM = "sac";

    SacPolicy(Network actor, SacConfig config, ContinuousEnvInfo env, long trainedSteps) {
        super(ALGORITHM, actor, config, env, trainedSteps);
    }

    /**
     * The actor: a ReLU MLP with {@code 2|A|} outputs, the means and the log standard deviations; with gSDE
     * a {@link StateDependentActor} (means and features, and a log standard deviation matrix).
     */
    static NetworkSpec actorSpec(SacConfig config, int obsDim, int actDim) {
        if (config.useSde()) {
            return new StateDependentActor(obsDim, actDim, config.hidden(), config.logStdInit());
        }
        return MlpSpecs.relu(obsDim, 2 * actDim, config.hidden());
    }

    /** The actor's outputs for one observation. */
    static float[] forward(Network actor, float[] observation) {
        return OneObservation.forward(actor, observation);
    }

    /** The deterministic action {@code tanh(μ(s))} in {@code [−1, 1]}. */
    @Override
    protected float[] unitAction(Network actor, float[] observation) {
        if (config().useSde()) {
            return StateDependentNoise.action(forward(actor, observation), actionSize(), null);
        }
        return SquashedGaussian.action(forward(actor, observation), null);
    }

    /**
     * Loads a policy saved by {@link #save}.
     *
     * @throws dev.quiver.core.error.QuiverUserException if {@code dir} is not a readable SAC checkpoint or its
     *     tensors do not match the architecture its config describes
     */
    public static SacPolicy load(Path dir) {
        Loaded<SacConfig> l = ActorPolicy.load(dir, ALGORITHM, SacConfig::fromMap, SacPolicy::actorSpec);
        return new SacPolicy(l.actor(), l.config(), l.env(), l.trainedSteps());
    }
}
