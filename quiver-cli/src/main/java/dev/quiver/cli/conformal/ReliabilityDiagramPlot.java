package dev.quiver.cli.conformal;

import dev.quiver.report.plot.Plot;
import dev.quiver.report.plot.PlotStyle;
import dev.quiver.uq.calibration.ReliabilityDiagram;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A reliability diagram drawn with XChart: for each set of probabilities (raw and calibrated), the observed
 * frequency against the mean prediction of every non-empty bin, over the diagonal of perfect calibration.
 */
final class ReliabilityDiagramPlot implements Plot {
    private static final int WIDTH = 700;
    private static final int HEIGHT = 620;
    private final String title;
    private final String xLabel;
    private final Map<String, ReliabilityDiagram> curves;

    ReliabilityDiagramPlot(String title, String xLabel, Map<String, ReliabilityDiagram> curves) {
        this.title = title;
        this.xLabel = xLabel;
        this.curves = new LinkedHashMap<>(curves);
    }

    @Override
    public int width() {
        return WIDTH;
    }

    @Override
    public int height() {
        return HEIGHT;
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public String description() {
        StringBuilder sb = new StringBuilder("Reliability diagram: observed frequency against mean predicted"
                + " probability per bin.");
        curves.forEach((name, d) -> {
            sb.append('\n').append(name).append(String.format(Locale.ROOT, " (ECE %.4f):", d.expectedCalibrationError()));
            for (ReliabilityDiagram.Bin b : d.bins()) {
                if (b.count() > 0) {
                    sb.append(String.format(Locale.ROOT, " (%.3f, %.3f; n=%d)", b.meanPredicted(), b.observedFrequency(),
                            b.count()));
                }
            }
        });
        return sb.toString();
    }

    @Override
    public void paint(Graphics2D g) {
        XYChart chart = new XYChart(WIDTH, HEIGHT);
        chart.setTitle(title);
        chart.setXAxisTitle(xLabel);
        chart.setYAxisTitle("Observed frequency");
        XYStyler st = chart.getStyler();
        st.setChartBackgroundColor(Color.WHITE);
        st.setPlotBackgroundColor(Color.WHITE);
        st.setLegendPosition(Styler.LegendPosition.InsideNW);
        st.setLegendBorderColor(new Color(0, 0, 0, 60));
        st.setPlotGridLinesColor(new Color(0, 0, 0, 38));
        st.setLocale(Locale.ROOT);
        st.setAntiAlias(true);
        st.setXAxisMin(0.0);
        st.setXAxisMax(1.0);
        st.setYAxisMin(0.0);
        st.setYAxisMax(1.0);
        XYSeries diagonal = chart.addSeries("perfect calibration", new double[] {0, 1}, new double[] {0, 1});
        diagonal.setLineColor(Color.GRAY);
        diagonal.setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {6f, 4f}, 0f));
        diagonal.setMarker(SeriesMarkers.NONE);
        List<Color> palette = PlotStyle.COLORBLIND;
        int c = 0;
        for (Map.Entry<String, ReliabilityDiagram> e : curves.entrySet()) {
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            for (ReliabilityDiagram.Bin b : e.getValue().bins()) {
                if (b.count() > 0) {
                    x.add(b.meanPredicted());
                    y.add(b.observedFrequency());
                }
            }
            Color color = palette.get(c++ % palette.size());
            if (x.isEmpty()) {
                continue;
            }
            XYSeries s = chart.addSeries(String.format(Locale.ROOT, "%s (ECE %.3f)", e.getKey(),
                    e.getValue().expectedCalibrationError()), x, y);
            s.setLineColor(color);
            s.setMarkerColor(color);
            s.setMarker(SeriesMarkers.CIRCLE);
            s.setLineStyle(new BasicStroke(2f));
        }
        chart.paint(g, WIDTH, HEIGHT);
    }
}
