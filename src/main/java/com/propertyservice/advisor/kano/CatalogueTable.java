package com.propertyservice.advisor.kano;

import com.propertyservice.advisor.engine.KanoFactor;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Changes the Kano factor of catalogue rows in a CSV decision table, the way a trainer would in
 * Excel: the row is found by its issue key, the Kano value by the table's own header (the code
 * template that writes {@code KanoFactor.$param}, or {@code KanoFactor.$N} in a cell of several
 * values), never by a fixed position, so the table's columns may be rearranged. Only the changed
 * cells are rewritten; every other byte of the file stays as it was.
 */
final class CatalogueTable {

    private static final Pattern ISSUE_CONDITION = Pattern.compile("\\bissue\\s*==\\s*\"\\$(param|1)\"");
    private static final Pattern KANO_TEMPLATE = Pattern.compile("KanoFactor\\.\\$(param|\\d+)");
    /** Why a table cannot be edited; each has a message {@code kano.catalogue.<reason>}. */
    static final class NotEditable extends RuntimeException {
        enum Reason {
            NOT_UTF8,
            NO_TABLE,
            NO_ISSUE_COLUMN,
            NO_KANO_COLUMN,
            NO_ROW
        }

        private final Reason reason;
        private final String detail;

        NotEditable(Reason reason, String detail) {
            super(reason + (detail == null ? "" : ": " + detail));
            this.reason = reason;
            this.detail = detail;
        }

        Reason reason() {
            return reason;
        }

        String detail() {
            return detail;
        }
    }

    private CatalogueTable() {}

    /**
     * The table with the Kano factor of each issue key in {@code changes} set to its new value.
     *
     * @throws NotEditable when the file is not UTF-8, has no table with an issue-key condition and a
     *                     Kano action, or lacks a row for one of the keys
     */
    static byte[] withKanoFactors(byte[] table, Map<String, KanoFactor> changes) {
        String text = utf8(table);
        char delimiter = Csv.delimiterOf(text.startsWith("\uFEFF") ? text.substring(1) : text);
        List<Csv.Row> rows = Csv.rows(text, delimiter);
        Map<String, KanoFactor> pending = new LinkedHashMap<>(changes);
        List<Replacement> replacements = new ArrayList<>();
        boolean anyTable = false;
        boolean anyIssueColumn = false;
        boolean anyKanoColumn = false;
        for (int r = 0; r < rows.size(); r++) {
            Csv.Row row = rows.get(r);
            int tableColumn = firstNonBlank(row);
            if (tableColumn < 0 || !row.value(tableColumn).strip().startsWith("RuleTable")) {
                continue;
            }
            anyTable = true;
            // the rows below "RuleTable": keywords, then (with a type row) object types, code templates, titles
            int keywordsAt = r + 1;
            if (keywordsAt >= rows.size()) {
                break;
            }
            Csv.Row keywords = rows.get(keywordsAt);
            int codeAt = keywordsAt + 2;
            if (codeAt >= rows.size()) {
                break;
            }
            Csv.Row code = rows.get(codeAt);
            int issueColumn = -1;
            int kanoColumn = -1;
            String kanoParam = null;
            for (int c = tableColumn; c < keywords.cells().size(); c++) {
                String keyword = keywords.value(c).strip().toUpperCase(Locale.ROOT);
                String template = code.value(c);
                if (keyword.equals("CONDITION")
                        && issueColumn < 0
                        && ISSUE_CONDITION.matcher(template).find()) {
                    issueColumn = c;
                }
                Matcher kano = KANO_TEMPLATE.matcher(template);
                if (keyword.equals("ACTION") && kanoColumn < 0 && kano.find()) {
                    kanoColumn = c;
                    kanoParam = kano.group(1);
                }
            }
            anyIssueColumn |= issueColumn >= 0;
            anyKanoColumn |= kanoColumn >= 0;
            if (issueColumn < 0 || kanoColumn < 0) {
                continue;
            }
            // data rows start after the titles and end at the first empty row or the next table
            for (int d = codeAt + 2; d < rows.size(); d++) {
                Csv.Row data = rows.get(d);
                if (data.blank() || data.value(firstNonBlank(data)).strip().startsWith("RuleTable")) {
                    break;
                }
                String key = data.value(issueColumn).strip();
                KanoFactor factor = changes.get(key);
                if (factor == null) {
                    continue;
                }
                pending.remove(key);
                if (kanoColumn >= data.cells().size()) {
                    throw new NotEditable(NotEditable.Reason.NO_KANO_COLUMN, "line " + data.line());
                }
                Csv.Cell cell = data.cells().get(kanoColumn);
                String value = kanoParam.equals("param")
                        ? replaceWhole(cell.value(), factor)
                        : replacePart(cell.value(), Integer.parseInt(kanoParam), factor, data.line());
                replacements.add(new Replacement(cell.start(), cell.end(), Csv.quote(value, delimiter, cell.quoted())));
            }
        }
        if (!anyTable) {
            throw new NotEditable(NotEditable.Reason.NO_TABLE, null);
        }
        if (!anyIssueColumn) {
            throw new NotEditable(NotEditable.Reason.NO_ISSUE_COLUMN, null);
        }
        if (!anyKanoColumn) {
            throw new NotEditable(NotEditable.Reason.NO_KANO_COLUMN, null);
        }
        if (!pending.isEmpty()) {
            throw new NotEditable(NotEditable.Reason.NO_ROW, String.join(", ", new TreeSet<>(pending.keySet())));
        }
        StringBuilder edited = new StringBuilder(text);
        // from the end, so earlier offsets stay valid
        replacements.sort((a, b) -> Integer.compare(b.start(), a.start()));
        for (Replacement replacement : replacements) {
            edited.replace(replacement.start(), replacement.end(), replacement.text());
        }
        return edited.toString().getBytes(StandardCharsets.UTF_8);
    }

    private record Replacement(int start, int end, String text) {}

    private static String replaceWhole(String value, KanoFactor factor) {
        int start = 0;
        while (start < value.length() && Character.isWhitespace(value.charAt(start))) {
            start++;
        }
        int end = value.length();
        while (end > start && Character.isWhitespace(value.charAt(end - 1))) {
            end--;
        }
        return value.substring(0, start) + factor.name() + value.substring(end);
    }

    /** Replaces the {@code n}-th (1-based) of the comma-separated values of a cell, keeping the spaces around it. */
    private static String replacePart(String value, int n, KanoFactor factor, int line) {
        String[] parts = value.split(",", -1);
        if (n < 1 || n > parts.length) {
            throw new NotEditable(NotEditable.Reason.NO_KANO_COLUMN, "line " + line);
        }
        parts[n - 1] = replaceWhole(parts[n - 1], factor);
        return String.join(",", parts);
    }

    private static int firstNonBlank(Csv.Row row) {
        for (Csv.Cell cell : row.cells()) {
            if (!cell.value().isBlank()) {
                return cell.column();
            }
        }
        return -1;
    }

    private static String utf8(byte[] table) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(table))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new NotEditable(NotEditable.Reason.NOT_UTF8, null);
        }
    }
}
