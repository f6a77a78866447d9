package dev.quiver.rl.td3;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.quiver.nn.net.Mlp;
import dev.quiver.nn.net.Network;
import dev.quiver.rl.actorcritic.ActorPolicy;
import dev.quiver.rl.actorcritic.ContinuousEnvInfo;
import dev.quiver.rl.actorcritic.MlpSpecs;
import java.nio.file.Path;

/**
 * The deterministic policy of a TD3 actor: {@code act(s) = tanh(MLP(s))} mapped onto the env's action
 * bounds. Owns the actor's native memory: close it when done.
 *
 * <p>Checkpoints ({@link #save}, {@link #load}) are {@link ActorPolicy} directories with algorithm
 * {@value #ALGORITHM}: the actor under component {@code actor}, the {@link Td3Config} under
 * {@code config.td3} and the env under {@code config.env}. The critics and target networks are not saved.
 *
 * @see <a href="https://arxiv.org/abs/1802.09477">Fujimoto, S., van Hoof, H. and Meger, D. (2018).
 *     Addressing Function Approximation Error in Actor-Critic Methods. ICML. arXiv:1802.09477</a>
 */
public final class Td3Policy extends ActorPolicy<Td3Config> {
    /** The checkpoint's algorithm name. */
    public static final String ALGORITHM = "td3";

    Td3Policy(Network actor, Td3Config config, ContinuousEnvInfo env, long trainedSteps) {
        super(ALGORITHM, actor, config, env, trainedSteps);
    }

    /** The actor's MLP (its outputs are squashed by tanh): ReLU hidden layers, {@code |A|} outputs. */
    static Mlp actorSpec(Td3Config config, int obsDim, int actDim) {
        return MlpSpecs.relu(obsDim, actDim, config.hidden());
    }

    /** {@code tanh(MLP(obs))} for a batch of observations: actions in {@code [−1, 1]}. */
    static NDArray unitActions(Network actor, NDArray obs, boolean training) {
        return actor.forward(obs, training).tanh();
    }

    /** The action in {@code [−1, 1]} for one observation. */
    static float[] unitActionOf(Network actor, float[] observation) {
        int obsDim = (int) actor.spec().inputShape().get(1);
        if (observation.length != obsDim) {
            throw new IllegalArgumentException("observation has " + observation.length + " values, the network expects "
                    + obsDim);
        }
        try (NDManager step = actor.manager().newSubManager()) {
            return unitActions(actor, step.create(observation, new Shape(1, obsDim)), false).toFloatArray();
        }
    }

    @Override
    protected float[] unitAction(Network actor, float[] observation) {
        return unitActionOf(actor, observation);
    }

    /**
     * Loads a policy saved by {@link #save}.
     *
     * @throws dev.quiver.core.error.QuiverUserException if {@code dir} is not a readable TD3 checkpoint or its
     *     tensors do not match the architecture its config describes
     */
    public static Td3Policy load(Path dir) {
        Loaded<Td3Config> l = ActorPolicy.load(dir, ALGORITHM, Td3Config::fromMap, Td3Policy::actorSpec);
        return new Td3Policy(l.actor(), l.config(), l.env(), l.trainedSteps());
    }
}
