package dev.matcher.data;

import java.util.ArrayList;
import java.util.List;

/**
 * A small fixed-width text table for {@code toString()} output and CLI reports.
 *
 * <pre>{@code
 * new TextTable("name", "kind").row("title", "STRING").toString();
 * }</pre>
 */
public final class TextTable {
    private static final int MAX_CELL = 40;
    private final String[] header;
    private final List<String[]> rows = new ArrayList<>();

    public TextTable(String... header) {
        this.header = header.clone();
    }

    /** Adds a row; null cells print as {@code null}, long cells are shortened with an ellipsis. */
    public TextTable row(Object... cells) {
        if (cells.length != header.length) {
            throw new IllegalArgumentException("row has " + cells.length + " cells, header has " + header.length);
        }
        String[] r = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            r[i] = shorten(cells[i] == null ? "null" : cells[i].toString());
        }
        rows.add(r);
        return this;
    }

    private static String shorten(String s) {
        String oneLine = s.replace('\n', ' ').replace('\r', ' ');
        return oneLine.length() <= MAX_CELL ? oneLine : oneLine.substring(0, MAX_CELL - 1) + "…";
    }

    @Override
    public String toString() {
        int[] width = new int[header.length];
        for (int i = 0; i < header.length; i++) {
            width[i] = header[i].length();
            for (String[] r : rows) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        line(sb, header, width);
        for (int i = 0; i < header.length; i++) {
            sb.append(i == 0 ? "" : "-+-").append("-".repeat(width[i]));
        }
        sb.append('\n');
        for (String[] r : rows) {
            line(sb, r, width);
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, String[] cells, int[] width) {
        for (int i = 0; i < cells.length; i++) {
            sb.append(i == 0 ? "" : " | ").append(cells[i]);
            if (i < cells.length - 1) {
                sb.append(" ".repeat(width[i] - cells[i].length()));
            }
        }
        sb.append('\n');
    }
}
