package dev.quiver.report.plot;

import dev.quiver.core.estimate.Estimate;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.XYStyler;

/**
 * A panel of horizontal interval bars, one row per category, with a dark tick at the point estimate
 * (rliable's {@code plot_interval_estimates} look). Row 0 is at the top. Category labels are not drawn
 * here: the caller draws them as text beside the panel at {@link #rowScreenY}.
 */
final class IntervalRows {

    /** One row: its colour and its estimate ({@code null} for an empty row). */
    record Row(String label, Color color, Estimate estimate) {}

    /** The bar height in row units (rows are 1 apart). */
    static final double BAR_HEIGHT = 0.6;

    private static final Color POINT = new Color(0, 0, 0, 170);

    private IntervalRows() {}

    /** The y coordinate (chart units) of row {@code r} of {@code n}. */
    static double position(int r, int n) {
        return n - 1 - r;
    }

    static XYChart chart(PlotStyle style, int width, int height, List<Row> rows, double xMin, double xMax) {
        int n = rows.size();
        XYChart c = Charts.newChart(style, width, height);
        XYStyler st = c.getStyler();
        st.setYAxisTicksVisible(false);
        st.setPlotGridHorizontalLinesVisible(false);
        st.setPlotContentSize(0.96);
        st.setXAxisMin(xMin);
        st.setXAxisMax(xMax);
        st.setYAxisMin(-0.5);
        st.setYAxisMax(n - 0.5);
        st.setXAxisTickMarkSpacingHint(Math.max(40, width / 5));
        Charts.invisible(c, xMin, xMax, -0.5, n - 0.5);
        double half = BAR_HEIGHT / 2;
        for (int r = 0; r < n; r++) {
            Row row = rows.get(r);
            Estimate e = row.estimate();
            if (e == null) {
                continue;
            }
            double y = position(r, n);
            if (Double.isFinite(e.low()) && Double.isFinite(e.high())) {
                double lo = clamp(e.low(), xMin, xMax);
                double hi = clamp(e.high(), xMin, xMax);
                Charts.rect(c, "bar " + r, lo, hi, y - half, y + half, PlotStyle.withAlpha(row.color(), style.barAlpha()));
            }
            if (Double.isFinite(e.point()) && e.point() >= xMin && e.point() <= xMax) {
                XYSeries p = Charts.line(c, "point " + r, new double[] {e.point(), e.point()},
                        new double[] {y - half * 0.95, y + half * 0.95}, POINT, 2f, false);
                p.setLineStyle(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
                p.setShowInLegend(false);
            }
        }
        return c;
    }

    /** The screen y (in the chart's own pixels, valid after painting) of the centre of row {@code r} of {@code n}. */
    static double rowScreenY(XYChart painted, int r, int n) {
        return painted.getScreenYFromChart(position(r, n));
    }

    /** A padded x range covering every finite point, low and high. */
    static double[] range(Iterable<Estimate> estimates) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Estimate e : estimates) {
            for (double v : new double[] {e.point(), e.low(), e.high()}) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        return Charts.paddedRange(lo, hi, 0.05);
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
