package dev.quiver.report.plot;

import java.awt.Graphics2D;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Performance profiles: for each algorithm, the fraction of runs with score above a threshold tau as a
 * function of tau, a line with a shaded confidence band, y from 0 to 1, legend on the right; optionally
 * a log-scale tau axis.
 *
 * @see <a href="https://arxiv.org/abs/2108.13264">Agarwal, Schwarzer, Castro, Courville, Bellemare
 *     (2021), Deep Reinforcement Learning at the Edge of the Statistical Precipice, arXiv:2108.13264
 *     (rliable's {@code plot_performance_profiles})</a>
 * @see <a href="https://arxiv.org/abs/cs/0102001">Dolan, Moré (2002), Benchmarking optimization
 *     software with performance profiles, arXiv:cs/0102001</a>
 */
public final class PerformanceProfilePlot implements Plot {

    private final List<ProfileCurve> curves;
    private final PlotStyle style;
    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final boolean logX;

    private PerformanceProfilePlot(List<ProfileCurve> curves, PlotStyle style, String title, String xLabel,
            String yLabel, boolean logX) {
        this.curves = curves;
        this.style = style;
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        this.logX = logX;
    }

    /**
     * A plot of {@code curves}, in their order (legend order; later curves drawn on top).
     *
     * @throws IllegalArgumentException if there is no curve or two curves share an algorithm name
     */
    public static PerformanceProfilePlot of(List<ProfileCurve> curves) {
        checkNames(curves.stream().map(ProfileCurve::algorithm).toList());
        return new PerformanceProfilePlot(List.copyOf(curves), PlotStyle.defaults(), "",
                "Human normalized score (\u03c4)", "Fraction of runs with score > \u03c4", false);
    }

    static void checkNames(List<String> names) {
        if (names.isEmpty()) {
            throw new IllegalArgumentException("a plot of curves needs at least one curve");
        }
        Set<String> seen = new HashSet<>();
        for (String n : names) {
            if (!seen.add(n)) {
                throw new IllegalArgumentException("two curves are named '" + n + "'; names must be unique");
            }
        }
    }

    /** This plot with another style. */
    public PerformanceProfilePlot withStyle(PlotStyle style) {
        return new PerformanceProfilePlot(curves, Objects.requireNonNull(style, "style"), title, xLabel, yLabel, logX);
    }

    /** This plot with a figure title (empty for none, the default). */
    public PerformanceProfilePlot withTitle(String title) {
        return new PerformanceProfilePlot(curves, style, Objects.requireNonNull(title, "title"), xLabel, yLabel, logX);
    }

    /**
     * This plot with other axis labels (defaults "Human normalized score (τ)" and "Fraction of runs with
     * score &gt; τ"; empty for none).
     */
    public PerformanceProfilePlot withLabels(String xLabel, String yLabel) {
        return new PerformanceProfilePlot(curves, style, title, Objects.requireNonNull(xLabel, "xLabel"),
                Objects.requireNonNull(yLabel, "yLabel"), logX);
    }

    /**
     * This plot with a logarithmic (or linear) tau axis.
     *
     * @throws dev.quiver.core.error.QuiverUserException for a log axis if some tau is not positive
     */
    public PerformanceProfilePlot withLogX(boolean logX) {
        if (logX) {
            CurvesFigure.checkLogX(data(), "tau");
        }
        return new PerformanceProfilePlot(curves, style, title, xLabel, yLabel, logX);
    }

    /** The curves. */
    public List<ProfileCurve> curves() {
        return curves;
    }

    /** The style. */
    public PlotStyle style() {
        return style;
    }

    /** Whether the tau axis is logarithmic. */
    public boolean logX() {
        return logX;
    }

    @Override
    public int width() {
        return style.width();
    }

    @Override
    public int height() {
        return style.height();
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public String description() {
        return CurvesFigure.describe("Performance profiles", title, data(), "tau", "fraction");
    }

    @Override
    public void paint(Graphics2D g) {
        CurvesFigure.paint(g, style, width(), height(), data(),
                new CurvesFigure.Spec(title, xLabel, yLabel, logX, false, 0.0, 1.0));
    }

    private List<Curves.Data> data() {
        return curves.stream().map(ProfileCurve::data).toList();
    }
}
