package com.propertyservice.advisor.kano;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The first sheet of an Excel workbook (.xlsx), read row by row from its XML with a SAX parser, so a
 * large sheet never becomes a workbook in memory. A cell that holds a formula is reported as one
 * (its cached result is not trusted), which the Excel object model would hide behind its value.
 */
final class XlsxSheet {

    /** What a workbook may unpack to: far above any survey, far below what would strain the service. */
    static final long MAX_UNPACKED_BYTES = 256L * 1024 * 1024;

    /** Receives each row: its 1-based row number and its cells by 0-based column (a missing cell is empty). */
    interface RowHandler {
        void row(int line, List<SurveyReader.RawCell> cells);
    }

    private XlsxSheet() {}

    /**
     * Reads the first sheet.
     *
     * @throws SurveyFileException {@code UNREADABLE_FILE} when the bytes are not a workbook that can be opened;
     *                             whatever the handler throws passes through
     */
    static void read(byte[] content, RowHandler handler) {
        checkUnpackedSize(content);
        OPCPackage workbook = null;
        try {
            workbook = OPCPackage.open(new ByteArrayInputStream(content));
            XSSFReader reader = new XSSFReader(workbook);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(workbook, false);
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw new SurveyFileException(SurveyFileException.Reason.UNREADABLE_FILE);
            }
            try (InputStream sheet = sheets.next()) {
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new SheetHandler(strings, handler));
                parser.parse(new InputSource(sheet));
            }
        } catch (SurveyFileException e) {
            throw e;
        } catch (Exception | LinkageError e) {
            // not a zip, not a workbook, a damaged part: the trainer's remedy is the same
            throw new SurveyFileException(SurveyFileException.Reason.UNREADABLE_FILE);
        } finally {
            if (workbook != null) {
                workbook.revert(); // read only: close without writing anything back
            }
        }
    }

    /** Refuses a workbook whose parts unpack beyond {@link #MAX_UNPACKED_BYTES} (a zip bomb) before POI opens it. */
    private static void checkUnpackedSize(byte[] content) {
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                for (int n = zip.read(buffer); n > 0; n = zip.read(buffer)) {
                    total += n;
                    if (total > MAX_UNPACKED_BYTES) {
                        throw new SurveyFileException(SurveyFileException.Reason.UNREADABLE_FILE);
                    }
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new SurveyFileException(SurveyFileException.Reason.UNREADABLE_FILE);
        }
    }

    /** Collects the cells of each {@code <row>} of a sheet's XML. */
    private static final class SheetHandler extends DefaultHandler {

        private final ReadOnlySharedStringsTable strings;
        private final RowHandler handler;
        private final List<SurveyReader.RawCell> cells = new ArrayList<>();
        private final StringBuilder text = new StringBuilder();
        private int rowNumber;
        private int column;
        private String type;
        private boolean formula;
        private boolean inValue;
        private boolean inInlineText;

        SheetHandler(ReadOnlySharedStringsTable strings, RowHandler handler) {
            this.strings = strings;
            this.handler = handler;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            switch (localName) {
                case "row" -> {
                    cells.clear();
                    String r = attributes.getValue("r");
                    rowNumber = r == null ? rowNumber + 1 : Integer.parseInt(r);
                    column = -1;
                }
                case "c" -> {
                    String reference = attributes.getValue("r");
                    column = reference == null ? column + 1 : columnOf(reference);
                    type = attributes.getValue("t");
                    formula = false;
                    text.setLength(0);
                }
                case "f" -> formula = true;
                case "v" -> inValue = true;
                case "t" -> inInlineText = "inlineStr".equals(type);
                default -> {}
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (inValue || inInlineText) {
                text.append(ch, start, length);
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            switch (localName) {
                case "v" -> inValue = false;
                case "t" -> inInlineText = false;
                case "c" -> {
                    while (cells.size() < column) {
                        cells.add(new SurveyReader.RawCell("", false));
                    }
                    cells.add(new SurveyReader.RawCell(value(), formula));
                }
                case "row" -> handler.row(rowNumber, new ArrayList<>(cells));
                default -> {}
            }
        }

        private String value() {
            String raw = text.toString();
            if ("s".equals(type)) {
                try {
                    return strings.getItemAt(Integer.parseInt(raw.strip())).getString();
                } catch (RuntimeException e) {
                    return "";
                }
            }
            return raw;
        }

        /** {@code C12} → 2. */
        private static int columnOf(String reference) {
            int column = 0;
            for (int i = 0; i < reference.length() && Character.isLetter(reference.charAt(i)); i++) {
                column = column * 26 + (Character.toUpperCase(reference.charAt(i)) - 'A' + 1);
            }
            return column - 1;
        }
    }
}
