package dev.ferry.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Rows of text in columns as wide as their widest cell, two spaces apart, the last one unpadded. */
final class TextTable {

    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();

    TextTable(String... headers) {
        this.headers = List.of(headers);
    }

    TextTable row(String... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException("a row of " + cells.length + " cells in a table of " + headers.size() + " columns");
        }
        rows.add(Arrays.stream(cells).map(cell -> cell == null || cell.isEmpty() ? "-" : cell).toList());
        return this;
    }

    List<String> lines() {
        int[] widths = new int[headers.size()];
        for (List<String> row : allRows()) {
            for (int column = 0; column < row.size(); column++) {
                widths[column] = Math.max(widths[column], row.get(column).length());
            }
        }
        List<String> lines = new ArrayList<>();
        for (List<String> row : allRows()) {
            StringBuilder line = new StringBuilder();
            for (int column = 0; column < row.size(); column++) {
                String cell = row.get(column);
                line.append(cell);
                if (column < row.size() - 1) {
                    line.append(" ".repeat(widths[column] - cell.length() + 2));
                }
            }
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }

    private List<List<String>> allRows() {
        List<List<String>> all = new ArrayList<>();
        all.add(headers);
        all.addAll(rows);
        return all;
    }
}
