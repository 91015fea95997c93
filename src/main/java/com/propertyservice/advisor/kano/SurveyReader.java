package com.propertyservice.advisor.kano;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a Kano survey file: CSV (UTF-8 with or without a byte-order mark, UTF-16 with one, or the
 * GBK/GB18030 that older Excel and WPS versions write on Chinese Windows) or an Excel workbook
 * (.xlsx, its first sheet). The first non-empty row names the columns {@code respondent, item,
 * functional, dysfunctional} in any order (more columns are ignored). Rows that cannot be used are
 * returned with their line and why; a file that cannot be used at all is refused as a whole.
 */
final class SurveyReader {

    /** The columns a survey must have, as the contract names them. */
    static final List<String> COLUMNS = List.of("respondent", "item", "functional", "dysfunctional");
    /** The longest respondent id or item name kept. */
    static final int MAX_TEXT = 100;

    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final Pattern ANSWER = Pattern.compile("[1-5](\\.0+)?");
    private static final byte[] ZIP = {0x50, 0x4B, 0x03, 0x04};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};

    /**
     * What a file holds.
     *
     * @param format     CSV or XLSX
     * @param encoding   the text encoding of a CSV (UTF-8, UTF-16, GB18030), {@code null} for a workbook
     * @param rows       the readable rows
     * @param unreadable a problem per cell that could not be used, by line
     * @param badRows    how many rows could not be used
     */
    record SurveyFile(String format, String encoding, List<SurveyRow> rows, List<RowProblem> unreadable, int badRows) {}

    /** One cell as the file holds it; {@code formula} when a workbook cell holds a formula. */
    record RawCell(String text, boolean formula) {}

    private SurveyReader() {}

    /**
     * Reads a whole file.
     *
     * @param maxRows the most answer rows one file may have
     * @throws SurveyFileException when the file cannot be used at all
     */
    static SurveyFile read(byte[] content, int maxRows) {
        if (content == null || content.length == 0) {
            throw new SurveyFileException(SurveyFileException.Reason.EMPTY_FILE);
        }
        Collector collector = new Collector(maxRows);
        if (startsWith(content, ZIP)) {
            XlsxSheet.read(content, collector::row);
            return collector.finish("XLSX", null);
        }
        if (startsWith(content, OLE2)) {
            throw new SurveyFileException(SurveyFileException.Reason.OLD_EXCEL);
        }
        Decoded text = decode(content);
        if (text.text().isBlank()) {
            throw new SurveyFileException(SurveyFileException.Reason.EMPTY_FILE);
        }
        if (text.text().indexOf('\0') >= 0) {
            throw new SurveyFileException(SurveyFileException.Reason.UNREADABLE_FILE);
        }
        Csv csv = Csv.over(text.text(), Csv.delimiterOf(text.text()));
        for (Csv.Row row = csv.next(); row != null; row = csv.next()) {
            List<RawCell> cells = new ArrayList<>(row.cells().size());
            row.cells().forEach(cell -> cells.add(new RawCell(cell.value(), false)));
            collector.row(row.line(), cells);
        }
        return collector.finish("CSV", text.encoding());
    }

    private record Decoded(String text, String encoding) {}

    /** UTF-8 unless the bytes say otherwise: a UTF-16 byte-order mark, or bytes that are not UTF-8 but are GB18030. */
    private static Decoded decode(byte[] content) {
        if (content.length >= 2
                && (content[0] == (byte) 0xFF && content[1] == (byte) 0xFE
                        || content[0] == (byte) 0xFE && content[1] == (byte) 0xFF)) {
            String text = strict(content, StandardCharsets.UTF_16);
            if (text != null) {
                return new Decoded(text, "UTF-16");
            }
            throw new SurveyFileException(SurveyFileException.Reason.UNKNOWN_ENCODING);
        }
        String utf8 = strict(content, StandardCharsets.UTF_8);
        if (utf8 != null) {
            return new Decoded(utf8, "UTF-8");
        }
        String gb = strict(content, GB18030);
        if (gb != null) {
            return new Decoded(gb, "GB18030");
        }
        throw new SurveyFileException(SurveyFileException.Reason.UNKNOWN_ENCODING);
    }

    private static String strict(byte[] content, Charset charset) {
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static boolean startsWith(byte[] content, byte[] magic) {
        if (content.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (content[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a spreadsheet would run the text as a formula when the cell is opened or exported
     * again: it starts with {@code = + - @}, or with a tab or carriage return (OWASP's list).
     */
    static boolean looksLikeFormula(String text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        String stripped = text.strip();
        char first = text.charAt(0);
        return first == '\t' || first == '\r' || !stripped.isEmpty() && "=+-@".indexOf(stripped.charAt(0)) >= 0;
    }

    /** Turns raw rows into survey rows and problems, one row at a time. */
    private static final class Collector {

        private final int maxRows;
        private final List<SurveyRow> rows = new ArrayList<>();
        private final List<RowProblem> problems = new ArrayList<>();
        private int[] columns;
        private int dataRows;
        private int badRows;

        Collector(int maxRows) {
            this.maxRows = maxRows;
        }

        void row(int line, List<RawCell> cells) {
            if (cells.stream()
                    .allMatch(cell -> cell.text() == null || cell.text().isBlank())) {
                return;
            }
            if (columns == null) {
                columns = header(cells);
                return;
            }
            if (++dataRows > maxRows) {
                throw new SurveyFileException(SurveyFileException.Reason.TOO_MANY_ROWS, maxRows);
            }
            String[] values = new String[COLUMNS.size()];
            for (int i = 0; i < values.length; i++) {
                RawCell cell = columns[i] < cells.size() ? cells.get(columns[i]) : null;
                String text = cell == null || cell.text() == null ? "" : cell.text();
                if (cell != null && cell.formula()
                        || isTextColumn(i) && looksLikeFormula(text)
                        || !isTextColumn(i) && startsFormula(text)) {
                    throw new SurveyFileException(SurveyFileException.Reason.FORMULA_CELL, line, COLUMNS.get(i));
                }
                values[i] = text;
            }
            List<RowProblem> found = new ArrayList<>();
            String respondent = text(line, 0, values[0], found);
            String item = text(line, 1, values[1], found);
            Integer functional = answer(line, 2, values[2], found);
            Integer dysfunctional = answer(line, 3, values[3], found);
            if (found.isEmpty()) {
                rows.add(new SurveyRow(line, respondent, item, functional, dysfunctional));
            } else {
                problems.addAll(found);
                badRows++;
            }
        }

        SurveyFile finish(String format, String encoding) {
            if (columns == null) {
                throw new SurveyFileException(SurveyFileException.Reason.EMPTY_FILE);
            }
            return new SurveyFile(format, encoding, List.copyOf(rows), List.copyOf(problems), badRows);
        }

        private static int[] header(List<RawCell> cells) {
            Map<String, Integer> named = new HashMap<>();
            for (int i = 0; i < cells.size(); i++) {
                String raw = cells.get(i).text() == null ? "" : cells.get(i).text();
                String name = raw.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT);
                if (!name.isEmpty() && named.putIfAbsent(name, i) != null && COLUMNS.contains(name)) {
                    throw wrongColumns(cells);
                }
            }
            int[] columns = new int[COLUMNS.size()];
            for (int i = 0; i < columns.length; i++) {
                Integer at = named.get(COLUMNS.get(i));
                if (at == null) {
                    throw wrongColumns(cells);
                }
                columns[i] = at;
            }
            return columns;
        }

        /** The expected columns and the first ten the file has, for the trainer to compare. */
        private static SurveyFileException wrongColumns(List<RawCell> cells) {
            List<String> shown = new ArrayList<>();
            for (int i = 0; i < cells.size() && shown.size() < 10; i++) {
                shown.add(RowProblem.shorten(
                        cells.get(i).text() == null ? "" : cells.get(i).text().strip()));
            }
            return new SurveyFileException(
                    SurveyFileException.Reason.WRONG_COLUMNS, String.join(", ", COLUMNS), String.join(", ", shown));
        }

        private static boolean isTextColumn(int column) {
            return column < 2;
        }

        /** An answer cell that is plainly a formula (a sign such as {@code -1} is just a wrong answer). */
        private static boolean startsFormula(String text) {
            String stripped = text.strip();
            return !stripped.isEmpty() && (stripped.charAt(0) == '=' || stripped.charAt(0) == '@');
        }

        private static String text(int line, int column, String value, List<RowProblem> found) {
            String text = value.strip();
            if (text.isEmpty()) {
                found.add(RowProblem.of(line, COLUMNS.get(column), value, RowProblem.Reason.EMPTY));
            } else if (text.length() > MAX_TEXT) {
                found.add(RowProblem.of(line, COLUMNS.get(column), value, RowProblem.Reason.TOO_LONG));
            }
            return text;
        }

        private static Integer answer(int line, int column, String value, List<RowProblem> found) {
            // full-width digits, as Chinese input methods type them, are digits too
            String text = Normalizer.normalize(value, Normalizer.Form.NFKC).strip();
            if (text.isEmpty()) {
                found.add(RowProblem.of(line, COLUMNS.get(column), value, RowProblem.Reason.EMPTY));
                return null;
            }
            if (!ANSWER.matcher(text).matches()) {
                found.add(RowProblem.of(line, COLUMNS.get(column), value, RowProblem.Reason.NOT_AN_ANSWER));
                return null;
            }
            return text.charAt(0) - '0';
        }
    }
}
