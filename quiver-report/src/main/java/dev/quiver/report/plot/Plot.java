package dev.quiver.report.plot;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;

/**
 * A figure that paints itself onto any {@link Graphics2D} and saves itself as PNG or SVG.
 *
 * <p>Implementations are immutable. Everything meaningful to a reader that is not a number on an
 * axis (titles, category names, legend entries) is drawn as text, so in SVG it stays text (searchable,
 * selectable); XChart draws axis tick labels and axis titles as outlines.
 */
public interface Plot {

    /** The image width in pixels (SVG user units). */
    int width();

    /** The image height in pixels (SVG user units). */
    int height();

    /** The figure title, or the empty string when there is none. */
    String title();

    /**
     * A plain-text summary of what the figure shows (the numbers behind it), for alt text; it is also
     * written into the SVG's {@code <desc>} element.
     */
    String description();

    /**
     * Paints the figure onto {@code g} in the box {@code [0, width()) x [0, height())}, white
     * background included. The caller's graphics state is left as it was.
     */
    void paint(Graphics2D g);

    /** The figure as an RGB image of {@code width() x height()} pixels. */
    default BufferedImage toImage() {
        return PlotOutput.image(this);
    }

    /** The figure as PNG bytes. */
    default byte[] toPngBytes() {
        return PlotOutput.png(this);
    }

    /**
     * The figure as an SVG 1.1 document (UTF-8 XML, with an XML declaration and no DOCTYPE), with a
     * {@code <title>} and a {@code <desc>} element.
     */
    default String toSvgString() {
        return PlotOutput.svg(this);
    }

    /**
     * Writes the figure to {@code out} as PNG or SVG, chosen by the file name's extension
     * ({@code .png} or {@code .svg}, any case), through a temp file in the same directory and an atomic
     * move; creates missing parent directories.
     *
     * @throws dev.quiver.core.error.QuiverUserException if the extension is neither, or the file
     *     cannot be written
     */
    default void save(Path out) {
        PlotOutput.save(this, out);
    }
}
