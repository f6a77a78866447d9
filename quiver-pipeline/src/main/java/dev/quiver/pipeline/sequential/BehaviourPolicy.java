package dev.quiver.pipeline.sequential;

import dev.quiver.core.policy.DiscreteStochasticPolicy;
import dev.quiver.core.policy.Policy;
import dev.quiver.core.space.Space;
import dev.quiver.data.collect.EpsilonRandomPolicy;
import dev.quiver.ope.sequential.EpsilonGreedyPolicy;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The policy that logs a sequential study's data: a {@link ScriptedControllers scripted controller} or the
 * uniform policy, taking a uniformly random action with probability {@code epsilon} at each step. The same
 * object acts (for collection and for online verification) and, for Discrete actions, gives the action
 * probabilities importance sampling needs: {@code pi_b(a|s) = epsilon / n + (1 - epsilon) 1[a = c(s)]}, exactly
 * the distribution of quiver-data's {@code EpsilonRandomPolicy} over the controller {@code c}.
 *
 * @param kind {@code scripted} or {@code uniform}
 * @param envId the env
 * @param epsilon the probability of a uniformly random action, in [0, 1] (1 for {@code uniform})
 */
public record BehaviourPolicy(String kind, String envId, double epsilon) {
    /** Makes {@code uniform} an epsilon of 1. */
    public BehaviourPolicy {
        if (kind.equals("uniform")) {
            epsilon = 1.0;
        }
    }

    /** The deterministic part: the controller, or a constant action the epsilon of 1 always overrides. */
    public <A> Policy<float[], A> base(Space<A> actionSpace) {
        if (kind.equals("scripted")) {
            return ScriptedControllers.of(envId);
        }
        A any = actionSpace.sample(dev.quiver.core.seed.Seeds.of(0).rng());
        return s -> any;
    }

    /** The behaviour as it acts: {@link #base} with epsilon-random actions drawn from {@code rng}. */
    public <A> Policy<float[], A> acting(Space<A> actionSpace, UniformRandomProvider rng) {
        return new EpsilonRandomPolicy<>(base(actionSpace), actionSpace, epsilon, rng);
    }

    /** The action probabilities of the behaviour for a Discrete action space of {@code numActions}. */
    public DiscreteStochasticPolicy<float[]> probabilities(dev.quiver.core.space.Discrete space) {
        Policy<float[], Integer> greedy = base(space);
        return EpsilonGreedyPolicy.of(greedy, space.n(), epsilon);
    }

    /** A description for reports, e.g. {@code scripted controller, epsilon 0.3}. */
    public String describe() {
        return kind.equals("uniform") ? "uniformly random actions"
                : "scripted controller with " + epsilon + " probability of a uniformly random action";
    }

    /** The settings as a JSON-ready map. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", kind);
        m.put("env", envId);
        m.put("epsilon", epsilon);
        return m;
    }
}
