package com.propertyservice.advisor.knowledge;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Turns a CSV decision table into the Excel workbook trainers edit (they work in Excel or WPS).
 * A run of cells ending in {@code ...} (the CSV way of merging the fact-type cells of one pattern)
 * becomes one merged region, which is how a workbook says the same thing.
 *
 * <pre>java -cp target/test-classes:$(cat cp.txt) com.propertyservice.advisor.knowledge.CsvToXlsx in.drl.csv out.drl.xlsx [sheet]</pre>
 */
public final class CsvToXlsx {

    private static final String MERGED = "...";

    private CsvToXlsx() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: CsvToXlsx in.drl.csv out.drl.xlsx [sheet name]");
            System.exit(2);
        }
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                OutputStream out = Files.newOutputStream(Path.of(args[1]))) {
            XSSFSheet sheet = workbook.createSheet(args.length > 2 ? args[2] : "Sheet1");
            int r = 0;
            String text =
                    Files.readString(Path.of(args[0]), StandardCharsets.UTF_8).replace("\uFEFF", "");
            for (String line : text.split("\\R")) {
                write(sheet, r++, cells(line));
            }
            workbook.write(out);
        }
    }

    private static void write(XSSFSheet sheet, int r, List<String> cells) {
        XSSFRow row = sheet.createRow(r);
        int mergeStart = -1;
        for (int c = 0; c <= cells.size(); c++) {
            String value = c < cells.size() ? cells.get(c) : "";
            boolean merged = value.endsWith(MERGED);
            if (mergeStart >= 0 && (!merged || c == cells.size())) {
                if (c - 1 > mergeStart) {
                    sheet.addMergedRegion(new CellRangeAddress(r, r, mergeStart, c - 1));
                }
                mergeStart = -1;
            }
            if (c == cells.size()) {
                break;
            }
            if (merged) {
                if (mergeStart < 0) {
                    mergeStart = c;
                    row.createCell(c).setCellValue(value.substring(0, value.length() - MERGED.length()));
                } else {
                    row.createCell(c); // the blank cells inside a merged region must exist
                }
            } else if (!value.isEmpty()) {
                row.createCell(c).setCellValue(value);
            }
        }
    }

    private static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder value = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    value.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    value.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                cells.add(value.toString());
                value.setLength(0);
            } else {
                value.append(ch);
            }
        }
        cells.add(value.toString());
        return cells;
    }
}
