package dev.ferry.notify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A plain-text table for email bodies (SNS email has no HTML): columns padded to their widest
 * cell, except the last, which is usually a free-text reason.
 */
public final class TextTable {

    private static final String EMPTY_CELL = "-";
    private static final String GAP = "  ";

    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();
    private final int[] widths;

    public TextTable(String... headers) {
        this.headers = List.of(headers);
        this.widths = Arrays.stream(headers).mapToInt(String::length).toArray();
    }

    /** Adds a row; a null cell is shown as "-". Missing cells are empty, extra cells are an error. */
    public TextTable row(String... cells) {
        if (cells.length > headers.size()) {
            throw new IllegalArgumentException("A row has " + cells.length + " cells; the table has "
                    + headers.size() + " columns");
        }
        List<String> row = new ArrayList<>(headers.size());
        for (int i = 0; i < headers.size(); i++) {
            String cell = i < cells.length ? cells[i] : null;
            row.add(cell == null || cell.isBlank() ? EMPTY_CELL : oneLine(cell));
            widths[i] = Math.max(widths[i], row.get(i).length());
        }
        rows.add(row);
        return this;
    }

    /** How many rows it has. */
    public int rowCount() {
        return rows.size();
    }

    /** An upper bound of the length of {@link #render()}, cheap enough to ask after every row. */
    public long renderedLengthBound() {
        long lineLength = Arrays.stream(widths).sum() + (long) GAP.length() * (widths.length - 1) + 1;
        return lineLength * (rows.size() + 2);
    }

    /** The table, one line per row under a header line and a rule. */
    public String render() {
        StringBuilder text = new StringBuilder();
        line(text, headers, widths);
        List<String> rule = Arrays.stream(widths).mapToObj("-"::repeat).toList();
        line(text, rule, widths);
        rows.forEach(row -> line(text, row, widths));
        return text.toString();
    }

    private static void line(StringBuilder text, List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            line.append(cell);
            if (i < cells.size() - 1) {
                line.append(" ".repeat(widths[i] - cell.length())).append(GAP);
            }
        }
        text.append(line.toString().stripTrailing()).append('\n');
    }

    /** Line breaks inside a cell would break the table's columns. */
    private static String oneLine(String cell) {
        return cell.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }
}
