package dev.quiver.report.plot;

import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The look shared by Quiver's plots: image size, fonts, line widths, transparencies and a fixed colour
 * palette, so that each algorithm gets the same colour in every plot of a report.
 *
 * <p>Colours: an algorithm named in {@link #algorithmOrder()} gets the palette colour at its index
 * there; an algorithm not named gets the next free palette colours, in the order in which it first
 * appears in the plot's input. Give the same {@code algorithmOrder} to every plot of a study to keep
 * colours consistent across plots whose inputs list algorithms in different orders. The palette wraps
 * around when there are more algorithms than colours.
 *
 * @param width the image width in pixels (SVG user units), at least 100
 * @param height the image height in pixels (SVG user units), at least 100
 * @param fontFamily a font family or logical font name, e.g. {@code "SansSerif"}
 * @param titleFontSize the size of the figure and panel titles, in points
 * @param labelFontSize the size of axis labels and category labels, in points
 * @param tickFontSize the size of axis tick labels, in points
 * @param legendFontSize the size of legend entries, in points
 * @param palette the colours handed out to algorithms, at least one
 * @param algorithmOrder algorithm names in palette order (may be empty)
 * @param lineWidth the width of curve lines, in pixels
 * @param bandAlpha the opacity of confidence bands, in [0, 1]
 * @param barAlpha the opacity of interval bars, in [0, 1]
 * @see <a href="https://arxiv.org/abs/2108.13264">Agarwal, Schwarzer, Castro, Courville, Bellemare
 *     (2021), Deep Reinforcement Learning at the Edge of the Statistical Precipice, arXiv:2108.13264</a>
 */
public record PlotStyle(int width, int height, String fontFamily, int titleFontSize, int labelFontSize,
        int tickFontSize, int legendFontSize, List<Color> palette, List<String> algorithmOrder,
        float lineWidth, double bandAlpha, double barAlpha) {

    /**
     * Seaborn's {@code colorblind} palette (the one rliable uses by default), in its order: blue,
     * orange, green, vermilion, purple, brown, pink, grey, yellow, sky blue.
     */
    public static final List<Color> COLORBLIND = List.of(
            new Color(0x0173B2), new Color(0xDE8F05), new Color(0x029E73), new Color(0xD55E00),
            new Color(0xCC78BC), new Color(0xCA9161), new Color(0xFBAFE4), new Color(0x949494),
            new Color(0xECE133), new Color(0x56B4E9));

    /** Validates the style and copies the lists. */
    public PlotStyle {
        if (width < 100 || height < 100) {
            throw new IllegalArgumentException("plot size must be at least 100x100, got " + width + "x" + height);
        }
        Objects.requireNonNull(fontFamily, "fontFamily");
        if (titleFontSize <= 0 || labelFontSize <= 0 || tickFontSize <= 0 || legendFontSize <= 0) {
            throw new IllegalArgumentException("font sizes must be positive");
        }
        palette = List.copyOf(palette);
        if (palette.isEmpty()) {
            throw new IllegalArgumentException("palette needs at least one colour");
        }
        algorithmOrder = List.copyOf(algorithmOrder);
        if (!(lineWidth > 0)) {
            throw new IllegalArgumentException("lineWidth must be positive, got " + lineWidth);
        }
        if (!(bandAlpha >= 0 && bandAlpha <= 1) || !(barAlpha >= 0 && barAlpha <= 1)) {
            throw new IllegalArgumentException("alphas must be in [0, 1], got band " + bandAlpha + ", bar " + barAlpha);
        }
    }

    /**
     * The defaults: 800x500, SansSerif (DejaVu Sans on Linux), title 16 pt, labels 14 pt, ticks 12 pt,
     * legend 13 pt, the {@link #COLORBLIND} palette, no fixed algorithm order, 2.5 px lines, bands at
     * 20% opacity and bars at 75% (rliable's values).
     */
    public static PlotStyle defaults() {
        return new PlotStyle(800, 500, Font.SANS_SERIF, 16, 14, 12, 13, COLORBLIND, List.of(), 2.5f, 0.2, 0.75);
    }

    /** This style with another image size. */
    public PlotStyle withSize(int width, int height) {
        return new PlotStyle(width, height, fontFamily, titleFontSize, labelFontSize, tickFontSize,
                legendFontSize, palette, algorithmOrder, lineWidth, bandAlpha, barAlpha);
    }

    /** This style with another font family. */
    public PlotStyle withFontFamily(String fontFamily) {
        return new PlotStyle(width, height, fontFamily, titleFontSize, labelFontSize, tickFontSize,
                legendFontSize, palette, algorithmOrder, lineWidth, bandAlpha, barAlpha);
    }

    /** This style with other font sizes (points). */
    public PlotStyle withFontSizes(int title, int label, int tick, int legend) {
        return new PlotStyle(width, height, fontFamily, title, label, tick, legend, palette, algorithmOrder,
                lineWidth, bandAlpha, barAlpha);
    }

    /** This style with another palette. */
    public PlotStyle withPalette(List<Color> palette) {
        return new PlotStyle(width, height, fontFamily, titleFontSize, labelFontSize, tickFontSize,
                legendFontSize, palette, algorithmOrder, lineWidth, bandAlpha, barAlpha);
    }

    /** This style with algorithm names in palette order (see the class comment). */
    public PlotStyle withAlgorithmOrder(List<String> algorithmOrder) {
        return new PlotStyle(width, height, fontFamily, titleFontSize, labelFontSize, tickFontSize,
                legendFontSize, palette, algorithmOrder, lineWidth, bandAlpha, barAlpha);
    }

    /** This style with another curve line width. */
    public PlotStyle withLineWidth(float lineWidth) {
        return new PlotStyle(width, height, fontFamily, titleFontSize, labelFontSize, tickFontSize,
                legendFontSize, palette, algorithmOrder, lineWidth, bandAlpha, barAlpha);
    }

    /** This style with other band and bar opacities. */
    public PlotStyle withAlphas(double bandAlpha, double barAlpha) {
        return new PlotStyle(width, height, fontFamily, titleFontSize, labelFontSize, tickFontSize,
                legendFontSize, palette, algorithmOrder, lineWidth, bandAlpha, barAlpha);
    }

    /**
     * The colour of each algorithm in {@code present} (in its order), following the rule in the class
     * comment.
     */
    public Map<String, Color> colors(Collection<String> present) {
        Map<String, Color> out = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        for (String name : present) {
            int i = algorithmOrder.indexOf(name);
            if (i >= 0) {
                out.put(name, palette.get(i % palette.size()));
            } else if (!unknown.contains(name)) {
                unknown.add(name);
            }
        }
        for (int k = 0; k < unknown.size(); k++) {
            out.put(unknown.get(k), palette.get((algorithmOrder.size() + k) % palette.size()));
        }
        Map<String, Color> ordered = new LinkedHashMap<>();
        for (String name : present) {
            ordered.put(name, out.get(name));
        }
        return ordered;
    }

    Font titleFont() {
        return new Font(fontFamily, Font.BOLD, titleFontSize);
    }

    Font labelFont() {
        return new Font(fontFamily, Font.PLAIN, labelFontSize);
    }

    Font boldLabelFont() {
        return new Font(fontFamily, Font.BOLD, labelFontSize);
    }

    Font tickFont() {
        return new Font(fontFamily, Font.PLAIN, tickFontSize);
    }

    Font legendFont() {
        return new Font(fontFamily, Font.PLAIN, legendFontSize);
    }

    static Color withAlpha(Color c, double alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), (int) Math.round(alpha * 255));
    }
}
