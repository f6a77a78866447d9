package dev.quiver.bandits.sparse;

import dev.quiver.core.seed.Seeds;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Runs several best-arm searches on the instances of several seeds: seed {@code s}'s instance is
 * {@code instance.build(s)}, and search {@code i} queries it through its own
 * {@link MisspecifiedArms#fresh fresh copy} (a query counter at 0, noise from
 * {@code Seeds.of(s).child("queries", i)}). Seeds are spread over {@code threads} threads; each writes only
 * its own slots, so the results do not depend on the thread count.
 *
 * @param instance the instance family
 * @param searches the searches
 * @param seeds the instance seeds
 * @param threads worker threads, at least 1
 */
public record SparseExperiment(SparseArmsConfig instance, List<BestArmSearch> searches, long[] seeds, int threads) {

    /** Validates and copies the fields. */
    public SparseExperiment {
        Objects.requireNonNull(instance, "instance");
        searches = List.copyOf(searches);
        seeds = seeds.clone();
        if (searches.isEmpty() || seeds.length == 0) {
            throw new IllegalArgumentException("need at least one search and one seed");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
    }

    @Override
    public long[] seeds() {
        return seeds.clone();
    }

    /**
     * Runs every pair.
     *
     * @param progress called with the number of finished seeds (from worker threads)
     * @return per search name (in the given order), the result of each seed (in seed order)
     */
    public Map<String, SearchResult[]> run(IntConsumer progress) {
        int ns = searches.size();
        SearchResult[][] out = new SearchResult[ns][seeds.length];
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread th = new Thread(r, "bandit-sparse");
            th.setDaemon(true);
            return th;
        });
        AtomicInteger done = new AtomicInteger();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int j = 0; j < seeds.length; j++) {
                int sj = j;
                futures.add(pool.submit(() -> {
                    MisspecifiedArms arms = instance.build(seeds[sj]);
                    for (int i = 0; i < ns; i++) {
                        UniformRandomProvider rng = Seeds.of(seeds[sj]).child("queries", i).rng();
                        out[i][sj] = searches.get(i).run(arms.fresh(rng));
                    }
                    progress.accept(done.incrementAndGet());
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        Map<String, SearchResult[]> result = new LinkedHashMap<>();
        for (int i = 0; i < ns; i++) {
            result.put(searches.get(i).name(), out[i]);
        }
        return result;
    }
}
