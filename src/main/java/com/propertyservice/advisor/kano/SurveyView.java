package com.propertyservice.advisor.kano;

import com.propertyservice.advisor.engine.KanoFactor;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A stored survey with its analysis, as {@code POST} and {@code GET /api/kano/surveys/{id}} answer.
 *
 * @param id             the survey's id
 * @param title          the title given at upload, or the file name
 * @param fileName       the uploaded file's name
 * @param format         CSV or XLSX
 * @param encoding       the text encoding a CSV was read in (UTF-8, UTF-16, GB18030); {@code null} for XLSX
 * @param uploadedBy     who uploaded it
 * @param uploadedAt     when
 * @param ruleSetVersion the rule set active at upload
 * @param respondents    distinct respondents among the readable rows
 * @param answers        readable answer rows analysed
 * @param unreadableRows rows that could not be used (all of them, even beyond the listed problems)
 * @param rowProblems    why each of those rows could not be used, by line (the first 1,000)
 * @param items          the analysis per item, in the order the items first appear in the file
 */
public record SurveyView(
        long id,
        String title,
        String fileName,
        String format,
        String encoding,
        String uploadedBy,
        OffsetDateTime uploadedAt,
        String ruleSetVersion,
        int respondents,
        int answers,
        int unreadableRows,
        List<RowProblemView> rowProblems,
        List<Item> items) {

    /**
     * A row (or one of its cells) that could not be used.
     *
     * @param line    the line (CSV) or row number (XLSX)
     * @param column  the column at fault
     * @param value   what the cell held, shortened
     * @param message why, in the caller's language
     */
    public record RowProblemView(int line, String column, String value, String message) {}

    /**
     * The contract's analysis of one item, and how it stands against the catalogue.
     *
     * @param catalogueFactor the active catalogue's Kano factor when the item is a catalogue issue key, else {@code null}
     * @param surveyFactor    the Kano factor the survey's category maps to ({@code null} for Q)
     */
    public record Item(
            String item,
            int answers,
            ItemAnalysis.Counts counts,
            KanoCategory category,
            double strength,
            boolean significant,
            Double better,
            Double worse,
            KanoFactor catalogueFactor,
            KanoFactor surveyFactor) {}

    /**
     * A survey in the list.
     *
     * @param items how many items it asked about
     */
    public record Summary(
            long id,
            String title,
            String fileName,
            String uploadedBy,
            OffsetDateTime uploadedAt,
            int respondents,
            int answers,
            int unreadableRows,
            int items) {}

    /** One page of surveys, newest first. */
    public record Page(List<Summary> content, int page, int size, long totalElements, int totalPages) {}

    /**
     * An item whose significant category maps to another Kano factor than the catalogue's.
     *
     * @param catalogueFactor the active catalogue's factor
     * @param proposedFactor  the factor the survey's category maps to
     */
    public record Proposal(
            String item,
            KanoFactor catalogueFactor,
            KanoFactor proposedFactor,
            KanoCategory category,
            double strength,
            int answers,
            Double better,
            Double worse) {}

    /**
     * The survey's proposals against the active catalogue.
     *
     * @param activeVersion the rule-set version they were computed against
     */
    public record Proposals(long surveyId, String activeVersion, List<Proposal> proposals) {}

    /** A catalogue row changed by an accepted proposal. */
    public record Change(String item, KanoFactor from, KanoFactor to) implements Serializable {}

    /**
     * Accepted proposals, activated as a new rule-set version.
     *
     * @param files the rule files changed
     */
    public record Accepted(
            boolean activated, String version, String previousVersion, List<String> files, List<Change> changes)
            implements Serializable {}

    /**
     * A trainer scenario the new version failed, with what it expected. Serializable, like the other
     * results a page hands to the next one: the page session may live in the database.
     */
    public record FailedScenario(String file, String name, List<String> failures) implements Serializable {}
}
