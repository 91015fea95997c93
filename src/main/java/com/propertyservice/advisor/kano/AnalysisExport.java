package com.propertyservice.advisor.kano;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A survey's analysis as a CSV for Excel or WPS. The one text column, the item, is written with a
 * leading apostrophe when a spreadsheet would run it as a formula ({@code = + - @}, a leading tab or
 * carriage return), so it shows as text and never runs, whatever reached the survey (OWASP's advice
 * on CSV injection; the import refuses such items already). The other cells are numbers and codes
 * the service writes itself.
 */
final class AnalysisExport {

    static final List<String> HEADER = List.of(
            "item",
            "answers",
            "A",
            "O",
            "M",
            "I",
            "R",
            "Q",
            "category",
            "strength",
            "significant",
            "better",
            "worse",
            "catalogueFactor",
            "surveyFactor");

    private AnalysisExport() {}

    static byte[] csv(SurveyView survey) {
        StringBuilder out = new StringBuilder("\uFEFF");
        line(out, HEADER);
        for (SurveyView.Item item : survey.items()) {
            ItemAnalysis.Counts c = item.counts();
            line(
                    out,
                    List.of(
                            neutralise(item.item()),
                            String.valueOf(item.answers()),
                            String.valueOf(c.A()),
                            String.valueOf(c.O()),
                            String.valueOf(c.M()),
                            String.valueOf(c.I()),
                            String.valueOf(c.R()),
                            String.valueOf(c.Q()),
                            item.category().name(),
                            String.valueOf(item.strength()),
                            String.valueOf(item.significant()),
                            text(item.better()),
                            text(item.worse()),
                            item.catalogueFactor() == null
                                    ? ""
                                    : item.catalogueFactor().name(),
                            item.surveyFactor() == null
                                    ? ""
                                    : item.surveyFactor().name()));
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The text as a spreadsheet cell that can only ever be text. */
    static String neutralise(String text) {
        return SurveyReader.looksLikeFormula(text) ? "'" + text : text;
    }

    private static void line(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(Csv.quote(cells.get(i), ',', false));
        }
        out.append("\r\n");
    }

    private static String text(Double value) {
        return value == null ? "" : String.valueOf(value);
    }
}
