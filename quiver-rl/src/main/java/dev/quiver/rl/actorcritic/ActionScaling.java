package dev.quiver.rl.actorcritic;

import dev.quiver.core.space.Box;
import java.util.Arrays;

/**
 * The affine map between a policy's actions in {@code [-1, 1]} and a bounded Box's actions in
 * {@code [low, high]} (per element: {@code a = low + (u + 1) / 2 · (high − low)}), as Stable-Baselines3's
 * {@code scale_action} / {@code unscale_action}. Tanh-squashed actors act in {@code [-1, 1]}; the replay
 * buffer and the critics see those unit actions, the env sees the mapped ones.
 *
 * <p>Both directions clip to the target interval, so a result always lies inside the Box even after
 * float32 rounding (Quiver's envs reject actions outside their space). Immutable.
 */
public final class ActionScaling {
    private final double[] low;
    private final double[] high;

    /**
     * The map onto per-element bounds {@code low[i] < high[i]}.
     *
     * @throws IllegalArgumentException unless the bounds are finite, of equal length and {@code low < high}
     */
    public ActionScaling(double[] low, double[] high) {
        if (low.length == 0 || low.length != high.length) {
            throw new IllegalArgumentException("action bounds need equal, positive lengths, got " + low.length + " and "
                    + high.length);
        }
        for (int i = 0; i < low.length; i++) {
            if (!(Double.isFinite(low[i]) && Double.isFinite(high[i]) && low[i] < high[i])) {
                throw new IllegalArgumentException("action bounds must be finite with low < high, got element " + i
                        + ": [" + low[i] + ", " + high[i] + "]");
            }
        }
        this.low = low.clone();
        this.high = high.clone();
    }

    /** The map onto a bounded box's bounds. */
    public static ActionScaling of(Box<float[]> box) {
        return new ActionScaling(box.lows(), box.highs());
    }

    /** Floats per action. */
    public int size() {
        return low.length;
    }

    /** The lower bounds (a copy). */
    public double[] low() {
        return low.clone();
    }

    /** The upper bounds (a copy). */
    public double[] high() {
        return high.clone();
    }

    /** The env action for unit action {@code unit} (clipped to {@code [-1, 1]} first), as a fresh array. */
    public float[] toEnv(float[] unit) {
        float[] out = new float[low.length];
        for (int i = 0; i < low.length; i++) {
            double u = Math.max(-1.0, Math.min(1.0, unit[i]));
            double a = low[i] + 0.5 * (u + 1.0) * (high[i] - low[i]);
            out[i] = clip((float) a, low[i], high[i]);
        }
        return out;
    }

    /** Writes the unit action of env action {@code action} (clipped to the bounds first) into {@code out}. */
    public void toUnit(float[] action, float[] out) {
        for (int i = 0; i < low.length; i++) {
            double a = Math.max(low[i], Math.min(high[i], action[i]));
            out[i] = clip((float) (2.0 * (a - low[i]) / (high[i] - low[i]) - 1.0), -1, 1);
        }
    }

    private static float clip(float v, double lo, double hi) {
        if (v < lo) {
            return (float) lo;
        }
        return v > hi ? (float) hi : v;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ActionScaling s && Arrays.equals(low, s.low) && Arrays.equals(high, s.high);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(low) * 31 + Arrays.hashCode(high);
    }

    @Override
    public String toString() {
        return "ActionScaling[low " + Arrays.toString(low) + ", high " + Arrays.toString(high) + "]";
    }
}
