package dev.quiver.report.plot;

import dev.quiver.core.estimate.Estimate;
import java.awt.Graphics2D;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.knowm.xchart.XYChart;

/**
 * Aggregate metrics with interval estimates, one panel per metric side by side (for example IQM,
 * Median, Mean, Optimality Gap), algorithms on the y axis: a horizontal bar from the interval's low to
 * its high end in the algorithm's colour, and a dark tick at the point estimate. Algorithms are listed
 * top to bottom in order of first appearance in the input; their names are drawn once, left of the
 * first panel; a shared x label sits below the panels.
 *
 * <pre>{@code
 * IntervalEstimatesPlot.of(Map.of("IQM", Map.of("DQN", iqmDqn, "C51", iqmC51)))
 *         .withXLabel("Human normalized score").save(Path.of("aggregates.svg"));
 * }</pre>
 *
 * @see <a href="https://arxiv.org/abs/2108.13264">Agarwal, Schwarzer, Castro, Courville, Bellemare
 *     (2021), Deep Reinforcement Learning at the Edge of the Statistical Precipice, arXiv:2108.13264
 *     (rliable's {@code plot_interval_estimates})</a>
 */
public final class IntervalEstimatesPlot implements Plot {

    private static final int PAD = 10;
    private static final int GAP = 14;

    private final Map<String, Map<String, Estimate>> estimates;
    private final List<String> algorithms;
    private final PlotStyle style;
    private final String title;
    private final String xLabel;
    private final Map<String, double[]> xRanges;

    private IntervalEstimatesPlot(Map<String, Map<String, Estimate>> estimates, PlotStyle style, String title,
            String xLabel, Map<String, double[]> xRanges) {
        this.estimates = estimates;
        this.style = style;
        this.title = title;
        this.xLabel = xLabel;
        this.xRanges = xRanges;
        Set<String> algs = new LinkedHashSet<>();
        estimates.values().forEach(m -> algs.addAll(m.keySet()));
        this.algorithms = List.copyOf(algs);
    }

    /**
     * A plot of {@code estimates}: metric name to (algorithm name to estimate), both in the maps'
     * iteration order (pass ordered maps). An algorithm missing from a metric leaves its row empty in
     * that panel; NaN ends are not drawn.
     *
     * @throws IllegalArgumentException if there is no metric or a metric has no algorithm
     */
    public static IntervalEstimatesPlot of(Map<String, ? extends Map<String, Estimate>> estimates) {
        Objects.requireNonNull(estimates, "estimates");
        if (estimates.isEmpty()) {
            throw new IllegalArgumentException("IntervalEstimatesPlot needs at least one metric");
        }
        Map<String, Map<String, Estimate>> copy = new LinkedHashMap<>();
        estimates.forEach((metric, byAlg) -> {
            Objects.requireNonNull(metric, "metric name");
            if (byAlg == null || byAlg.isEmpty()) {
                throw new IllegalArgumentException("metric '" + metric + "' has no algorithm");
            }
            Map<String, Estimate> m = new LinkedHashMap<>();
            byAlg.forEach((alg, e) -> m.put(Objects.requireNonNull(alg, "algorithm name"),
                    Objects.requireNonNull(e, "estimate of " + alg + " for " + metric)));
            copy.put(metric, Collections.unmodifiableMap(m));
        });
        return new IntervalEstimatesPlot(Collections.unmodifiableMap(copy), PlotStyle.defaults(), "",
                "Normalized score", Map.of());
    }

    /** This plot with another style. */
    public IntervalEstimatesPlot withStyle(PlotStyle style) {
        return new IntervalEstimatesPlot(estimates, Objects.requireNonNull(style, "style"), title, xLabel, xRanges);
    }

    /** This plot with a figure title above the panels (empty for none, the default). */
    public IntervalEstimatesPlot withTitle(String title) {
        return new IntervalEstimatesPlot(estimates, style, Objects.requireNonNull(title, "title"), xLabel, xRanges);
    }

    /** This plot with another shared x label (default {@code "Normalized score"}; empty for none). */
    public IntervalEstimatesPlot withXLabel(String xLabel) {
        return new IntervalEstimatesPlot(estimates, style, title, Objects.requireNonNull(xLabel, "xLabel"), xRanges);
    }

    /**
     * This plot with a fixed x range for one metric's panel (by default the range covers the data with
     * a small margin). Parts of intervals outside the range are cut off.
     */
    public IntervalEstimatesPlot withXRange(String metric, double min, double max) {
        if (!estimates.containsKey(metric)) {
            throw new IllegalArgumentException("no metric '" + metric + "'; metrics are " + estimates.keySet());
        }
        if (!(Double.isFinite(min) && Double.isFinite(max) && min < max)) {
            throw new IllegalArgumentException("x range needs finite min < max, got [" + min + ", " + max + "]");
        }
        Map<String, double[]> r = new LinkedHashMap<>(xRanges);
        r.put(metric, new double[] {min, max});
        return new IntervalEstimatesPlot(estimates, style, title, xLabel, Collections.unmodifiableMap(r));
    }

    /** The estimates, metric to (algorithm to estimate), unmodifiable. */
    public Map<String, Map<String, Estimate>> estimates() {
        return estimates;
    }

    /** The algorithms, top to bottom. */
    public List<String> algorithms() {
        return algorithms;
    }

    /** The style. */
    public PlotStyle style() {
        return style;
    }

    /** The shared x label. */
    public String xLabel() {
        return xLabel;
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
        StringBuilder sb = new StringBuilder("Interval estimates");
        if (!title.isBlank()) {
            sb.append(" (").append(title).append(')');
        }
        sb.append(" of ").append(String.join(", ", estimates.keySet())).append(" for ")
                .append(String.join(", ", algorithms)).append('.');
        estimates.forEach((metric, byAlg) -> {
            sb.append('\n').append(metric).append(':');
            String sep = " ";
            for (Map.Entry<String, Estimate> e : byAlg.entrySet()) {
                Estimate est = e.getValue();
                sb.append(sep).append(e.getKey()).append(' ').append(Text.num(est.point())).append(" [")
                        .append(Text.num(est.low())).append(", ").append(Text.num(est.high())).append(']');
                sep = "; ";
            }
        });
        return sb.toString();
    }

    @Override
    public void paint(Graphics2D g) {
        int w = width();
        int h = height();
        double top = PAD;
        if (!title.isBlank()) {
            double th = Text.height(g, style.titleFont());
            Text.draw(g, title, style.titleFont(), Charts.INK, w / 2.0, top + th / 2, Text.Align.CENTER);
            top += th + 8;
        }
        double panelTitleH = Text.height(g, style.titleFont());
        double panelTop = top + panelTitleH + 4;
        double xLabelH = xLabel.isBlank() ? 0 : Text.height(g, style.labelFont()) + 6;
        double gutter = Text.maxWidth(g, style.labelFont(), algorithms) + 12;
        int nPanels = estimates.size();
        int panelW = (int) Math.floor((w - PAD - gutter - PAD - GAP * (nPanels - 1.0)) / nPanels);
        int panelH = (int) Math.floor(h - panelTop - xLabelH - PAD);
        if (panelW < 40 || panelH < 40) {
            throw new IllegalArgumentException("a " + w + "x" + h + " image is too small for " + nPanels
                    + " panels and these labels; make the plot larger (PlotStyle.withSize)");
        }
        Map<String, java.awt.Color> colors = style.colors(algorithms);
        int n = algorithms.size();
        double plotsLeft = Double.NaN;
        double plotsRight = Double.NaN;
        int i = 0;
        for (Map.Entry<String, Map<String, Estimate>> metric : estimates.entrySet()) {
            List<IntervalRows.Row> rows = new ArrayList<>(n);
            for (String alg : algorithms) {
                rows.add(new IntervalRows.Row(alg, colors.get(alg), metric.getValue().get(alg)));
            }
            double[] range = xRanges.getOrDefault(metric.getKey(), IntervalRows.range(metric.getValue().values()));
            XYChart chart = IntervalRows.chart(style, panelW, panelH, rows, range[0], range[1]);
            double x0 = PAD + gutter + i * (panelW + GAP);
            Charts.paintAt(g, chart, x0, panelTop);
            double left = x0 + chart.getScreenXFromChart(range[0]);
            double right = x0 + chart.getScreenXFromChart(range[1]);
            Text.draw(g, metric.getKey(), style.titleFont(), Charts.INK, (left + right) / 2,
                    top + panelTitleH / 2, Text.Align.CENTER);
            if (i == 0) {
                plotsLeft = left;
                for (int r = 0; r < n; r++) {
                    double y = panelTop + IntervalRows.rowScreenY(chart, r, n);
                    Text.draw(g, algorithms.get(r), style.labelFont(), Charts.INK, left - 8, y, Text.Align.RIGHT);
                }
            }
            plotsRight = right;
            i++;
        }
        if (!xLabel.isBlank()) {
            Text.draw(g, xLabel, style.labelFont(), Charts.INK, (plotsLeft + plotsRight) / 2,
                    h - PAD - xLabelH / 2, Text.Align.CENTER);
        }
    }
}
