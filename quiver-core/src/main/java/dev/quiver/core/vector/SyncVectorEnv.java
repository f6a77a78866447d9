package dev.quiver.core.vector;

import dev.quiver.core.env.Env;
import dev.quiver.core.env.EnvSpec;
import dev.quiver.core.env.Reset;
import dev.quiver.core.env.Step;
import dev.quiver.core.error.QuiverUserException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Runs {@code n} independent envs one after another on the calling thread, as Gymnasium's {@code
 * SyncVectorEnv} with next-step autoreset (see {@link VectorEnv}). Works for any env; the
 * classic-control envs also have allocation-free {@link FlatVectorEnv} versions.
 *
 * @param <O> observation type
 * @param <A> action type
 */
public final class SyncVectorEnv<O, A> implements VectorEnv<O, A> {
    private final List<Env<O, A>> envs;
    private final boolean[] autoreset;
    private boolean started;

    /** Builds {@code numEnvs} copies with {@code factory}. */
    public SyncVectorEnv(Supplier<Env<O, A>> factory, int numEnvs) {
        if (numEnvs < 1) {
            throw new IllegalArgumentException("numEnvs must be >= 1, got " + numEnvs);
        }
        List<Env<O, A>> list = new ArrayList<>(numEnvs);
        for (int i = 0; i < numEnvs; i++) {
            list.add(factory.get());
        }
        this.envs = Collections.unmodifiableList(list);
        this.autoreset = new boolean[numEnvs];
    }

    @Override
    public int numEnvs() {
        return envs.size();
    }

    @Override
    public EnvSpec spec() {
        return envs.get(0).spec();
    }

    /** Copy {@code i} (for inspection; stepping it directly breaks the batch's bookkeeping). */
    public Env<O, A> env(int i) {
        return envs.get(i);
    }

    @Override
    public List<O> reset(long seed) {
        List<O> obs = new ArrayList<>(envs.size());
        for (int i = 0; i < envs.size(); i++) {
            Reset<O> r = envs.get(i).reset(seed + i);
            obs.add(r.observation());
            autoreset[i] = false;
        }
        started = true;
        return obs;
    }

    @Override
    public VectorStep<O> step(List<A> actions) {
        if (!started) {
            throw new IllegalStateException(spec().id() + ": vector step() called before reset(seed)");
        }
        if (actions.size() != envs.size()) {
            throw new QuiverUserException(spec().id() + ": expected " + envs.size() + " actions (one per copy), got "
                    + actions.size());
        }
        int n = envs.size();
        List<O> obs = new ArrayList<>(n);
        double[] rewards = new double[n];
        boolean[] term = new boolean[n];
        boolean[] trunc = new boolean[n];
        List<Map<String, Object>> infos = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Env<O, A> env = envs.get(i);
            if (autoreset[i]) {
                Reset<O> r = env.reset();
                obs.add(r.observation());
                infos.add(r.info());
                autoreset[i] = false;
            } else {
                Step<O> s = env.step(actions.get(i));
                obs.add(s.observation());
                rewards[i] = s.reward();
                term[i] = s.terminated();
                trunc[i] = s.truncated();
                infos.add(s.info());
                autoreset[i] = s.done();
            }
        }
        return new VectorStep<>(obs, rewards, term, trunc, infos);
    }

    @Override
    public void close() {
        envs.forEach(Env::close);
    }
}
