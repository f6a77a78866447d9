package dev.quiver.core.space;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;

/** Small helpers shared by the spaces. */
public final class Spaces {
    private Spaces() {
    }

    /** A short readable rendering of any value (arrays shown element-wise). */
    public static String render(Object x) {
        if (x instanceof float[] f) {
            return Arrays.toString(f);
        }
        if (x instanceof double[] d) {
            return Arrays.toString(d);
        }
        if (x instanceof int[] i) {
            return Arrays.toString(i);
        }
        if (x instanceof long[] l) {
            return Arrays.toString(l);
        }
        if (x instanceof Object[] o) {
            return Arrays.deepToString(o);
        }
        return String.valueOf(x);
    }

    /** A standard normal draw (Marsaglia polar method; deterministic given the generator). */
    public static double standardNormal(UniformRandomProvider rng) {
        double u;
        double v;
        double s;
        do {
            u = 2 * rng.nextDouble() - 1;
            v = 2 * rng.nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        return u * Math.sqrt(-2 * Math.log(s) / s);
    }

    /** The number of scalar entries of a flat observation space (Box size, 1 for Discrete, MultiDiscrete size). */
    public static int flatSize(Space<?> space) {
        if (space instanceof Box<?> b) {
            return b.size();
        }
        if (space instanceof MultiDiscrete m) {
            return m.size();
        }
        if (space instanceof Discrete) {
            return 1;
        }
        throw new IllegalArgumentException("no flat size for " + space);
    }
}
