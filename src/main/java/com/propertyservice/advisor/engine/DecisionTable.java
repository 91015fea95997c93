package com.propertyservice.advisor.engine;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;
import org.drools.decisiontable.parser.DefaultRuleSheetListener;
import org.drools.template.parser.DataListener;
import org.jspecify.annotations.NullUnmarked;

/**
 * A decision table (CSV saved by Excel/WPS, or XLSX) turned into DRL, with enough of its cells
 * kept to point a Drools error back at a sheet, row and column. Drools reports table errors with
 * line -1 and no cell; a trainer needs the cell.
 */
@NullUnmarked // nullness not yet spelled out here: null is a value in places (see the Javadoc)
final class DecisionTable {

    private static final Pattern RULE_VALUES = Pattern.compile("^// rule values at ([A-Z]+)(\\d+)");

    /** One cell with its position. */
    record CellAt(String sheet, int row, int column, String value) {}

    private final String path;
    private final String drl;
    private final List<CellAt> cells;
    private final Problem conversionProblem;

    private DecisionTable(String path, String drl, List<CellAt> cells, Problem conversionProblem) {
        this.path = path;
        this.drl = drl;
        this.cells = cells;
        this.conversionProblem = conversionProblem;
    }

    /**
     * Reads the table once, with Drools' own table parser: Drools' rule-sheet listener makes the DRL
     * and a second listener keeps every cell as Drools saw it, so a reported cell is the cell Drools read.
     */
    static DecisionTable convert(String path, byte[] content) {
        boolean csv = path.toLowerCase(Locale.ROOT).endsWith(".csv");
        byte[] bytes = csv ? Sources.text(content).getBytes(StandardCharsets.UTF_8) : content;
        DefaultRuleSheetListener rules = new DefaultRuleSheetListener(true, false);
        CellRecorder cells = new CellRecorder();
        try {
            (csv ? InputType.CSV : InputType.XLS)
                    .createParser(List.of(rules, cells))
                    .parseFile(new ByteArrayInputStream(bytes));
            String drl = new SpreadsheetCompiler().listenerToString(rules);
            return new DecisionTable(path, drl == null ? "" : drl, cells.cells, null);
        } catch (RuntimeException e) {
            if (cells.cells.isEmpty()) {
                return new DecisionTable(
                        path,
                        "",
                        List.of(),
                        Text.of("table.unreadable", rootMessage(e), Text.of(csv ? "table.as-csv" : "table.as-xlsx"))
                                .at(path, null, null, null));
            }
            return new DecisionTable(
                    path,
                    "",
                    cells.cells,
                    Text.of("table.layout", rootMessage(e)).at(path, cellRow(e), cellColumn(e), null));
        }
    }

    /** Every non-empty cell Drools' parser reads, with its sheet, 1-based row and 0-based column. */
    private static final class CellRecorder implements DataListener {
        private final List<CellAt> cells = new ArrayList<>();
        private String sheet = "csv";

        @Override
        public void startSheet(String name) {
            sheet = name;
        }

        @Override
        public void finishSheet() {}

        @Override
        public void newRow(int row, int columns) {}

        @Override
        public void newCell(int row, int column, String value, int mergedColumnStart) {
            if (value != null && !value.isEmpty()) {
                cells.add(new CellAt(sheet, row + 1, column, value));
            }
        }
    }

    String path() {
        return path;
    }

    String drl() {
        return drl;
    }

    Problem conversionProblem() {
        return conversionProblem;
    }

    List<CellAt> cells() {
        return cells;
    }

    /**
     * Points a line of the generated DRL at the table: the row whose rule holds that line, and,
     * when a cell of that row (or a code template of the table) contains the text in error, its column.
     */
    Problem locate(int generatedLine, String ruleName, Text message) {
        String[] lines = drl.split("\n", -1);
        Integer row = null;
        for (int i = Math.min(generatedLine, lines.length) - 1; i >= 0; i--) {
            Matcher m = RULE_VALUES.matcher(lines[i].trim());
            if (m.find()) {
                row = Integer.parseInt(m.group(2));
                break;
            }
        }
        String failing = generatedLine >= 1 && generatedLine <= lines.length ? lines[generatedLine - 1] : "";
        // a line above every rule (the package, imports, functions) comes from a cell of the header rows
        CellAt cell = row == null
                ? longest(cells.stream()
                        .filter(c -> !c.value().isBlank()
                                && failing.contains(c.value().trim()))
                        .toList())
                : cellFor(row, failing, message.in(Language.EN));
        Text located = cell != null
                ? message.after(Text.of(
                        "table.at-cell", cell.sheet(), Sources.columnLetter(cell.column()), cell.row(), cell.value()))
                : row != null ? message.after(Text.of("table.at-row", row)) : message;
        return located.at(
                path,
                cell != null ? Integer.valueOf(cell.row()) : row,
                cell == null ? null : Sources.columnLetter(cell.column()),
                ruleName);
    }

    private CellAt cellFor(int row, String failingLine, String message) {
        Set<String> needles = Sources.needles(message);
        // a value named in the message, in this row; else a code template naming it (the error is in the column);
        // else the longest value of this row that stands on the failing line
        CellAt named = longest(cells.stream()
                .filter(c -> c.row() == row
                        && !c.value().isBlank()
                        && needles.stream().anyMatch(n -> c.value().contains(n)))
                .toList());
        if (named != null) {
            return named;
        }
        CellAt template = longest(cells.stream()
                .filter(c -> c.row() < row
                        && !c.value().isBlank()
                        && needles.stream().anyMatch(n -> c.value().matches("(?s).*\\b" + Pattern.quote(n) + "\\b.*")))
                .toList());
        if (template != null) {
            return template;
        }
        return longest(cells.stream()
                .filter(c -> c.row() == row
                        && !c.value().isBlank()
                        && failingLine.contains(c.value().trim()))
                .toList());
    }

    private static CellAt longest(List<CellAt> candidates) {
        return candidates.stream()
                .max(Comparator.comparingInt(c -> c.value().trim().length()))
                .orElse(null);
    }

    private static final Pattern CELL_REF = Pattern.compile("\\b([A-Z]{1,3})(\\d{1,6})\\b");

    private static Integer cellRow(Exception e) {
        Matcher m = CELL_REF.matcher(String.valueOf(rootMessage(e)));
        return m.find() ? Integer.valueOf(m.group(2)) : null;
    }

    private static String cellColumn(Exception e) {
        Matcher m = CELL_REF.matcher(String.valueOf(rootMessage(e)));
        return m.find() ? m.group(1) : null;
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String message = t.getMessage();
        return message == null ? t.getClass().getSimpleName() : message;
    }
}
