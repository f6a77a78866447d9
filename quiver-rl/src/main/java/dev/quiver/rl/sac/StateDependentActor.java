package dev.quiver.rl.sac;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.util.PairList;
import dev.quiver.core.seed.Seeds;
import dev.quiver.nn.net.LayerInit;
import dev.quiver.nn.net.Network;
import dev.quiver.nn.net.NetworkSpec;
import dev.quiver.nn.net.WeightInit;
import java.util.List;
import java.util.Map;

/**
 * The SAC actor for generalised state-dependent exploration (gSDE, Raffin et al. 2022): a ReLU MLP body
 * whose last hidden layer gives the features {@code z(s)}, a linear mean head {@code μ(s) = clip(W z(s) + b,
 * −2, 2)} (Stable-Baselines3's {@code clip_mean = 2}), and a parameter matrix {@code log σ} of shape
 * {@code (|z|, |A|)} initialised to {@code logStdInit}.
 *
 * <p>The block's one output per observation is {@code [μ(s) | z(s)]}, {@code |A| + |z|} values; the log
 * standard deviations are read with {@link #logStd(Network)}. Weights have PyTorch's default
 * {@code nn.Linear} initialisation, as SB3's actor.
 *
 * @param obsDim observation size
 * @param actDim action size
 * @param hidden hidden layer widths (the last one is the feature size {@code |z|})
 * @param logStdInit the initial value of every {@code log σ_ij}
 * @see StateDependentNoise
 * @see <a href="https://proceedings.mlr.press/v164/raffin22a.html">Raffin, A., Kober, J. and Stulp, F. (2022).
 *     Smooth Exploration for Robotic Reinforcement Learning. CoRL 2021, PMLR 164</a>
 */
record StateDependentActor(int obsDim, int actDim, List<Integer> hidden, double logStdInit) implements NetworkSpec {
    /** The parameter name of the log standard deviations. */
    static final String LOG_STD = "log_std";
    /** Stable-Baselines3's bound on the actor's mean before the squashing. */
    static final float CLIP_MEAN = 2f;

    StateDependentActor {
        hidden = List.copyOf(hidden);
        if (hidden.isEmpty()) {
            throw new IllegalArgumentException("gSDE actor needs at least one hidden layer");
        }
    }

    /** The feature size {@code |z|}: the last hidden width. */
    int featureSize() {
        return hidden.get(hidden.size() - 1);
    }

    @Override
    public Block newBlock() {
        return new ActorBlock(this);
    }

    @Override
    public Shape inputShape() {
        return new Shape(1, obsDim);
    }

    @Override
    public void initialise(Block block, Seeds seeds) {
        ActorBlock b = (ActorBlock) block;
        LayerInit.initialise(b.body, seeds.child("body"), WeightInit.TORCH_DEFAULT, 1.0, WeightInit.TORCH_DEFAULT, 1.0);
        LayerInit.initialise(b.mean, seeds.child("mean"), WeightInit.TORCH_DEFAULT, 1.0, WeightInit.TORCH_DEFAULT,
                1.0);
        NDArray logStd = b.logStd.getArray();
        logStd.set(logStd.onesLike().mul((float) logStdInit).toFloatArray());
    }

    /** The live {@code log σ} parameter ({@code (|z|, |A|)}) of an actor of this architecture. */
    static NDArray logStd(Network actor) {
        for (Map.Entry<String, NDArray> e : actor.parameters().entrySet()) {
            if (e.getKey().endsWith(LOG_STD)) {
                return e.getValue();
            }
        }
        throw new IllegalArgumentException("not a gSDE actor: " + actor.spec());
    }

    /** The DJL block: body, mean head and the {@code log σ} parameter. */
    private static final class ActorBlock extends AbstractBlock {
        private final StateDependentActor spec;
        private final SequentialBlock body;
        private final Linear mean;
        private final Parameter logStd;

        ActorBlock(StateDependentActor spec) {
            super((byte) 1);
            this.spec = spec;
            SequentialBlock b = new SequentialBlock();
            for (int h : spec.hidden) {
                b.add(Linear.builder().setUnits(h).build());
                b.add(Activation.reluBlock());
            }
            this.body = addChildBlock("body", b);
            this.mean = addChildBlock("mean", Linear.builder().setUnits(spec.actDim).build());
            this.logStd = addParameter(Parameter.builder().setName(LOG_STD).setType(Parameter.Type.OTHER)
                    .optShape(new Shape(spec.featureSize(), spec.actDim))
                    .optInitializer(new ConstantInitializer((float) spec.logStdInit)).build());
        }

        @Override
        protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                PairList<String, Object> params) {
            NDList z = body.forward(store, inputs, training, params);
            NDArray mu = mean.forward(store, z, training, params).singletonOrThrow().clip(-CLIP_MEAN, CLIP_MEAN);
            return new NDList(mu.concat(z.singletonOrThrow(), 1));
        }

        @Override
        public Shape[] getOutputShapes(Shape[] inputShapes) {
            return new Shape[] {new Shape(inputShapes[0].get(0), spec.actDim + spec.featureSize())};
        }

        @Override
        protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
            body.initialize(manager, dataType, inputShapes);
            mean.initialize(manager, dataType, body.getOutputShapes(inputShapes));
        }
    }
}
