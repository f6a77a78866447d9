package dev.quiver.report.plot;

import java.awt.Graphics2D;
import java.util.List;
import java.util.Objects;

/**
 * Sample-efficiency curves: an aggregate score (for example IQM) of each algorithm at training
 * checkpoints, a line with circle markers and a shaded confidence band, legend on the right.
 *
 * @see <a href="https://arxiv.org/abs/2108.13264">Agarwal, Schwarzer, Castro, Courville, Bellemare
 *     (2021), Deep Reinforcement Learning at the Edge of the Statistical Precipice, arXiv:2108.13264
 *     (rliable's {@code plot_sample_efficiency_curve})</a>
 */
public final class SampleEfficiencyPlot implements Plot {

    private final List<SampleEfficiencyCurve> curves;
    private final PlotStyle style;
    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final boolean logX;
    private final boolean markers;

    private SampleEfficiencyPlot(List<SampleEfficiencyCurve> curves, PlotStyle style, String title, String xLabel,
            String yLabel, boolean logX, boolean markers) {
        this.curves = curves;
        this.style = style;
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        this.logX = logX;
        this.markers = markers;
    }

    /**
     * A plot of {@code curves}, in their order (legend order; later curves drawn on top); the y range
     * fits the data and bands.
     *
     * @throws IllegalArgumentException if there is no curve or two curves share an algorithm name
     */
    public static SampleEfficiencyPlot of(List<SampleEfficiencyCurve> curves) {
        PerformanceProfilePlot.checkNames(curves.stream().map(SampleEfficiencyCurve::algorithm).toList());
        return new SampleEfficiencyPlot(List.copyOf(curves), PlotStyle.defaults(), "", "Environment steps",
                "Aggregate normalized score", false, true);
    }

    /** This plot with another style. */
    public SampleEfficiencyPlot withStyle(PlotStyle style) {
        return new SampleEfficiencyPlot(curves, Objects.requireNonNull(style, "style"), title, xLabel, yLabel, logX,
                markers);
    }

    /** This plot with a figure title (empty for none, the default). */
    public SampleEfficiencyPlot withTitle(String title) {
        return new SampleEfficiencyPlot(curves, style, Objects.requireNonNull(title, "title"), xLabel, yLabel, logX,
                markers);
    }

    /**
     * This plot with other axis labels (defaults "Environment steps" and "Aggregate normalized score";
     * empty for none).
     */
    public SampleEfficiencyPlot withLabels(String xLabel, String yLabel) {
        return new SampleEfficiencyPlot(curves, style, title, Objects.requireNonNull(xLabel, "xLabel"),
                Objects.requireNonNull(yLabel, "yLabel"), logX, markers);
    }

    /**
     * This plot with a logarithmic (or linear) x axis.
     *
     * @throws dev.quiver.core.error.QuiverUserException for a log axis if some checkpoint is not positive
     */
    public SampleEfficiencyPlot withLogX(boolean logX) {
        if (logX) {
            CurvesFigure.checkLogX(data(), "x");
        }
        return new SampleEfficiencyPlot(curves, style, title, xLabel, yLabel, logX, markers);
    }

    /** This plot with or without circle markers at the checkpoints (default with). */
    public SampleEfficiencyPlot withMarkers(boolean markers) {
        return new SampleEfficiencyPlot(curves, style, title, xLabel, yLabel, logX, markers);
    }

    /** The curves. */
    public List<SampleEfficiencyCurve> curves() {
        return curves;
    }

    /** The style. */
    public PlotStyle style() {
        return style;
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
        return CurvesFigure.describe("Sample-efficiency curves", title, data(), "x", "score");
    }

    @Override
    public void paint(Graphics2D g) {
        CurvesFigure.paint(g, style, width(), height(), data(),
                new CurvesFigure.Spec(title, xLabel, yLabel, logX, markers, Double.NaN, Double.NaN));
    }

    private List<Curves.Data> data() {
        return curves.stream().map(SampleEfficiencyCurve::data).toList();
    }
}
