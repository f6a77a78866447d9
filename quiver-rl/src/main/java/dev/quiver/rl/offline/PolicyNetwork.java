package dev.quiver.rl.offline;

import dev.quiver.core.error.QuiverUserException;
import dev.quiver.nn.checkpoint.CheckpointReader;
import dev.quiver.nn.checkpoint.CheckpointWriter;
import dev.quiver.nn.net.Mlp;
import dev.quiver.nn.net.Network;
import dev.quiver.rl.agent.ConfigMaps;
import dev.quiver.rl.agent.PolicyCheckpoints;
import dev.quiver.rl.net.OneObservation;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What every offline policy acts with: a ReLU MLP (the actor, or the Q-network of discrete CQL) and the
 * observation normalisation it was trained with. In a checkpoint the network is component
 * {@value #COMPONENT}, the normalisation the arrays of {@link ObservationNormaliser#save}, and the shape
 * {@code config.policy} ({@code hidden}, {@code outputs}). Owns the network.
 */
final class PolicyNetwork implements AutoCloseable {
    static final String COMPONENT = "policy";
    static final String SECTION = "policy";
    static final String CRITIC = "critic";
    private static final String CRITIC_HIDDEN = "critic_hidden";
    private final Network net;
    private final ObservationNormaliser normaliser;
    private final List<Integer> hidden;
    private final int outputs;
    private final Network critic;

    PolicyNetwork(Network net, ObservationNormaliser normaliser, List<Integer> hidden, int outputs) {
        this(net, normaliser, hidden, outputs, null);
    }

    private PolicyNetwork(Network net, ObservationNormaliser normaliser, List<Integer> hidden, int outputs,
            Network critic) {
        this.net = net;
        this.normaliser = normaliser;
        this.hidden = List.copyOf(hidden);
        this.outputs = outputs;
        this.critic = critic;
    }

    /**
     * The same policy holding (and owning) {@code critic} as well: a ReLU {@link Mlp} from the normalised
     * observation and the unit action to one Q value, saved with the policy so that adversarial data
     * corruption can attack it ({@link CriticAttackModel}).
     */
    PolicyNetwork withCritic(Network critic) {
        if (!(critic.spec() instanceof Mlp)) {
            throw new IllegalArgumentException("critic must be an Mlp, got " + critic.spec());
        }
        return new PolicyNetwork(net, normaliser, hidden, outputs, critic);
    }

    /** The critic saved with the policy, or null. */
    Network critic() {
        return critic;
    }

    /** The network's outputs for one (raw) observation. */
    float[] forward(float[] observation) {
        return OneObservation.forward(net, normaliser.apply(observation));
    }

    Network network() {
        return net;
    }

    ObservationNormaliser normaliser() {
        return normaliser;
    }

    /** The shape for {@code config.policy}. */
    Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("hidden", hidden);
        m.put("outputs", outputs);
        if (critic != null) {
            m.put(CRITIC_HIDDEN, Arrays.stream(((Mlp) critic.spec()).hidden()).boxed().toList());
        }
        return m;
    }

    void save(CheckpointWriter w) {
        w.network(COMPONENT, net);
        if (critic != null) {
            w.network(CRITIC, critic);
        }
        normaliser.save(w);
    }

    /**
     * Reads what {@link #save} and {@link #describe} wrote for observations of {@code obsDim} values.
     *
     * @throws QuiverUserException if a part is missing or does not fit
     */
    static PolicyNetwork restore(CheckpointReader ck, int obsDim) {
        Map<String, ?> shape = PolicyCheckpoints.section(ck, SECTION);
        String where = "checkpoint " + ck.dir();
        List<Integer> hidden = ConfigMaps.ints(shape, "hidden", "policy", where);
        int outputs = ConfigMaps.num(shape, "outputs", "policy", where).intValue();
        ObservationNormaliser norm = ObservationNormaliser.restore(ck, obsDim);
        Mlp spec = Mlp.of(obsDim, outputs, hidden.stream().mapToInt(Integer::intValue).toArray());
        Network critic = null;
        if (shape.containsKey(CRITIC_HIDDEN)) {
            int[] criticHidden = ConfigMaps.ints(shape, CRITIC_HIDDEN, "policy", where).stream()
                    .mapToInt(Integer::intValue).toArray();
            critic = PolicyCheckpoints.restore(ck, CRITIC, Mlp.of(obsDim + outputs, 1, criticHidden));
        }
        return new PolicyNetwork(PolicyCheckpoints.restore(ck, COMPONENT, spec), norm, hidden, outputs, critic);
    }

    @Override
    public void close() {
        net.close();
        if (critic != null) {
            critic.close();
        }
    }

    @Override
    public String toString() {
        return net.spec().toString();
    }
}
