package dev.quiver.cli;

import dev.quiver.core.estimate.Estimate;
import dev.quiver.core.space.Box;
import dev.quiver.core.space.Space;
import java.util.Arrays;
import java.util.Locale;

/** Number and space formatting for tables. */
public final class Format {
    private Format() {
    }

    /** A return or mean: three decimals. */
    public static String num(double x) {
        return String.format(Locale.ROOT, "%.3f", x);
    }

    /** Three decimals without trailing zeros ({@code 475}, {@code 0.7}). */
    public static String trimmed(double x) {
        String s = num(x);
        return s.contains(".") ? s.replaceAll("\\.?0+$", "") : s;
    }

    /** A deviation: three significant digits in scientific notation, or 0. */
    public static String sci(double x) {
        return x == 0 ? "0" : String.format(Locale.ROOT, "%.2e", x);
    }

    /** {@code [low, high]}. */
    public static String interval(Estimate e) {
        return "[" + num(e.low()) + ", " + num(e.high()) + "]";
    }

    /** A space in one short line: Box bounds only when they are the same for every element. */
    public static String space(Space<?> s) {
        if (s instanceof Box<?> b) {
            double[] lo = b.lows();
            double[] hi = b.highs();
            boolean uniform = Arrays.stream(lo).allMatch(v -> Double.compare(v, lo[0]) == 0)
                    && Arrays.stream(hi).allMatch(v -> Double.compare(v, hi[0]) == 0);
            if (!uniform) {
                String shape = Arrays.toString(b.shape()).replace('[', '(').replace("]", b.shape().length == 1 ? ",)" : ")");
                return "Box(" + shape + ", " + b.dtype() + ")";
            }
        }
        return String.valueOf(s);
    }
}
