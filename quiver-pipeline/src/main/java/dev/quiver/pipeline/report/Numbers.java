package dev.quiver.pipeline.report;

import com.google.gson.JsonObject;
import dev.quiver.core.estimate.Estimate;
import dev.quiver.ope.selection.TopKPortfolio;
import dev.quiver.pipeline.io.JsonValues;
import java.util.Locale;

/** How the report and the terminal summary write numbers: 4 significant digits, intervals as {@code [low, high]}. */
public final class Numbers {
    private Numbers() {
    }

    /** {@code v} with about 4 significant digits ({@code -} for NaN). */
    public static String num(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e6) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        double a = Math.abs(v);
        if (a >= 1000) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        return String.format(Locale.ROOT, "%.3g", v);
    }

    /**
     * {@code o.key}, a number written by {@link JsonValues}, as {@link #num(double)} writes it ({@code -} where
     * it is undefined, i.e. {@code null} in JSON).
     */
    public static String num(JsonObject o, String key) {
        return num(JsonValues.number(o, key));
    }

    /**
     * SharpeRatio@k for a table: {@code inf} when the raw ratio is missing ({@code null} in JSON, read as NaN)
     * but SCOPE-RL's clipped ratio is at its clip (the raw one was {@code +inf}), else {@link #num}.
     */
    public static String sharpeRatio(double raw, double clipped) {
        return Double.isNaN(raw) && clipped == TopKPortfolio.CLIP ? "inf" : num(raw);
    }

    /** {@code [low, high]}. */
    public static String interval(Estimate e) {
        return "[" + num(e.low()) + ", " + num(e.high()) + "]";
    }

    /** {@code point [low, high]}. */
    public static String withInterval(Estimate e) {
        return num(e.point()) + " " + interval(e);
    }
}
