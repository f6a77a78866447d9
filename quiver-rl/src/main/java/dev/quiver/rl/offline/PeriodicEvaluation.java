package dev.quiver.rl.offline;

import dev.quiver.core.env.Env;
import dev.quiver.core.policy.Policy;
import dev.quiver.rl.agent.TrainingCallback;
import dev.quiver.rl.eval.Evaluation;
import dev.quiver.rl.eval.EvaluationResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Online evaluation of an offline learner's policy while it trains: every {@code interval} gradient steps
 * the current deterministic policy plays {@code episodes} episodes on an env (episode {@code i} reset with
 * {@code seed + i}, the same starts at every evaluation, see {@link Evaluation}), and
 * {@code eval/mean_return} (with {@code eval/normalized_score} when {@link NormalisedScore} knows the env)
 * goes to the wrapped callback. Training metrics pass through unchanged.
 *
 * @param <A> the env's action type
 */
public final class PeriodicEvaluation<A> implements TrainingCallback {
    /** Hears each evaluation (e.g. to keep the best policy). */
    @FunctionalInterface
    public interface Listener {
        /**
         * Called after the evaluation at gradient step {@code step}; the policy is live: save it now, do not
         * keep or close it.
         */
        void evaluated(long step, Policy<?, ?> policy, EvaluationResult result);
    }

    /**
     * One evaluation.
     *
     * @param step the gradient step (0-based) after which it ran
     * @param meanReturn the mean return over the episodes
     */
    public record Point(long step, double meanReturn) {
    }

    private final Env<float[], A> env;
    private final long interval;
    private final int episodes;
    private final long seed;
    private final TrainingCallback delegate;
    private final Listener listener;
    private final List<Point> history = new ArrayList<>();

    /**
     * @param env the env to play (reset by each evaluation; not closed; not the dataset's source)
     * @param interval gradient steps between evaluations, at least 1
     * @param episodes episodes per evaluation, at least 1
     * @param seed episode {@code i} of every evaluation is reset with {@code seed + i}
     * @param delegate receives the training and evaluation metrics
     * @param listener hears each evaluation, or {@code null}
     */
    public PeriodicEvaluation(Env<float[], A> env, long interval, int episodes, long seed, TrainingCallback delegate,
            Listener listener) {
        if (interval < 1 || episodes < 1) {
            throw new IllegalArgumentException("interval and episodes must be at least 1, got " + interval + ", "
                    + episodes);
        }
        this.env = Objects.requireNonNull(env, "env");
        this.interval = interval;
        this.episodes = episodes;
        this.seed = seed;
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.listener = listener;
    }

    @Override
    public void onMetrics(long step, Map<String, Double> metrics) {
        delegate.onMetrics(step, metrics);
    }

    @Override
    public long policyInterval() {
        return interval;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void onPolicy(long step, Policy<?, ?> policy) {
        EvaluationResult r = Evaluation.run(env, (Policy<float[], A>) policy, episodes, seed);
        double mean = r.meanReturn().point();
        history.add(new Point(step, mean));
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("eval/mean_return", mean);
        m.put("eval/episodes", (double) episodes);
        NormalisedScore.reference(env.spec().id()).ifPresent(ref -> m.put("eval/normalized_score", ref.score(mean)));
        delegate.onMetrics(step, m);
        if (listener != null) {
            listener.evaluated(step, policy, r);
        }
    }

    /** The evaluations so far, in order. */
    public List<Point> history() {
        return Collections.unmodifiableList(history);
    }
}
