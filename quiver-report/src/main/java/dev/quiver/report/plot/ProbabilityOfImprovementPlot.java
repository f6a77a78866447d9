package dev.quiver.report.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.XYChart;

/**
 * Probabilities of improvement P(X &gt; Y) with interval estimates, one row per pair, first pair at the
 * top: a horizontal bar over the interval and a dark tick at the point estimate, X's name on the left,
 * Y's on the right, and a dashed reference line at 0.5 (no improvement either way).
 *
 * <p>Colours: each row takes the colour of its X algorithm, or of its Y algorithm when every row has
 * the same X (the usual "new method vs each baseline" figure), so rows stay distinguishable and match
 * the algorithms' colours in the other plots.
 *
 * @see <a href="https://arxiv.org/abs/2108.13264">Agarwal, Schwarzer, Castro, Courville, Bellemare
 *     (2021), Deep Reinforcement Learning at the Edge of the Statistical Precipice, arXiv:2108.13264
 *     (rliable's {@code plot_probability_of_improvement})</a>
 */
public final class ProbabilityOfImprovementPlot implements Plot {

    private static final int PAD = 10;

    private final List<ImprovementPair> pairs;
    private final PlotStyle style;
    private final String title;
    private final String xLabel;
    private final String leftHeading;
    private final String rightHeading;
    private final double xMin;
    private final double xMax;
    private final double reference;

    private ProbabilityOfImprovementPlot(List<ImprovementPair> pairs, PlotStyle style, String title, String xLabel,
            String leftHeading, String rightHeading, double xMin, double xMax, double reference) {
        this.pairs = pairs;
        this.style = style;
        this.title = title;
        this.xLabel = xLabel;
        this.leftHeading = leftHeading;
        this.rightHeading = rightHeading;
        this.xMin = xMin;
        this.xMax = xMax;
        this.reference = reference;
    }

    /**
     * A plot of {@code pairs}, in their order top to bottom; x range [0, 1], reference line at 0.5.
     *
     * @throws IllegalArgumentException if {@code pairs} is empty
     */
    public static ProbabilityOfImprovementPlot of(List<ImprovementPair> pairs) {
        if (pairs.isEmpty()) {
            throw new IllegalArgumentException("ProbabilityOfImprovementPlot needs at least one pair");
        }
        return new ProbabilityOfImprovementPlot(List.copyOf(pairs), PlotStyle.defaults(), "", "P(X > Y)",
                "Algorithm X", "Algorithm Y", 0, 1, 0.5);
    }

    /** This plot with another style. */
    public ProbabilityOfImprovementPlot withStyle(PlotStyle style) {
        return new ProbabilityOfImprovementPlot(pairs, Objects.requireNonNull(style, "style"), title, xLabel,
                leftHeading, rightHeading, xMin, xMax, reference);
    }

    /** This plot with a figure title (empty for none, the default). */
    public ProbabilityOfImprovementPlot withTitle(String title) {
        return new ProbabilityOfImprovementPlot(pairs, style, Objects.requireNonNull(title, "title"), xLabel,
                leftHeading, rightHeading, xMin, xMax, reference);
    }

    /** This plot with another x label (default {@code "P(X > Y)"}; empty for none). */
    public ProbabilityOfImprovementPlot withXLabel(String xLabel) {
        return new ProbabilityOfImprovementPlot(pairs, style, title, Objects.requireNonNull(xLabel, "xLabel"),
                leftHeading, rightHeading, xMin, xMax, reference);
    }

    /** This plot with other headings over the X and Y names (default "Algorithm X", "Algorithm Y"). */
    public ProbabilityOfImprovementPlot withHeadings(String left, String right) {
        return new ProbabilityOfImprovementPlot(pairs, style, title, xLabel, Objects.requireNonNull(left, "left"),
                Objects.requireNonNull(right, "right"), xMin, xMax, reference);
    }

    /** This plot with another x range (default [0, 1]); parts of intervals outside are cut off. */
    public ProbabilityOfImprovementPlot withXRange(double min, double max) {
        if (!(Double.isFinite(min) && Double.isFinite(max) && min < max)) {
            throw new IllegalArgumentException("x range needs finite min < max, got [" + min + ", " + max + "]");
        }
        return new ProbabilityOfImprovementPlot(pairs, style, title, xLabel, leftHeading, rightHeading, min, max,
                reference);
    }

    /** This plot with the vertical reference line at {@code x} (default 0.5; NaN for none). */
    public ProbabilityOfImprovementPlot withReference(double x) {
        return new ProbabilityOfImprovementPlot(pairs, style, title, xLabel, leftHeading, rightHeading, xMin, xMax, x);
    }

    /** The pairs, top to bottom. */
    public List<ImprovementPair> pairs() {
        return pairs;
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
        StringBuilder sb = new StringBuilder("Probability of improvement P(X > Y)");
        if (!title.isBlank()) {
            sb.append(" (").append(title).append(')');
        }
        sb.append('.');
        for (ImprovementPair p : pairs) {
            sb.append('\n').append(p.label()).append(": ").append(Text.num(p.probability().point())).append(" [")
                    .append(Text.num(p.probability().low())).append(", ")
                    .append(Text.num(p.probability().high())).append(']');
        }
        return sb.toString();
    }

    /** The colour of each row, by the rule in the class comment. */
    List<Color> rowColors() {
        boolean sameX = pairs.stream().map(ImprovementPair::algorithmX).distinct().count() == 1;
        List<String> keys = pairs.stream().map(p -> sameX ? p.algorithmY() : p.algorithmX()).toList();
        Map<String, Color> colors = style.colors(keys);
        return keys.stream().map(colors::get).toList();
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
        double headH = Text.height(g, style.boldLabelFont());
        double chartTop = top + headH + 4;
        List<String> xs = pairs.stream().map(ImprovementPair::algorithmX).toList();
        List<String> ys = pairs.stream().map(ImprovementPair::algorithmY).toList();
        double leftGutter = Math.max(Text.maxWidth(g, style.labelFont(), xs),
                Text.width(g, style.boldLabelFont(), leftHeading)) + 12;
        double rightGutter = Math.max(Text.maxWidth(g, style.labelFont(), ys),
                Text.width(g, style.boldLabelFont(), rightHeading)) + 12;
        double xLabelH = xLabel.isBlank() ? 0 : Text.height(g, style.labelFont()) + 6;
        int chartW = (int) Math.floor(w - 2 * PAD - leftGutter - rightGutter);
        int chartH = (int) Math.floor(h - chartTop - xLabelH - PAD);
        if (chartW < 60 || chartH < 40) {
            throw new IllegalArgumentException("a " + w + "x" + h + " image is too small for these labels; "
                    + "make the plot larger (PlotStyle.withSize)");
        }
        List<Color> colors = rowColors();
        List<IntervalRows.Row> rows = new ArrayList<>(pairs.size());
        for (int r = 0; r < pairs.size(); r++) {
            rows.add(new IntervalRows.Row(pairs.get(r).label(), colors.get(r), pairs.get(r).probability()));
        }
        XYChart chart = IntervalRows.chart(style, chartW, chartH, rows, xMin, xMax);
        if (Double.isFinite(reference) && reference > xMin && reference < xMax) {
            chart.getStyler().setAnnotationLineColor(new Color(0, 0, 0, 140));
            chart.getStyler().setAnnotationLineStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT,
                    BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
            chart.addAnnotation(new AnnotationLine(reference, true, false));
        }
        double x0 = PAD + leftGutter;
        Charts.paintAt(g, chart, x0, chartTop);
        double left = x0 + chart.getScreenXFromChart(xMin);
        double right = x0 + chart.getScreenXFromChart(xMax);
        int n = pairs.size();
        for (int r = 0; r < n; r++) {
            double y = chartTop + IntervalRows.rowScreenY(chart, r, n);
            Text.draw(g, xs.get(r), style.labelFont(), Charts.INK, left - 8, y, Text.Align.RIGHT);
            Text.draw(g, ys.get(r), style.labelFont(), Charts.INK, right + 8, y, Text.Align.LEFT);
        }
        double headY = top + headH / 2;
        Text.draw(g, leftHeading, style.boldLabelFont(), Charts.INK, left - 8, headY, Text.Align.RIGHT);
        Text.draw(g, rightHeading, style.boldLabelFont(), Charts.INK, right + 8, headY, Text.Align.LEFT);
        if (!xLabel.isBlank()) {
            Text.draw(g, xLabel, style.labelFont(), Charts.INK, (left + right) / 2, h - PAD - xLabelH / 2,
                    Text.Align.CENTER);
        }
    }
}
