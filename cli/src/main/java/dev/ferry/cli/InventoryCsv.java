package dev.ferry.cli;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The lines of an inventory CSV as text cells, each row with the line it starts on. RFC 4180 as
 * Jackson reads it: quoted fields (with commas, quotes and line breaks inside), CRLF or LF line
 * ends, a UTF-8 byte order mark. Cells are trimmed; rows with nothing but blank cells (blank lines,
 * or a spreadsheet's trailing {@code ,,,}) are left out.
 *
 * @param header the first row: the column names
 * @param rows   the rows after it
 */
record InventoryCsv(Row header, List<Row> rows) {

    private static final CsvFactory CSV = new CsvFactory();

    /**
     * One row of the file.
     *
     * @param line  the line the row starts on, counted from 1 (a quoted line break makes a row span lines)
     * @param cells the row's cells, trimmed
     */
    record Row(int line, List<String> cells) {

        Row {
            cells = List.copyOf(cells);
        }

        /** The cell of a column, empty when the row is shorter than the header. */
        String cell(int column) {
            return column < cells.size() ? cells.get(column) : "";
        }
    }

    /** The CSV cannot be read as CSV at all (an unclosed quote, say). */
    static final class MalformedCsvException extends Exception {

        private final int line;

        MalformedCsvException(int line, String message) {
            super(message);
            this.line = line;
        }

        /** The line where reading stopped. */
        int line() {
            return line;
        }
    }

    /** Reads a whole file; the bytes are decoded as Jackson detects them (UTF-8 with or without a byte order mark). */
    static InventoryCsv read(byte[] content) throws MalformedCsvException {
        List<Row> rows = new ArrayList<>();
        try (CsvParser parser = (CsvParser) CSV.createParser(content)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token != JsonToken.START_ARRAY) {
                    continue;
                }
                // Without a schema each row is an array; its start is where the row's first line is.
                int line = parser.currentLocation().getLineNr();
                List<String> cells = new ArrayList<>();
                while (parser.nextToken() == JsonToken.VALUE_STRING) {
                    cells.add(parser.getText().strip());
                }
                if (cells.stream().anyMatch(cell -> !cell.isEmpty())) {
                    rows.add(new Row(line, cells));
                }
            }
        } catch (JsonParseException e) {
            throw new MalformedCsvException(e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                    e.getOriginalMessage());
        } catch (IOException e) {
            // The bytes are in memory: only a decoding failure gets here.
            throw new MalformedCsvException(0, e.getMessage());
        }
        if (rows.isEmpty()) {
            return new InventoryCsv(new Row(1, List.of()), List.of());
        }
        return new InventoryCsv(rows.getFirst(), rows.subList(1, rows.size()));
    }
}
