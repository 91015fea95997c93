package com.propertyservice.advisor.kano;

import java.util.ArrayList;
import java.util.List;

/**
 * CSV as Excel and WPS write it (RFC 4180): cells split by a delimiter, quoted with {@code "} when
 * they hold the delimiter, a quote or a line break, {@code ""} for a quote inside. Read one record
 * at a time, so a caller can stop early, and with each cell's place in the text, so a cell can be
 * rewritten without touching a byte around it.
 */
final class Csv {

    /**
     * One cell.
     *
     * @param column 0-based column
     * @param start  offset of its first character in the text (its opening quote, if quoted)
     * @param end    offset just past its last character (its closing quote, if quoted)
     * @param value  its content, quotes removed
     * @param quoted whether it was written in quotes
     */
    record Cell(int column, int start, int end, String value, boolean quoted) {}

    /**
     * One record (a row of the sheet).
     *
     * @param index 0-based record number
     * @param line  1-based line of the text where it starts (a quoted cell may span lines)
     */
    record Row(int index, int line, List<Cell> cells) {

        /** The content of a column, or an empty string when the row is shorter. */
        String value(int column) {
            return column < cells.size() ? cells.get(column).value() : "";
        }

        /** Whether every cell is empty or white space. */
        boolean blank() {
            return cells.stream().allMatch(cell -> cell.value().isBlank());
        }
    }

    private final String text;
    private final char delimiter;
    private int position;
    private int line = 1;
    private int index;

    private Csv(String text, char delimiter) {
        this.text = text;
        this.delimiter = delimiter;
    }

    /** A reader over {@code text}; a leading byte-order mark is skipped. */
    static Csv over(String text, char delimiter) {
        Csv csv = new Csv(text, delimiter);
        if (text.startsWith("\uFEFF")) {
            csv.position = 1;
        }
        return csv;
    }

    /** Every record of {@code text}. */
    static List<Row> rows(String text, char delimiter) {
        Csv csv = over(text, delimiter);
        List<Row> rows = new ArrayList<>();
        for (Row row = csv.next(); row != null; row = csv.next()) {
            rows.add(row);
        }
        return rows;
    }

    /** The delimiter the first line uses: a comma, or a tab or semicolon when the line has one and no comma. */
    static char delimiterOf(String text) {
        int end = text.indexOf('\n');
        String first = end < 0 ? text : text.substring(0, end);
        if (first.indexOf(',') >= 0) {
            return ',';
        }
        if (first.indexOf('\t') >= 0) {
            return '\t';
        }
        return first.indexOf(';') >= 0 ? ';' : ',';
    }

    /** The next record, or {@code null} at the end of the text. */
    Row next() {
        if (position >= text.length()) {
            return null;
        }
        int startLine = line;
        List<Cell> cells = new ArrayList<>();
        while (true) {
            Cell cell = cell(cells.size());
            cells.add(cell);
            if (position >= text.length()) {
                break;
            }
            char c = text.charAt(position);
            if (c == delimiter) {
                position++;
                continue;
            }
            // a line break ends the record
            position++;
            if (c == '\r' && position < text.length() && text.charAt(position) == '\n') {
                position++;
            }
            line++;
            break;
        }
        return new Row(index++, startLine, List.copyOf(cells));
    }

    private Cell cell(int column) {
        int start = position;
        StringBuilder value = new StringBuilder();
        boolean quoted = position < text.length() && text.charAt(position) == '"';
        if (quoted) {
            position++;
            while (position < text.length()) {
                char c = text.charAt(position);
                if (c == '"') {
                    if (position + 1 < text.length() && text.charAt(position + 1) == '"') {
                        value.append('"');
                        position += 2;
                        continue;
                    }
                    position++;
                    break;
                }
                countLine(c);
                value.append(c);
                position++;
            }
        }
        // unquoted text, or what Excel keeps after a closing quote
        while (position < text.length()) {
            char c = text.charAt(position);
            if (c == delimiter || c == '\n' || c == '\r') {
                break;
            }
            value.append(c);
            position++;
        }
        return new Cell(column, start, position, value.toString(), quoted);
    }

    private void countLine(char c) {
        if (c == '\n' || c == '\r' && (position + 1 >= text.length() || text.charAt(position + 1) != '\n')) {
            line++;
        }
    }

    /** A value written as a CSV cell: quoted when asked to, or when it holds the delimiter, a quote or a line break. */
    static String quote(String value, char delimiter, boolean alwaysQuote) {
        boolean needs = alwaysQuote
                || value.indexOf(delimiter) >= 0
                || value.indexOf('"') >= 0
                || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0;
        return needs ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
