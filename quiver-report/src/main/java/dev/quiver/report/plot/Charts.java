package dev.quiver.report.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Composite;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.AffineTransform;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** XChart charts and series in rliable's look: white, no frame, light grid, no built-in legend or title. */
final class Charts {

    static final Color TRANSPARENT = new Color(0, 0, 0, 0);
    static final Color GRID = new Color(0, 0, 0, 38);
    static final Color INK = new Color(0x222222);

    private Charts() {}

    static XYChart newChart(PlotStyle s, int width, int height) {
        XYChart c = new XYChart(width, height);
        XYStyler st = c.getStyler();
        st.setChartBackgroundColor(Color.WHITE);
        st.setPlotBackgroundColor(Color.WHITE);
        st.setPlotBorderVisible(false);
        st.setChartTitleVisible(false);
        st.setLegendVisible(false);
        st.setChartFontColor(INK);
        st.setAxisTitleFont(s.labelFont());
        st.setAxisTickLabelsFont(s.tickFont());
        st.setAxisTickLabelsColor(INK);
        st.setAxisTickMarksColor(INK);
        st.setAxisTickMarksStroke(new BasicStroke(1f));
        st.setPlotGridLinesColor(GRID);
        st.setPlotGridLinesStroke(new BasicStroke(1f));
        st.setPlotGridLinesVisible(true);
        st.setChartPadding(4);
        st.setMarkerSize(7);
        st.setLocale(Locale.ROOT);
        st.setAntiAlias(true);
        st.setTextAntiAlias(true);
        st.setDefaultSeriesRenderStyle(XYSeriesRenderStyle.Line);
        st.setXAxisTitleVisible(false);
        st.setYAxisTitleVisible(false);
        st.setXAxisTickMarkSpacingHint(90);
        st.setYAxisTickMarkSpacingHint(60);
        return c;
    }

    static void axisTitles(XYChart c, String xLabel, String yLabel) {
        boolean x = xLabel != null && !xLabel.isBlank();
        boolean y = yLabel != null && !yLabel.isBlank();
        c.setXAxisTitle(x ? xLabel : "");
        c.setYAxisTitle(y ? yLabel : "");
        c.getStyler().setXAxisTitleVisible(x);
        c.getStyler().setYAxisTitleVisible(y);
    }

    /** A line through the points (optionally with circle markers). */
    static XYSeries line(XYChart c, String name, double[] x, double[] y, Color color, float width, boolean markers) {
        XYSeries s = c.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
        s.setLineColor(color);
        s.setLineStyle(new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        if (markers) {
            s.setMarker(SeriesMarkers.CIRCLE);
            s.setMarkerColor(color);
        } else {
            s.setMarker(SeriesMarkers.NONE);
        }
        return s;
    }

    /** A filled band between {@code low} and {@code high}: upper edge forwards, lower edge backwards. */
    static XYSeries band(XYChart c, String name, double[] x, double[] low, double[] high, Color fill) {
        int n = x.length;
        double[] px = new double[2 * n];
        double[] py = new double[2 * n];
        for (int i = 0; i < n; i++) {
            px[i] = x[i];
            py[i] = high[i];
            px[2 * n - 1 - i] = x[i];
            py[2 * n - 1 - i] = low[i];
        }
        return polygon(c, name, px, py, fill);
    }

    /** An axis-aligned filled rectangle. */
    static XYSeries rect(XYChart c, String name, double x0, double x1, double y0, double y1, Color fill) {
        return polygon(c, name, new double[] {x0, x1, x1, x0}, new double[] {y0, y0, y1, y1}, fill);
    }

    static XYSeries polygon(XYChart c, String name, double[] x, double[] y, Color fill) {
        XYSeries s = c.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(XYSeriesRenderStyle.PolygonArea);
        s.setFillColor(fill);
        s.setLineColor(TRANSPARENT);
        s.setLineStyle(new BasicStroke(0.1f));
        s.setMarker(SeriesMarkers.NONE);
        s.setShowInLegend(false);
        return s;
    }

    /**
     * A series that draws nothing. It keeps a chart with no visible data paintable, and its odd middle
     * x value stops XChart 4.0.3 from using the data's x values as tick positions when they happen to
     * be equally spaced (it then ignores the tick spacing hint and crowds the axis).
     */
    static void invisible(XYChart c, double x0, double x1, double y0, double y1) {
        double mid = x0 + (x1 - x0) / Math.PI;
        XYSeries s = c.addSeries("\u0000frame", new double[] {x0, mid, x1}, new double[] {y0, y0, y1});
        s.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
        s.setLineColor(TRANSPARENT);
        s.setMarker(SeriesMarkers.NONE);
        s.setShowInLegend(false);
    }

    /**
     * Uses compact tick labels (20k, 1.5M, 2B) on an axis whose values reach 10,000 in magnitude, instead
     * of XChart's scientific notation (2E7).
     */
    static void compactTicks(XYChart c, double xMaxAbs, double yMaxAbs) {
        if (xMaxAbs >= 1e4) {
            c.getStyler().setXAxisTickLabelsFormattingFunction(Charts::compact);
        }
        if (yMaxAbs >= 1e4) {
            c.getStyler().setYAxisTickLabelsFormattingFunction(Charts::compact);
        }
    }

    static String compact(Double value) {
        double v = value;
        double a = Math.abs(v);
        if (a >= 1e9) {
            return plain(v / 1e9) + "B";
        } else if (a >= 1e6) {
            return plain(v / 1e6) + "M";
        } else if (a >= 1e3) {
            return plain(v / 1e3) + "k";
        }
        return plain(v);
    }

    private static String plain(double v) {
        if (v == 0) {
            return "0";
        }
        return new java.math.BigDecimal(v).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
    }

    /**
     * Paints {@code c} at {@code (x, y)} of {@code g}, then restores {@code g}'s transform, clip, paint,
     * stroke, font, composite and hints by setting each explicitly. It translates {@code g} itself rather
     * than painting on a {@code g.create()} copy: VectorGraphics2D 0.13's SVG output keeps a disposed
     * copy's transform for what the parent draws next, unless the parent's state is set again.
     */
    static void paintAt(Graphics2D g, XYChart c, double x, double y) {
        AffineTransform transform = g.getTransform();
        Shape clip = g.getClip();
        Paint paint = g.getPaint();
        Color color = g.getColor();
        Stroke stroke = g.getStroke();
        Font font = g.getFont();
        Composite composite = g.getComposite();
        RenderingHints hints = (RenderingHints) g.getRenderingHints().clone();
        try {
            g.translate(x, y);
            c.paint(g, c.getWidth(), c.getHeight());
        } finally {
            g.setTransform(transform);
            g.setClip(clip);
            g.setPaint(paint);
            g.setColor(color);
            g.setStroke(stroke);
            g.setFont(font);
            g.setComposite(composite);
            g.setRenderingHints(hints);
        }
    }

    /** A nice padded range around {@code [lo, hi]}; a degenerate or empty range widens to something visible. */
    static double[] paddedRange(double lo, double hi, double fraction) {
        if (!Double.isFinite(lo) || !Double.isFinite(hi)) {
            return new double[] {0, 1};
        }
        double span = hi - lo;
        if (span <= 0) {
            double half = lo == 0 ? 0.5 : Math.abs(lo) * 0.1;
            return new double[] {lo - half, hi + half};
        }
        return new double[] {lo - fraction * span, hi + fraction * span};
    }
}
