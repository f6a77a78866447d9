package dev.quiver.cli;

import dev.quiver.core.env.Env;
import dev.quiver.core.env.Step;
import dev.quiver.core.error.QuiverUserException;
import dev.quiver.core.estimate.Estimate;
import dev.quiver.core.policy.Policy;
import dev.quiver.core.seed.Seeds;
import dev.quiver.eval.bootstrap.PercentileBootstrap;

/** Runs whole episodes of a policy and summarises their returns. */
final class Rollouts {
    /** Confidence of the reported intervals. */
    static final double CONFIDENCE = 0.95;
    /** Bootstrap resamples for the intervals. */
    static final int BOOTSTRAP_REPS = 10_000;
    /** Episodes longer than this (only possible without a time limit) are stopped with an error. */
    static final int MAX_STEPS_WITHOUT_LIMIT = 1_000_000;

    private Rollouts() {
    }

    /**
     * The returns and lengths of {@code episodes} episodes; episode {@code i} resets with seed
     * {@code seeds.child("env", i)}, so each episode is reproducible on its own.
     */
    static Result run(Env<Object, Object> env, Policy<Object, Object> policy, int episodes, Seeds seeds) {
        double[] returns = new double[episodes];
        int[] lengths = new int[episodes];
        for (int i = 0; i < episodes; i++) {
            Object obs = env.reset(seeds.child("env", i).seed()).observation();
            double g = 0;
            int len = 0;
            while (true) {
                Step<Object> s = env.step(policy.act(obs));
                g += s.reward();
                len++;
                obs = s.observation();
                if (s.done()) {
                    break;
                }
                if (len >= MAX_STEPS_WITHOUT_LIMIT) {
                    throw new QuiverUserException(env.spec().id() + ": episode " + i + " ran " + len
                            + " steps without ending; set a time limit with --option max_episode_steps=N");
                }
            }
            returns[i] = g;
            lengths[i] = len;
        }
        return new Result(returns, lengths);
    }

    /** The mean with its 95% percentile-bootstrap interval, resampling with {@code seeds.child("bootstrap")}. */
    static Estimate meanWithInterval(double[] xs, Seeds seeds) {
        return PercentileBootstrap.mean(xs, CONFIDENCE, BOOTSTRAP_REPS, seeds.child("bootstrap").rng());
    }

    /**
     * What a rollout produced.
     *
     * @param returns the undiscounted return of each episode
     * @param lengths the number of steps of each episode
     */
    record Result(double[] returns, int[] lengths) {
        double meanLength() {
            double s = 0;
            for (int l : lengths) {
                s += l;
            }
            return s / lengths.length;
        }
    }
}
