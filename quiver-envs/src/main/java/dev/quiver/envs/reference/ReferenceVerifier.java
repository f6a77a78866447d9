package dev.quiver.envs.reference;

import dev.quiver.core.env.Env;
import dev.quiver.core.env.InternalState;
import dev.quiver.core.env.Step;
import dev.quiver.core.error.QuiverUserException;
import dev.quiver.core.registry.EnvRegistration;
import dev.quiver.core.registry.Envs;
import dev.quiver.core.space.Box;
import dev.quiver.core.space.DType;
import dev.quiver.core.space.Discrete;
import dev.quiver.core.space.Space;
import dev.quiver.core.space.Spaces;
import dev.quiver.core.wrapper.TimeLimit;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Replays Gymnasium reference trajectories through Quiver's envs and measures how far they deviate.
 *
 * <p>For every {@code (policy, seed)} episode of a {@link ReferenceFile}: the raw env (no default
 * wrappers) is wrapped in a {@link TimeLimit} at Gymnasium's own limit for that id (the
 * {@code truncated = 1} rows of MountainCar and Pendulum at t = 200 come from it), reset, set to the
 * recorded {@code t = 0} internal state through {@link InternalState#setState}, and then driven with
 * the recorded actions (discrete actions as {@code Integer}, one-dimensional continuous actions as a
 * one-element {@code float[]} or {@code double[]}). Per episode it records the largest absolute
 * deviation of the observations (the reset observation included) and of the rewards, and every
 * terminated/truncated mismatch. An episode passes when both deviations are within the tolerance
 * and the flags match exactly at every step.
 *
 * <p>Problems with the file itself (unknown env id, the wrong number of observation or state
 * columns, an action outside the action space) are {@link QuiverUserException}s naming the file,
 * line and column.
 *
 * @see <a href="https://github.com/Farama-Foundation/Gymnasium">Towers et al. (2024), Gymnasium: A
 *     Standard Interface for Reinforcement Learning Environments, arXiv:2407.17032</a>
 */
public final class ReferenceVerifier {
    /** The default tolerance on observations and rewards. */
    public static final double DEFAULT_TOLERANCE = 1e-6;

    /** Gymnasium's registered {@code max_episode_steps} for the classic-control ids. */
    public static final Map<String, Integer> GYMNASIUM_TIME_LIMITS = Map.of("CartPole-v1", 500, "MountainCar-v0", 200,
            "Acrobot-v1", 500, "Pendulum-v1", 200, "MountainCarContinuous-v0", 999);

    private ReferenceVerifier() {
    }

    /** Reads and verifies {@code csv} (env id from the file name) at {@link #DEFAULT_TOLERANCE}. */
    public static VerificationReport verify(Path csv) {
        return verify(ReferenceCsv.read(csv), DEFAULT_TOLERANCE);
    }

    /** Reads and verifies {@code csv} as env {@code envId} (null: from the file name). */
    public static VerificationReport verify(Path csv, String envId, double tolerance) {
        return verify(ReferenceCsv.read(csv, envId), tolerance);
    }

    /** The Gymnasium time limit for {@code envId}: the known classic-control value, else the registered one. */
    public static int gymnasiumTimeLimit(String envId) {
        Integer known = GYMNASIUM_TIME_LIMITS.get(envId);
        return known != null ? known : Envs.registration(envId).maxEpisodeSteps().orElse(0);
    }

    /** Replays every episode of {@code ref}; {@code tolerance} bounds observation and reward deviations. */
    public static VerificationReport verify(ReferenceFile ref, double tolerance) {
        if (!(tolerance >= 0)) {
            throw new QuiverUserException("tolerance must be a non-negative number, got " + tolerance);
        }
        String id = ref.envId();
        EnvRegistration reg;
        try {
            reg = Envs.registration(id);
        } catch (QuiverUserException e) {
            throw new QuiverUserException(ref.path() + ": " + e.getMessage()
                    + " (the env id is the file name without .csv unless given explicitly, e.g. --env ID)", e);
        }
        int limit = GYMNASIUM_TIME_LIMITS.getOrDefault(reg.id(), reg.maxEpisodeSteps().orElse(0));
        Env<Object, Object> raw = Envs.make(id, Map.of("max_episode_steps", 0));
        try {
            if (!(raw.unwrapped() instanceof InternalState<?>)) {
                throw new QuiverUserException(ref.path() + ": env " + id
                        + " does not expose its internal state (InternalState), so it cannot replay reference trajectories");
            }
            @SuppressWarnings("unchecked")
            InternalState<Object> internal = (InternalState<Object>) raw.unwrapped();
            TimeLimit<Object, Object> limited = limit > 0 ? new TimeLimit<>(raw, limit) : null;
            Env<Object, Object> env = limited != null ? limited : raw;
            checkArity(ref, env, internal);
            List<EpisodeCheck> checks = new ArrayList<>();
            for (ReferenceEpisode ep : ref.episodes()) {
                checks.add(replay(ref, ep, env, limited, internal, tolerance));
            }
            return new VerificationReport(ref.path(), id, tolerance, limit, checks);
        } finally {
            raw.close();
        }
    }

    private static void checkArity(ReferenceFile ref, Env<Object, Object> env, InternalState<Object> internal) {
        Space<?> obsSpace = env.observationSpace();
        int obsSize = Spaces.flatSize(obsSpace);
        if (obsSize != ref.observationColumns().size()) {
            String first = ref.observationColumns().get(0);
            throw new QuiverUserException(ref.where(ref.headerLine(), first) + ": the header has "
                    + ref.observationColumns().size() + " obs_* columns, but " + ref.envId()
                    + "'s observation space " + obsSpace + " has " + obsSize + " elements");
        }
        env.reset(0);
        int stateSize = internal.state().length;
        if (stateSize != ref.stateColumns().size()) {
            String first = ref.stateColumns().get(0);
            throw new QuiverUserException(ref.where(ref.headerLine(), first) + ": the header has "
                    + ref.stateColumns().size() + " state_* columns, but " + ref.envId() + "'s internal state has "
                    + stateSize + " values");
        }
        Space<?> act = env.actionSpace();
        if (!(act instanceof Discrete) && !(act instanceof Box<?> b && b.size() == 1)) {
            throw new QuiverUserException(ref.where(ref.headerLine(), "action") + ": cannot replay actions of "
                    + ref.envId() + ": the action column holds one number, but the action space is " + act);
        }
    }

    private static EpisodeCheck replay(ReferenceFile ref, ReferenceEpisode ep, Env<Object, Object> env,
            TimeLimit<Object, Object> limited, InternalState<Object> internal, double tol) {
        env.reset(ep.seed());
        Object obs0;
        try {
            obs0 = internal.setState(ep.initialState());
        } catch (QuiverUserException e) {
            throw new QuiverUserException(ref.where(ep.lines()[0], ref.stateColumns().get(0)) + ": " + e.getMessage(),
                    e);
        }
        if (limited != null) {
            limited.started();
        }
        double maxObs = deviation(obs0, ep.observations()[0]);
        double maxReward = 0;
        int flagMismatches = 0;
        String problem = maxObs <= tol ? "" : String.format(Locale.ROOT,
                "t=0 (line %d): reset observation deviates by %.3g", ep.lines()[0], maxObs);
        int replayed = 0;
        Space<?> actionSpace = env.actionSpace();
        for (int t = 1; t <= ep.steps(); t++) {
            Object action = toAction(ref, ep, t, actionSpace);
            Step<Object> s = env.step(action);
            replayed = t;
            double obsDev = deviation(s.observation(), ep.observations()[t]);
            double rewardDev = deviation(s.reward(), ep.rewards()[t]);
            boolean flagsMatch = s.terminated() == ep.terminated()[t] && s.truncated() == ep.truncated()[t];
            maxObs = Math.max(maxObs, obsDev);
            maxReward = Math.max(maxReward, rewardDev);
            if (!flagsMatch) {
                flagMismatches++;
            }
            if (problem.isEmpty() && (!(obsDev <= tol) || !(rewardDev <= tol) || !flagsMatch)) {
                problem = String.format(Locale.ROOT,
                        "t=%d (line %d): |dobs| = %.3g, |dreward| = %.3g, terminated %d/%d, truncated %d/%d (env/file)",
                        t, ep.lines()[t], obsDev, rewardDev, s.terminated() ? 1 : 0, ep.terminated()[t] ? 1 : 0,
                        s.truncated() ? 1 : 0, ep.truncated()[t] ? 1 : 0);
            }
            if (s.done() && t < ep.steps()) {
                if (problem.isEmpty()) {
                    problem = "the env ended the episode at t=" + t + " but the file goes on to t=" + ep.steps();
                }
                break;
            }
        }
        boolean passed = replayed == ep.steps() && maxObs <= tol && maxReward <= tol && flagMismatches == 0;
        return new EpisodeCheck(ep.policy(), ep.seed(), ep.steps(), replayed, maxObs, maxReward, flagMismatches,
                problem, passed);
    }

    private static Object toAction(ReferenceFile ref, ReferenceEpisode ep, int t, Space<?> space) {
        double a = ep.actions()[t];
        Object action;
        if (space instanceof Discrete) {
            if (a != Math.rint(a) || Math.abs(a) > Integer.MAX_VALUE) {
                throw new QuiverUserException(ref.where(ep.lines()[t], "action") + ": " + ref.envId()
                        + " has discrete actions; expected an integer, got " + a);
            }
            action = Integer.valueOf((int) a);
        } else if (space instanceof Box<?> b && b.dtype() == DType.FLOAT64) {
            action = new double[] {a};
        } else {
            action = new float[] {(float) a};
        }
        String mismatch = space.describeMismatch(action);
        if (mismatch != null) {
            throw new QuiverUserException(ref.where(ep.lines()[t], "action") + ": invalid action for " + ref.envId()
                    + ": " + mismatch);
        }
        return action;
    }

    /** The largest absolute element-wise difference between an env observation and a recorded one. */
    static double deviation(Object observation, double[] recorded) {
        double[] o = toDoubles(observation);
        if (o.length != recorded.length) {
            return Double.POSITIVE_INFINITY;
        }
        double max = 0;
        for (int i = 0; i < o.length; i++) {
            max = Math.max(max, deviation(o[i], recorded[i]));
        }
        return max;
    }

    /** {@code |a - b|}, with equal infinities and two NaNs counting as equal and one NaN as infinitely far. */
    static double deviation(double a, double b) {
        if (Double.isNaN(a) || Double.isNaN(b)) {
            return Double.isNaN(a) && Double.isNaN(b) ? 0 : Double.POSITIVE_INFINITY;
        }
        return a == b ? 0 : Math.abs(a - b);
    }

    private static double[] toDoubles(Object o) {
        if (o instanceof float[] f) {
            double[] d = new double[f.length];
            for (int i = 0; i < f.length; i++) {
                d[i] = f[i];
            }
            return d;
        }
        if (o instanceof double[] d) {
            return d;
        }
        if (o instanceof Integer i) {
            return new double[] {i};
        }
        if (o instanceof int[] a) {
            double[] d = new double[a.length];
            for (int i = 0; i < a.length; i++) {
                d[i] = a[i];
            }
            return d;
        }
        throw new IllegalArgumentException("cannot compare observations of type "
                + (o == null ? "null" : o.getClass().getName()));
    }
}
