package dev.quiver.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** A plain-text table: a header, rows, columns padded to their widest cell (numbers right-aligned). */
public final class Table {
    private final String[] header;
    private final boolean[] right;
    private final List<String[]> rows = new ArrayList<>();

    /** Columns named {@code header}; a name starting with {@code '>'} is right-aligned (the marker is dropped). */
    public Table(String... header) {
        this.header = new String[header.length];
        this.right = new boolean[header.length];
        for (int i = 0; i < header.length; i++) {
            right[i] = header[i].startsWith(">");
            this.header[i] = right[i] ? header[i].substring(1) : header[i];
        }
    }

    /** Adds a row (as many cells as columns). */
    public Table row(Object... cells) {
        if (cells.length != header.length) {
            throw new IllegalArgumentException("expected " + header.length + " cells, got " + cells.length);
        }
        String[] r = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            r[i] = String.valueOf(cells[i]);
        }
        rows.add(r);
        return this;
    }

    /** Prints the header, a rule and the rows. */
    public void print(PrintWriter out) {
        int[] w = new int[header.length];
        for (int i = 0; i < header.length; i++) {
            w[i] = header[i].length();
            for (String[] r : rows) {
                w[i] = Math.max(w[i], r[i].length());
            }
        }
        line(out, header, w);
        String[] rule = new String[header.length];
        for (int i = 0; i < header.length; i++) {
            rule[i] = "-".repeat(w[i]);
        }
        line(out, rule, w);
        for (String[] r : rows) {
            line(out, r, w);
        }
        out.flush();
    }

    private void line(PrintWriter out, String[] cells, int[] w) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                sb.append("  ");
            }
            String pad = " ".repeat(w[i] - cells[i].length());
            sb.append(right[i] ? pad + cells[i] : (i == cells.length - 1 ? cells[i] : cells[i] + pad));
        }
        out.println(sb);
    }

    /**
     * Prints {@code rows} under {@code header}: the first column left-aligned, the middle ones
     * right-aligned, and the last one right-aligned too when {@code lastRightAligned} (else left-aligned).
     */
    public static void print(PrintWriter out, String[] header, List<String[]> rows, boolean lastRightAligned) {
        String[] h = new String[header.length];
        for (int i = 0; i < header.length; i++) {
            boolean right = i > 0 && (i < header.length - 1 || lastRightAligned);
            h[i] = (right ? ">" : "") + header[i];
        }
        Table t = new Table(h);
        for (String[] r : rows) {
            t.row((Object[]) r);
        }
        t.print(out);
    }
}
