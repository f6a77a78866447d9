package dev.quiver.rl.offline;

import dev.quiver.core.env.EnvSpec;
import dev.quiver.core.error.QuiverUserException;
import dev.quiver.core.seed.Seeds;
import dev.quiver.core.space.Discrete;
import dev.quiver.data.dataset.EpisodeDataset;
import dev.quiver.nn.net.Mlp;
import dev.quiver.nn.net.Network;
import dev.quiver.rl.actorcritic.ActionScaling;
import dev.quiver.rl.actorcritic.ContinuousEnvInfo;
import dev.quiver.rl.agent.DiscreteEnvInfo;
import dev.quiver.rl.agent.SpaceChecks;
import dev.quiver.rl.agent.TrainedPolicy;
import dev.quiver.rl.agent.TrainingCallback;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/**
 * What the offline learners share around their updates: the checks of the env's spaces and of the dataset
 * against them, the observation normalisation, the batch source, the loop ({@link OfflineTraining}), and the
 * policy they return. A subclass writes only {@link #newTrainer}: its networks, optimizers and update.
 *
 * <p>Randomness: {@code Seeds.of(seed).child("sampler")} draws the batches; the trainer gets the root
 * {@link Seeds} and uses {@code child("init")} for its networks and {@code child("noise")} for any noise.
 *
 * @param <A> action type ({@code float[]} or {@code Integer})
 */
public abstract class AbstractOfflineLearner<A> implements OfflineLearner<A> {
    private final String name;
    private final String displayName;
    private final Map<String, Object> config;
    private final EnvSpec spec;
    private final int obsDim;
    private final ActionScaling scaling;
    private final int numActions;
    private final int batchSize;
    private final boolean normalise;

    /**
     * A learner for {@code spec}.
     *
     * @param name the algorithm's name in checkpoints, e.g. {@code iql}
     * @param displayName its name in messages, e.g. {@code IQL}
     * @param config the configuration as its {@code toMap()}, saved with the policy
     * @param normalise whether observations are standardised with the dataset's statistics
     * @param discrete whether the algorithm supports Discrete action spaces (all support bounded Box ones)
     * @throws QuiverUserException unless observations are a float32 Box and actions Discrete (when supported)
     *     or a bounded float32 Box
     */
    protected AbstractOfflineLearner(String name, String displayName, Map<String, Object> config, EnvSpec spec, int batchSize,
            boolean normalise, boolean discrete) {
        this.name = Objects.requireNonNull(name, "name");
        this.displayName = Objects.requireNonNull(displayName, "displayName");
        this.config = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(config));
        this.spec = Objects.requireNonNull(spec, "spec");
        this.obsDim = SpaceChecks.requireFloat32Box(displayName, spec);
        if (spec.actionSpace() instanceof Discrete) {
            if (!discrete) {
                throw new QuiverUserException(displayName + " needs a float32 Box action space with finite bounds, but"
                        + " env '" + spec.id() + "' has action space " + spec.actionSpace());
            }
            this.numActions = SpaceChecks.requireDiscrete(displayName, spec);
            this.scaling = null;
        } else {
            this.scaling = ActionScaling.of(SpaceChecks.requireBoundedFloat32BoxActions(displayName, spec));
            this.numActions = 0;
        }
        this.batchSize = batchSize;
        this.normalise = normalise;
    }

    /** The networks, optimizers and update of one training run. */
    protected interface Trainer extends AutoCloseable {
        /** One gradient update on a prepared batch; returns its metrics. */
        Map<String, Double> update(OfflineBatch batch, long step);

        /** The network the policy acts with (an {@link Mlp}); it outlives {@link #close()}. */
        Network policyNetwork();

        /**
         * A standalone copy of a critic to save with the final policy (a ReLU {@link Mlp} from the normalised
         * observation and the unit action to one Q value, for adversarial data corruption), or null (the
         * default) to save none. The caller owns and closes it.
         */
        default Network criticToKeep() {
            return null;
        }

        /** Frees every network and optimizer except {@link #policyNetwork()}. */
        @Override
        void close();
    }

    /**
     * The trainer of one run of {@code steps} gradient steps.
     *
     * @param seeds the run's root seeds (use {@code child("init")} and {@code child("noise")})
     */
    protected abstract Trainer newTrainer(Seeds seeds, long steps);

    @Override
    public final EnvSpec spec() {
        return spec;
    }

    /** Whether the env's actions are discrete. */
    protected final boolean discrete() {
        return scaling == null;
    }

    /** Floats per observation. */
    protected final int obsDim() {
        return obsDim;
    }

    /** Floats per continuous action (0 for discrete actions). */
    protected final int actDim() {
        return scaling == null ? 0 : scaling.size();
    }

    /** The number of discrete actions (0 for continuous actions). */
    protected final int numActions() {
        return numActions;
    }

    /** The algorithm's name in messages. */
    protected final String displayName() {
        return displayName;
    }

    @Override
    @SuppressWarnings("unchecked")
    public final TrainedPolicy<A> fit(EpisodeDataset data, BatchSource.Factory sampler, long steps, long seed,
            TrainingCallback callback) {
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be at least 1, got " + steps);
        }
        DatasetChecks.requireCompatible(displayName, "given to fit()", data, spec);
        Seeds seeds = Seeds.of(seed);
        ObservationNormaliser norm = ObservationNormaliser.of(data, normalise);
        BatchSource source = sampler.create(data, seeds.child("sampler").rng());
        OfflineBatch batch = new OfflineBatch(data, batchSize, norm, scaling, numActions);
        Trainer trainer = newTrainer(seeds, steps);
        Network policyNet = trainer.policyNetwork();
        PolicyNetwork net;
        try (trainer) {
            if (!(policyNet.spec() instanceof Mlp mlp)) {
                throw new IllegalStateException("policy network must be an Mlp, got " + policyNet.spec());
            }
            PolicyNetwork live = new PolicyNetwork(policyNet, norm, Arrays.stream(mlp.hidden()).boxed().toList(),
                    mlp.outputSize());
            OfflineTraining.run(steps, source, batch, trainer::update, s -> policy(live, s, false), callback);
            Network critic = trainer.criticToKeep();
            net = critic == null ? live : live.withCritic(critic);
        } catch (RuntimeException | Error e) {
            policyNet.close();
            throw e;
        }
        return (TrainedPolicy<A>) policy(net, steps, true);
    }

    private TrainedPolicy<?> policy(PolicyNetwork net, long steps, boolean owner) {
        if (discrete()) {
            return new OfflineDiscretePolicy(name, config, new DiscreteEnvInfo(spec.id(), obsDim, numActions), net,
                    steps, owner);
        }
        return new OfflineContinuousPolicy(name, config, new ContinuousEnvInfo(spec.id(), obsDim, scaling), net, steps,
                owner);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + spec.id() + ", " + config + "]";
    }
}
