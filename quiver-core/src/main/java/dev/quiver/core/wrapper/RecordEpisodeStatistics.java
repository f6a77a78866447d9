package dev.quiver.core.wrapper;

import dev.quiver.core.env.Env;
import dev.quiver.core.env.Reset;
import dev.quiver.core.env.Step;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Tracks each episode's return, length and wall time, as Gymnasium's {@code RecordEpisodeStatistics}:
 * on the step that ends an episode, {@code info} gets an {@code "episode"} entry holding an {@link
 * EpisodeStatistics}, and the last {@code bufferLength} episodes are kept.
 *
 * @param <O> observation type
 * @param <A> action type
 */
public final class RecordEpisodeStatistics<O, A> extends Wrapper<O, A> {
    /** The info key of the finished episode's statistics. */
    public static final String INFO_KEY = "episode";
    private final int bufferLength;
    private final Deque<EpisodeStatistics> recent = new ArrayDeque<>();
    private double episodeReturn;
    private int length;
    private long startNanos;

    /** Keeps the last 100 episodes, as Gymnasium's default. */
    public RecordEpisodeStatistics(Env<O, A> env) {
        this(env, 100);
    }

    /** Keeps the last {@code bufferLength} episodes. */
    public RecordEpisodeStatistics(Env<O, A> env, int bufferLength) {
        super(env);
        if (bufferLength < 1) {
            throw new IllegalArgumentException("bufferLength must be >= 1, got " + bufferLength);
        }
        this.bufferLength = bufferLength;
    }

    @Override
    public Reset<O> reset(long seed) {
        Reset<O> r = env.reset(seed);
        begin();
        return r;
    }

    @Override
    public Reset<O> reset() {
        Reset<O> r = env.reset();
        begin();
        return r;
    }

    private void begin() {
        episodeReturn = 0;
        length = 0;
        startNanos = System.nanoTime();
    }

    @Override
    public Step<O> step(A action) {
        Step<O> s = env.step(action);
        episodeReturn += s.reward();
        length++;
        if (s.done()) {
            EpisodeStatistics stats = new EpisodeStatistics(episodeReturn, length,
                    (System.nanoTime() - startNanos) / 1e9);
            if (recent.size() == bufferLength) {
                recent.removeFirst();
            }
            recent.addLast(stats);
            Map<String, Object> info = new HashMap<>(s.info());
            info.put(INFO_KEY, stats);
            s = new Step<>(s.observation(), s.reward(), s.terminated(), s.truncated(), Map.copyOf(info));
        }
        return s;
    }

    /** The last finished episodes, oldest first. */
    public List<EpisodeStatistics> recentEpisodes() {
        return new ArrayList<>(recent);
    }
}
