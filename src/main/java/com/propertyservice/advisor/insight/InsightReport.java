package com.propertyservice.advisor.insight;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What {@code GET /api/insights/rules} answers: how owners felt after the advice, from recorded
 * incidents whose return visit gave a satisfaction gap (perception − expectation), per rule that
 * fired, principle, action and kind of contact, overall and per rule-set version.
 *
 * @param version    the one rule-set version counted, or {@code null} for all
 * @param overall    every incident counted
 * @param versions   the figures per rule-set version, oldest first
 * @param rules      per rule that fired, most incidents first
 * @param principles per principle the advice named
 * @param actions    per action the advice listed (by its text code)
 * @param kinds      per kind of contact the rules settled on ({@code NOT_RECORDED} for advice given before kinds existed)
 * @param review     the rules most often followed by a negative gap, for the training department to look at
 */
public record InsightReport(
        String version,
        Figures overall,
        List<Version> versions,
        List<Group> rules,
        List<Group> principles,
        List<Group> actions,
        List<Group> kinds,
        Review review) {

    /**
     * A 95 % confidence interval of a share (Wilson).
     *
     * @param low  its lower end, 0..1
     * @param high its upper end, 0..1
     */
    public record Interval(double low, double high) {}

    /**
     * The figures of a group of followed-up incidents.
     *
     * @param count             incidents
     * @param meanGap           their mean satisfaction gap
     * @param satisfied         how many had perception ≥ expectation (gap ≥ 0)
     * @param satisfiedShare    satisfied / count
     * @param satisfiedInterval the 95 % Wilson interval of that share
     * @param negative          how many had a negative gap
     * @param negativeShare     negative / count
     * @param negativeInterval  the 95 % Wilson interval of that share
     */
    public record Figures(
            long count,
            double meanGap,
            long satisfied,
            double satisfiedShare,
            Interval satisfiedInterval,
            long negative,
            double negativeShare,
            Interval negativeInterval) {}

    /**
     * A rule-set version's figures.
     *
     * @param firstReported the earliest report counted under it
     * @param lastReported  the latest
     */
    public record Version(String version, OffsetDateTime firstReported, OffsetDateTime lastReported, Figures figures) {}

    /**
     * One rule, principle, action or kind.
     *
     * @param key       the rule's name, the principle's or kind's code, the action's text code
     * @param label     what it is in the caller's language (the rule's description, the principle's name, the action's text), or {@code null}
     * @param figures   all its incidents
     * @param byVersion its figures under each rule-set version
     */
    public record Group(String key, String label, Figures figures, List<VersionFigures> byVersion) {}

    /** A group's figures under one rule-set version. */
    public record VersionFigures(String version, Figures figures) {}

    /**
     * The review list.
     *
     * @param minCount          the fewest incidents a rule needs to be listed
     * @param overallNegative   the share of all incidents with a negative gap, to compare with
     * @param rules             at most {@code advisor.insights.review-size} rules with at least {@code minCount}
     *                          incidents, ordered by the lower end of their negative share's interval (the share
     *                          they have at least, with 95 % confidence), highest first
     */
    public record Review(long minCount, double overallNegative, List<ReviewedRule> rules) {}

    /**
     * A rule for review.
     *
     * @param aboveOverall whether even the lower end of its negative share's interval lies above the overall share
     */
    public record ReviewedRule(String rule, String label, Figures figures, boolean aboveOverall) {}
}
