package dev.quiver.data.collect;

import dev.quiver.core.env.Env;
import dev.quiver.core.env.Step;
import dev.quiver.core.error.QuiverUserException;
import dev.quiver.core.policy.Policy;
import dev.quiver.core.policy.RandomPolicy;
import dev.quiver.core.seed.Seeds;
import dev.quiver.core.space.Space;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Records datasets by playing policies in an env through a {@link DatasetRecorder}: one policy for every
 * episode ({@link #collect}), optionally with epsilon-random actions, or a D4RL-style mixture of uniformly
 * random and expert episodes ({@link #collectMix}).
 *
 * <p>Everything is determined by {@link CollectConfig#seed()}: episode {@code i} resets with
 * {@link #episodeSeed(long, int)}; the uniformly random policy draws from the child stream
 * {@code "random-actions"}, the epsilon coin flips (and their random actions) from {@code "epsilon"}, and the
 * choice of expert episodes from {@code "mix"}. The same seed, env and (deterministic) policies give the
 * same dataset.
 *
 * @see <a href="https://arxiv.org/abs/2004.07219">Fu, Kumar, Nachum, Tucker, Levine (2020), D4RL: Datasets for
 *     Deep Data-Driven Reinforcement Learning, arXiv:2004.07219</a> (random, medium, expert, medium-replay
 *     and mixed datasets)
 */
public final class Collector {
    private Collector() {
    }

    /**
     * The reset seed of episode {@code i} under root seed {@code seed}: {@code Seeds.of(seed).child("env", i)},
     * made non-negative (Gymnasium and Minari accept only non-negative seeds).
     */
    public static long episodeSeed(long seed, int i) {
        return Seeds.of(seed).child("env", i).seed() & Long.MAX_VALUE;
    }

    /** The uniformly random policy over {@code actionSpace} that {@link #collectMix} uses, for root seed {@code seed}. */
    public static <O, A> Policy<O, A> randomPolicy(Space<A> actionSpace, long seed) {
        return new RandomPolicy<>(actionSpace, Seeds.of(seed).child("random-actions").rng());
    }

    /**
     * Plays {@code policy} for {@code config.episodes()} episodes (with probability {@code config.epsilon()} of
     * a uniformly random action at each step) and returns what was recorded.
     *
     * @throws QuiverUserException if an episode runs past {@code config.maxEpisodeSteps()}
     */
    public static <O, A> CollectedData collect(Env<O, A> env, Policy<O, A> policy, CollectConfig config) {
        return run(env, policy, null, new boolean[config.episodes()], config);
    }

    /**
     * Records a mixture of uniformly random episodes and {@code expert} episodes: exactly
     * {@link #expertCount(int, double)} of the {@code config.episodes()} episodes, at positions drawn uniformly
     * without replacement ({@link #expertEpisodes}); the others take uniformly random actions. Epsilon-random
     * actions, if any, apply to every episode.
     *
     * @param expertFraction the fraction of expert episodes, in [0, 1] (e.g. 0.01, 0.05, 0.1)
     * @throws QuiverUserException if the fraction is out of range or rounds to no expert episode at all
     */
    public static <O, A> CollectedData collectMix(Env<O, A> env, Policy<O, A> expert, double expertFraction,
            CollectConfig config) {
        int[] chosen = expertEpisodes(config.episodes(), expertFraction, config.seed());
        boolean[] isExpert = new boolean[config.episodes()];
        for (int i : chosen) {
            isExpert[i] = true;
        }
        return run(env, randomPolicy(env.actionSpace(), config.seed()), expert, isExpert, config);
    }

    /**
     * The number of expert episodes among {@code episodes} for {@code fraction}: {@code round(fraction *
     * episodes)}, halves rounded up.
     *
     * @throws QuiverUserException if the fraction is not in [0, 1], or is positive but rounds to 0
     */
    public static int expertCount(int episodes, double fraction) {
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new QuiverUserException("expert fraction must be in [0, 1], got " + fraction);
        }
        int k = (int) Math.min(episodes, Math.round(fraction * episodes));
        if (fraction > 0 && k == 0) {
            throw new QuiverUserException("expert fraction " + fraction + " of " + episodes + " episodes rounds to no"
                    + " expert episode; record at least " + (int) Math.ceil(0.5 / fraction) + " episodes");
        }
        return k;
    }

    /**
     * Which episodes the expert plays: {@link #expertCount} indices drawn uniformly without replacement from
     * {@code 0 .. episodes - 1} with the {@code "mix"} child stream of {@code seed} (a partial Fisher-Yates
     * shuffle), ascending.
     */
    public static int[] expertEpisodes(int episodes, double fraction, long seed) {
        int k = expertCount(episodes, fraction);
        int[] idx = new int[episodes];
        for (int i = 0; i < episodes; i++) {
            idx[i] = i;
        }
        UniformRandomProvider rng = Seeds.of(seed).child("mix").rng();
        for (int i = 0; i < k; i++) {
            int j = i + rng.nextInt(episodes - i);
            int t = idx[i];
            idx[i] = idx[j];
            idx[j] = t;
        }
        int[] chosen = Arrays.copyOf(idx, k);
        Arrays.sort(chosen);
        return chosen;
    }

    private static <O, A> CollectedData run(Env<O, A> env, Policy<O, A> policy, Policy<O, A> expert,
            boolean[] isExpert, CollectConfig config) {
        Policy<O, A> main = policy;
        Policy<O, A> other = expert;
        if (config.epsilon() > 0) {
            // one generator for the coin flips of all episodes, whichever policy plays them
            UniformRandomProvider rng = Seeds.of(config.seed()).child("epsilon").rng();
            main = new EpsilonRandomPolicy<>(policy, env.actionSpace(), config.epsilon(), rng);
            other = expert == null ? null : new EpsilonRandomPolicy<>(expert, env.actionSpace(), config.epsilon(), rng);
        }
        DatasetRecorder<O, A> recorder = new DatasetRecorder<>(env);
        for (int i = 0; i < config.episodes(); i++) {
            Policy<O, A> p = isExpert[i] ? other : main;
            O obs = recorder.reset(episodeSeed(config.seed(), i)).observation();
            int len = 0;
            while (true) {
                Step<O> s = recorder.step(p.act(obs));
                len++;
                obs = s.observation();
                if (s.done()) {
                    break;
                }
                if (len >= config.maxEpisodeSteps()) {
                    throw new QuiverUserException(env.spec().id() + ": episode " + i + " ran " + len + " steps without"
                            + " ending; give the env a time limit (max_episode_steps)");
                }
            }
        }
        int[] expertIdx = new int[0];
        if (expert != null) {
            expertIdx = IntStream.range(0, isExpert.length).filter(i -> isExpert[i]).toArray();
        }
        return new CollectedData(recorder.finish(), expertIdx);
    }
}
