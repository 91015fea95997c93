package com.propertyservice.advisor.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks of decision tables that Drools does not make, read from the cells: each row's condition
 * values (a blank cell matches anything) and its outcome (the action cells).
 *
 * <ul>
 *   <li>Rows that overlap with different outcomes. In a <em>lookup</em> table (one answer per
 *       input, like the issue catalogue) that is an error. In any other table rows are meant to
 *       combine (the fact model only raises priority and tightens targets, strictest wins), so an
 *       overlap is only a warning.</li>
 *   <li>Rows that can never decide anything alone: an exact repeat of an earlier row's conditions.</li>
 *   <li>Inputs no row covers: for a condition column that compares with an enum
 *       ({@code kanoFactor == KanoFactor.$param}), the enum values no row names, looking at the
 *       rows whose other conditions are blank (or every row, when there is none).</li>
 * </ul>
 *
 * <p>A table is a lookup when its {@code Notes} row holds the word {@code lookup}, or its
 * {@code RuleTable} name is {@code Catalogue} or ends with {@code Lookup}. (The keyword is English so
 * that no wording lives in Java; trainers may write "lookup 查找表".)
 */
final class TableChecks {

    /** Errors block activation; warnings are shown and never block it. */
    record Result(List<Problem> errors, List<Problem> warnings) {}

    private static final Pattern ENUM_PARAM = Pattern.compile("\\b([A-Z]\\w*)\\s*\\.\\s*\\$(?:param|1)\\b");
    private static final int MAX_OVERLAPS_REPORTED = 8;

    private record Column(int index, String keyword, String template, String title) {}

    private record DataRow(int row, List<String> conditions, List<String> outcome) {}

    private TableChecks() {}

    static Result check(Collection<DecisionTable> tables) {
        List<Problem> errors = new ArrayList<>();
        List<Problem> warnings = new ArrayList<>();
        for (DecisionTable table : tables) {
            if (table.conversionProblem() != null) {
                continue;
            }
            Map<String, Map<Integer, Map<Integer, String>>> sheets = new TreeMap<>();
            for (DecisionTable.CellAt cell : table.cells()) {
                sheets.computeIfAbsent(cell.sheet(), s -> new TreeMap<>())
                        .computeIfAbsent(cell.row(), r -> new TreeMap<>())
                        .put(cell.column(), cell.value().strip());
            }
            sheets.values().forEach(rows -> checkSheet(table.path(), rows, errors, warnings));
        }
        return new Result(errors, warnings);
    }

    private static void checkSheet(
            String file, Map<Integer, Map<Integer, String>> rows, List<Problem> errors, List<Problem> warnings) {
        StringBuilder notes = new StringBuilder();
        rows.values().forEach(cells -> {
            if ("notes".equalsIgnoreCase(first(cells))) {
                cells.values().forEach(v -> notes.append(v).append(' '));
            }
        });
        for (Map.Entry<Integer, Map<Integer, String>> entry : rows.entrySet()) {
            String head = first(entry.getValue());
            if (head.regionMatches(true, 0, "RuleTable", 0, 9)) {
                String name = head.substring(9).strip().replace(' ', '_');
                boolean lookup = notes.toString().toLowerCase(Locale.ROOT).contains("lookup")
                        || name.equalsIgnoreCase("Catalogue")
                        || name.toLowerCase(Locale.ROOT).endsWith("lookup");
                checkTable(file, name, lookup, entry.getKey(), rows, errors, warnings);
            }
        }
    }

    private static void checkTable(
            String file,
            String name,
            boolean lookup,
            int tableRow,
            Map<Integer, Map<Integer, String>> rows,
            List<Problem> errors,
            List<Problem> warnings) {
        Map<Integer, String> keywords = rows.getOrDefault(tableRow + 1, Map.of());
        List<Column> conditions = new ArrayList<>();
        List<Column> actions = new ArrayList<>();
        for (Map.Entry<Integer, String> k : keywords.entrySet()) {
            String keyword = k.getValue().toUpperCase(Locale.ROOT);
            Column column = new Column(
                    k.getKey(), keyword, cell(rows, tableRow + 3, k.getKey()), cell(rows, tableRow + 4, k.getKey()));
            if (keyword.equals("CONDITION")) {
                conditions.add(column);
            } else if (keyword.equals("ACTION")) {
                actions.add(column);
            }
        }
        if (conditions.isEmpty()) {
            return;
        }
        List<DataRow> data = new ArrayList<>();
        for (int r = tableRow + 5; rows.containsKey(r); r++) {
            int row = r;
            List<String> conds =
                    conditions.stream().map(c -> cell(rows, row, c.index())).toList();
            List<String> outcome =
                    actions.stream().map(c -> cell(rows, row, c.index())).toList();
            if (first(rows.get(r)).regionMatches(true, 0, "RuleTable", 0, 9)
                    || (conds.stream().allMatch(String::isEmpty)
                            && outcome.stream().allMatch(String::isEmpty))) {
                break; // Drools ends a table at its first empty row
            }
            data.add(new DataRow(r, conds, outcome));
        }
        String firstCondition = Sources.columnLetter(conditions.get(0).index());
        List<String> overlaps = new ArrayList<>();
        for (int j = 0; j < data.size(); j++) {
            DataRow later = data.get(j);
            for (int i = 0; i < j; i++) {
                DataRow earlier = data.get(i);
                boolean same = earlier.conditions().equals(later.conditions());
                boolean differentOutcome = !earlier.outcome().equals(later.outcome());
                String rule = name + "_" + later.row();
                if (same && !differentOutcome) {
                    warnings.add(Text.of("table.repeated-row", later.row(), earlier.row())
                            .at(file, later.row(), firstCondition, rule));
                } else if (same) {
                    (lookup ? errors : warnings)
                            .add(Text.of(
                                            lookup ? "table.same-conditions-lookup" : "table.same-conditions",
                                            later.row(),
                                            earlier.row(),
                                            describe(conditions, later))
                                    .at(file, later.row(), firstCondition, rule));
                } else if (differentOutcome && overlap(earlier, later)) {
                    if (lookup) {
                        errors.add(Text.of("table.lookup-overlap", earlier.row(), later.row())
                                .at(file, later.row(), firstCondition, rule));
                    } else {
                        overlaps.add(earlier.row() + "+" + later.row());
                    }
                }
            }
        }
        if (!overlaps.isEmpty()) {
            // by design in a combining table (strictest wins), so one line per table rather than one per pair
            String examples = String.join(", ", overlaps.subList(0, Math.min(MAX_OVERLAPS_REPORTED, overlaps.size())))
                    + (overlaps.size() > MAX_OVERLAPS_REPORTED ? ", ..." : "");
            warnings.add(Text.of("table.overlaps", name, String.valueOf(overlaps.size()), examples)
                    .at(file, tableRow, null, null));
        }
        for (int k = 0; k < conditions.size(); k++) {
            uncovered(file, name, tableRow, conditions, k, data, warnings);
        }
    }

    private static void uncovered(
            String file,
            String name,
            int tableRow,
            List<Column> conditions,
            int k,
            List<DataRow> data,
            List<Problem> warnings) {
        Column column = conditions.get(k);
        Matcher m = ENUM_PARAM.matcher(column.template());
        if (!m.find()
                || column.template().contains("!=")
                || FactModel.enumNamed(m.group(1)).isEmpty()
                || data.isEmpty()) {
            return;
        }
        Class<? extends Enum<?>> type = FactModel.enumNamed(m.group(1)).get();
        List<DataRow> alone = data.stream().filter(d -> otherBlank(d, k)).toList();
        List<DataRow> considered = alone.isEmpty() ? data : alone;
        if (considered.stream().anyMatch(d -> d.conditions().get(k).isEmpty())) {
            return; // a blank cell covers every value
        }
        Set<String> named = new LinkedHashSet<>();
        considered.forEach(d -> named.add(d.conditions().get(k)));
        List<String> missing = Arrays.stream(type.getEnumConstants())
                .map(Enum::name)
                .filter(v -> !named.contains(v))
                .toList();
        if (!missing.isEmpty()) {
            warnings.add(Text.of(
                            alone.isEmpty() ? "table.uncovered" : "table.uncovered-alone",
                            name,
                            column.title().isEmpty() ? column.template() : column.title(),
                            type.getSimpleName(),
                            String.join(", ", missing))
                    .at(file, tableRow + 4, Sources.columnLetter(column.index()), null));
        }
    }

    private static boolean otherBlank(DataRow row, int k) {
        for (int i = 0; i < row.conditions().size(); i++) {
            if (i != k && !row.conditions().get(i).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    private static boolean overlap(DataRow a, DataRow b) {
        for (int i = 0; i < a.conditions().size(); i++) {
            String x = a.conditions().get(i);
            String y = b.conditions().get(i);
            if (!x.isEmpty() && !y.isEmpty() && !x.equals(y)) {
                return false;
            }
        }
        return true;
    }

    private static String describe(List<Column> conditions, DataRow row) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < conditions.size(); i++) {
            String title = conditions.get(i).title().isEmpty()
                    ? Sources.columnLetter(conditions.get(i).index())
                    : conditions.get(i).title();
            parts.add(title + " = "
                    + (row.conditions().get(i).isEmpty()
                            ? "any"
                            : row.conditions().get(i)));
        }
        return String.join(", ", parts);
    }

    private static String cell(Map<Integer, Map<Integer, String>> rows, int row, int column) {
        return rows.getOrDefault(row, Map.of()).getOrDefault(column, "");
    }

    private static String first(Map<Integer, String> cells) {
        return cells.values().stream().filter(v -> !v.isEmpty()).findFirst().orElse("");
    }
}
