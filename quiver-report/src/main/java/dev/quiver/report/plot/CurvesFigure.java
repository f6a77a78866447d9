package dev.quiver.report.plot;

import dev.quiver.core.error.QuiverUserException;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;

/**
 * Lines with shaded confidence bands and a legend on the right, the body of {@link PerformanceProfilePlot}
 * and {@link SampleEfficiencyPlot} (rliable's {@code plot_performance_profiles} and
 * {@code plot_sample_efficiency_curve} look).
 */
final class CurvesFigure {

    private static final int PAD = 10;
    private static final int SWATCH = 30;

    /** What to draw; {@code yMin}/{@code yMax} NaN for a range fitted to the data. */
    record Spec(String title, String xLabel, String yLabel, boolean logX, boolean markers, double yMin,
            double yMax) {}

    private CurvesFigure() {}

    static void checkLogX(List<Curves.Data> curves, String xName) {
        for (Curves.Data c : curves) {
            for (int i = 0; i < c.x().length; i++) {
                if (!(c.x()[i] > 0)) {
                    throw new QuiverUserException("a log-scale x axis needs " + xName + " > 0, but curve '" + c.name()
                            + "' has " + xName + "[" + i + "] = " + c.x()[i] + "; drop those points or use a linear axis");
                }
            }
        }
    }

    static void paint(Graphics2D g, PlotStyle style, int w, int h, List<Curves.Data> curves, Spec spec) {
        double top = PAD;
        if (!spec.title().isBlank()) {
            double th = Text.height(g, style.titleFont());
            Text.draw(g, spec.title(), style.titleFont(), Charts.INK, w / 2.0, top + th / 2, Text.Align.CENTER);
            top += th + 6;
        }
        List<String> names = curves.stream().map(Curves.Data::name).toList();
        double legendW = SWATCH + 8 + Text.maxWidth(g, style.legendFont(), names) + 4;
        int chartW = (int) Math.floor(w - PAD - legendW - PAD - 10);
        int chartH = (int) Math.floor(h - top - PAD);
        if (chartW < 80 || chartH < 60) {
            throw new IllegalArgumentException("a " + w + "x" + h + " image is too small for this plot and its "
                    + "legend; make the plot larger (PlotStyle.withSize)");
        }
        Map<String, Color> colors = style.colors(names);
        XYChart chart = Charts.newChart(style, chartW, chartH);
        Charts.axisTitles(chart, spec.xLabel(), spec.yLabel());
        chart.getStyler().setXAxisLogarithmic(spec.logX());
        double dataMin = Double.POSITIVE_INFINITY;
        double dataMax = Double.NEGATIVE_INFINITY;
        double xMin = Double.POSITIVE_INFINITY;
        double xMax = Double.NEGATIVE_INFINITY;
        for (Curves.Data c : curves) {
            xMin = Math.min(xMin, c.x()[0]);
            xMax = Math.max(xMax, c.x()[c.x().length - 1]);
            for (int i = 0; i < c.y().length; i++) {
                dataMin = Math.min(dataMin, c.low() == null ? c.y()[i] : Math.min(c.y()[i], c.low()[i]));
                dataMax = Math.max(dataMax, c.low() == null ? c.y()[i] : Math.max(c.y()[i], c.high()[i]));
            }
        }
        Charts.invisible(chart, xMin, xMax, dataMin, dataMax);
        Charts.compactTicks(chart, Math.max(Math.abs(xMin), Math.abs(xMax)),
                Math.max(Math.abs(dataMin), Math.abs(dataMax)));
        if (!Double.isNaN(spec.yMin())) {
            chart.getStyler().setYAxisMin(spec.yMin());
        }
        if (!Double.isNaN(spec.yMax())) {
            chart.getStyler().setYAxisMax(spec.yMax());
        }
        // bands first, so that no band covers another algorithm's line
        for (int k = 0; k < curves.size(); k++) {
            Curves.Data c = curves.get(k);
            if (c.low() != null) {
                Charts.band(chart, "band " + k, c.x(), c.low(), c.high(),
                        PlotStyle.withAlpha(colors.get(c.name()), style.bandAlpha()));
            }
        }
        for (int k = 0; k < curves.size(); k++) {
            Curves.Data c = curves.get(k);
            Charts.line(chart, "line " + k, c.x(), c.y(), colors.get(c.name()), style.lineWidth(), spec.markers());
        }
        double chartLeft = PAD;
        Charts.paintAt(g, chart, chartLeft, top);
        double legendTop = top + chart.getScreenYFromChart(Double.isNaN(spec.yMax()) ? dataMax : spec.yMax());
        legend(g, style, curves, colors, spec.markers(), PAD + chartW + 10, legendTop);
    }

    private static void legend(Graphics2D g, PlotStyle style, List<Curves.Data> curves, Map<String, Color> colors,
            boolean markers, double x, double top) {
        double rowH = Text.height(g, style.legendFont()) + 6;
        Color oldColor = g.getColor();
        java.awt.Stroke oldStroke = g.getStroke();
        Graphics2D sub = g; // no g.create(): see Charts.paintAt
        try {
            for (int k = 0; k < curves.size(); k++) {
                Curves.Data c = curves.get(k);
                Color color = colors.get(c.name());
                double y = top + k * rowH + rowH / 2;
                if (c.low() != null) {
                    sub.setColor(PlotStyle.withAlpha(color, style.bandAlpha()));
                    sub.fill(new Rectangle2D.Double(x, y - rowH * 0.3, SWATCH, rowH * 0.6));
                }
                sub.setColor(color);
                sub.setStroke(new BasicStroke(style.lineWidth(), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                sub.draw(new Line2D.Double(x + 2, y, x + SWATCH - 2, y));
                if (markers) {
                    double r = 3.5;
                    sub.fill(new Ellipse2D.Double(x + SWATCH / 2.0 - r, y - r, 2 * r, 2 * r));
                }
                Text.draw(sub, c.name(), style.legendFont(), Charts.INK, x + SWATCH + 8, y, Text.Align.LEFT);
            }
        } finally {
            g.setColor(oldColor);
            g.setStroke(oldStroke);
        }
    }

    static String describe(String kind, String title, List<Curves.Data> curves, String xName, String yName) {
        StringBuilder sb = new StringBuilder(kind);
        if (!title.isBlank()) {
            sb.append(" (").append(title).append(')');
        }
        sb.append(" of ").append(String.join(", ", curves.stream().map(Curves.Data::name).toList())).append('.');
        for (Curves.Data c : curves) {
            int n = c.x().length;
            sb.append('\n').append(c.name()).append(": ").append(n).append(" points, ").append(xName).append(" from ")
                    .append(Text.num(c.x()[0])).append(" to ").append(Text.num(c.x()[n - 1])).append(", ").append(yName)
                    .append(" from ").append(Text.num(c.y()[0])).append(" to ").append(Text.num(c.y()[n - 1]));
            if (c.low() != null) {
                sb.append(" (last interval [").append(Text.num(c.low()[n - 1])).append(", ")
                        .append(Text.num(c.high()[n - 1])).append("])");
            }
        }
        return sb.toString();
    }
}
