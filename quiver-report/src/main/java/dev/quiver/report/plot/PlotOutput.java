package dev.quiver.report.plot;

import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import dev.quiver.core.error.QuiverUserException;
import dev.quiver.core.io.AtomicFiles;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;

/** Encodes plots as PNG and SVG and writes them to files atomically. */
final class PlotOutput {

    private PlotOutput() {}

    static BufferedImage image(Plot plot) {
        BufferedImage img = new BufferedImage(plot.width(), plot.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, plot.width(), plot.height());
            plot.paint(g);
        } finally {
            g.dispose();
        }
        return img;
    }

    static byte[] png(Plot plot) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image(plot), "png", out)) {
                throw new IllegalStateException("no PNG writer in this JRE");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static String svg(Plot plot) {
        VectorGraphics2D g = new VectorGraphics2D();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, plot.width(), plot.height());
        plot.paint(g);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            new SVGProcessor().getDocument(g.getCommands(), new PageSize(0, 0, plot.width(), plot.height()))
                    .writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return decorate(out.toString(StandardCharsets.UTF_8), plot);
    }

    /** Drops the DOCTYPE (XML tools would fetch the DTD) and adds {@code <title>} and {@code <desc>}. */
    private static String decorate(String svg, Plot plot) {
        String s = svg.replaceFirst("<!DOCTYPE[^>]*>\\s*", "");
        int open = s.indexOf("<svg");
        int end = open < 0 ? -1 : s.indexOf('>', open);
        if (end < 0) {
            throw new IllegalStateException("VectorGraphics2D wrote no <svg> element");
        }
        String title = plot.title().isBlank() ? "Quiver plot" : plot.title();
        String meta = "\n  <title>" + Text.xmlEscape(title) + "</title>\n  <desc>" + Text.xmlEscape(plot.description())
                + "</desc>";
        return s.substring(0, end + 1) + meta + s.substring(end + 1);
    }

    static void save(Plot plot, Path out) {
        String name = out.getFileName() == null ? "" : out.getFileName().toString().toLowerCase(Locale.ROOT);
        byte[] bytes;
        if (name.endsWith(".png")) {
            bytes = png(plot);
        } else if (name.endsWith(".svg")) {
            bytes = svg(plot).getBytes(StandardCharsets.UTF_8);
        } else {
            throw new QuiverUserException("cannot save a plot to " + out
                    + ": the file name must end in .png or .svg (the extension picks the format)");
        }
        writeAtomically(out, bytes);
    }

    static void writeAtomically(Path out, byte[] bytes) {
        AtomicFiles.write(out, bytes, "cannot save a plot to " + out + " (give a file name ending in .png or .svg)");
    }
}
