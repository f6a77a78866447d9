package dev.quiver.pipeline.report;

import dev.quiver.report.plot.Plot;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * A self-contained HTML report, written as well-formed XHTML (it parses as XML: every element closed, every
 * text escaped) so that a strict parser can check it: headings, paragraphs, tables and figures, each figure an
 * SVG inlined as a {@code data:} URI with its description as alt text. No scripts, no external files: it reads
 * the same offline in any browser.
 */
public final class HtmlReport {
    private static final String STYLE = "body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;max-width:"
            + "1100px;margin:2em auto;padding:0 1em;color:#222;line-height:1.45}"
            + "h1{font-size:1.6em}h2{border-bottom:1px solid #ddd;padding-bottom:.2em;margin-top:1.8em}"
            + "table{border-collapse:collapse;margin:.8em 0;font-size:.92em}"
            + "th,td{border:1px solid #ccc;padding:.25em .6em;text-align:right}"
            + "th{background:#f3f3f3}td.l,th.l{text-align:left}"
            + "figure{margin:1em 0}figure img{max-width:100%;height:auto;border:1px solid #eee}"
            + "figcaption{font-size:.9em;color:#555}.note{background:#fff8e1;padding:.4em .8em;border-left:3px solid"
            + " #f0b400}.good{color:#1b7f3b;font-weight:600}.bad{color:#b3261e;font-weight:600}"
            + "pre{background:#f6f6f6;padding:.8em;overflow-x:auto;font-size:.85em}code{font-size:.92em}";
    private final StringBuilder body = new StringBuilder();
    private final String title;
    private int figures;

    /** An empty report with {@code title}. */
    public HtmlReport(String title) {
        this.title = title;
    }

    /** Adds a top-level heading. */
    public HtmlReport h1(String text) {
        return element("h1", text);
    }

    /** Adds a section heading with an anchor id. */
    public HtmlReport h2(String text, String id) {
        body.append("<h2 id=\"").append(attr(id)).append("\">").append(escape(text)).append("</h2>\n");
        return this;
    }

    /** Adds a sub-heading. */
    public HtmlReport h3(String text) {
        return element("h3", text);
    }

    /** Adds a paragraph of text. */
    public HtmlReport p(String text) {
        return element("p", text);
    }

    /** Adds a paragraph with a leading bold label. */
    public HtmlReport labelled(String label, String text) {
        body.append("<p><strong>").append(escape(label)).append("</strong> ").append(escape(text)).append("</p>\n");
        return this;
    }

    /** Adds a highlighted note. */
    public HtmlReport note(String text) {
        body.append("<p class=\"note\">").append(escape(text)).append("</p>\n");
        return this;
    }

    /** Adds preformatted text. */
    public HtmlReport pre(String text) {
        return element("pre", text);
    }

    /** Adds a bulleted list. */
    public HtmlReport list(List<String> items) {
        body.append("<ul>\n");
        for (String s : items) {
            body.append("<li>").append(escape(s)).append("</li>\n");
        }
        body.append("</ul>\n");
        return this;
    }

    /**
     * Adds a table; a header name starting with {@code <} makes that column left-aligned (the {@code <} is dropped).
     */
    public HtmlReport table(String[] header, List<String[]> rows) {
        boolean[] left = new boolean[header.length];
        body.append("<table>\n<thead><tr>");
        for (int i = 0; i < header.length; i++) {
            left[i] = header[i].startsWith("<");
            String h = left[i] ? header[i].substring(1) : header[i];
            body.append(left[i] ? "<th class=\"l\">" : "<th>").append(escape(h)).append("</th>");
        }
        body.append("</tr></thead>\n<tbody>\n");
        for (String[] r : rows) {
            body.append("<tr>");
            for (int i = 0; i < header.length; i++) {
                String v = i < r.length && r[i] != null ? r[i] : "";
                body.append(left[i] ? "<td class=\"l\">" : "<td>").append(escape(v)).append("</td>");
            }
            body.append("</tr>\n");
        }
        body.append("</tbody>\n</table>\n");
        return this;
    }

    /** Adds {@code plot} as an inline SVG image with {@code caption}. */
    public HtmlReport figure(Plot plot, String caption) {
        figures++;
        String svg = plot.toSvgString();
        String uri = "data:image/svg+xml;base64," + Base64.getEncoder().encodeToString(svg.getBytes(
                StandardCharsets.UTF_8));
        body.append("<figure id=\"figure-").append(figures).append("\"><img src=\"").append(uri).append("\" alt=\"")
                .append(attr(plot.description())).append("\" width=\"").append(plot.width()).append("\" height=\"")
                .append(plot.height()).append("\"/><figcaption>Figure ").append(figures).append(". ")
                .append(escape(caption)).append("</figcaption></figure>\n");
        return this;
    }

    /** The whole document. */
    public String render() {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n"
                + "<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n<meta charset=\"UTF-8\"/>\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n<title>" + escape(title)
                + "</title>\n<style>" + STYLE + "</style>\n</head>\n<body>\n" + body + "</body>\n</html>\n";
    }

    private HtmlReport element(String tag, String text) {
        body.append('<').append(tag).append('>').append(escape(text)).append("</").append(tag).append(">\n");
        return this;
    }

    /** {@code s} with {@code & < >} escaped, and characters XML forbids dropped. */
    public static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                default -> {
                    if (c >= 0x20 || c == '\n' || c == '\t' || c == '\r') {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }

    private static String attr(String s) {
        return escape(s).replace("\"", "&quot;").replace("\n", " ");
    }
}
