package dev.quiver.rl.eval;

import dev.quiver.core.env.Env;
import dev.quiver.core.env.Step;
import dev.quiver.core.policy.Policy;
import dev.quiver.core.seed.Seeds;
import dev.quiver.eval.bootstrap.PercentileBootstrap;

/**
 * Runs a policy for whole episodes and reports each episode's return and length, with the mean
 * return's 95% percentile-bootstrap interval.
 *
 * <p>Seeding: episode {@code i} is started with {@code env.reset(seed + i)}, as a vector env seeds
 * copy {@code i}; so episode {@code i} of an evaluation is reproducible on its own and matches copy
 * {@code i} of a vector env reset with {@code seed}. The bootstrap draws from the stream
 * {@code Seeds.of(seed).child("bootstrap")}. With a deterministic policy the whole result depends only
 * on the env, the policy and {@code seed}; a stochastic policy brings its own generator.
 *
 * <p>Episodes run until terminated or truncated, so the env must end its episodes (registered envs
 * carry their time limit).
 */
public final class Evaluation {
    /** Bootstrap resamples for the mean's interval. */
    public static final int BOOTSTRAP_REPS = 10_000;
    /** Nominal coverage of the mean's interval. */
    public static final double CONFIDENCE = 0.95;

    private Evaluation() {
    }

    /**
     * Plays {@code episodes} episodes of {@code policy} on {@code env}.
     *
     * @param env the env (reset at the start of every episode; not closed)
     * @param policy the policy, usually deterministic (greedy)
     * @param episodes the number of episodes, at least 1
     * @param seed episode {@code i} is reset with {@code seed + i}
     * @return per-episode returns and lengths and the mean return with its interval
     */
    public static <O, A> EvaluationResult run(Env<O, A> env, Policy<O, A> policy, int episodes, long seed) {
        if (episodes < 1) {
            throw new IllegalArgumentException("episodes must be at least 1, got " + episodes);
        }
        double[] returns = new double[episodes];
        int[] lengths = new int[episodes];
        for (int i = 0; i < episodes; i++) {
            O obs = env.reset(seed + i).observation();
            double ret = 0;
            int len = 0;
            while (true) {
                Step<O> step = env.step(policy.act(obs));
                ret += step.reward();
                len++;
                if (step.terminated() || step.truncated()) {
                    break;
                }
                obs = step.observation();
            }
            returns[i] = ret;
            lengths[i] = len;
        }
        var mean = PercentileBootstrap.mean(returns, CONFIDENCE, BOOTSTRAP_REPS,
                Seeds.of(seed).child("bootstrap").rng());
        return new EvaluationResult(returns, lengths, mean);
    }
}
