package com.propertyservice.advisor.insight;

import com.propertyservice.advisor.engine.Advisor;
import com.propertyservice.advisor.engine.RuleSetInfo;
import com.propertyservice.advisor.system.Problems;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.springframework.stereotype.Service;

/**
 * Which advice is followed by satisfied owners: the satisfaction gap after the return visit, per
 * rule, principle, action and kind, per rule-set version, with Wilson intervals, and the rules most
 * often followed by a negative gap. For the REST API and the trainer's page alike.
 *
 * <p>These are associations, not effects: a rule that fires for lift outages is followed by unhappy
 * owners whatever it advises. The review list therefore compares each rule with the overall share
 * and says when even its interval's lower end lies above it.
 */
@Service
public class InsightService {

    private final InsightIndex index;
    private final Advisor advisor;
    private final InsightProperties properties;
    private final Problems messages;

    InsightService(InsightIndex index, Advisor advisor, InsightProperties properties, Problems messages) {
        this.index = index;
        this.advisor = advisor;
        this.properties = properties;
        this.messages = messages;
    }

    /** The minimum count the review list uses when the caller names none. */
    public int defaultMinCount() {
        return properties.reviewMinCount();
    }

    /**
     * The report over the followed-up incidents advised under {@code version} (null for all).
     *
     * @param minCount the fewest incidents a rule needs for the review list
     */
    public InsightReport report(String version, int minCount, Locale locale) {
        index.refresh();
        Map<InsightIndex.Dimension, Map<String, List<InsightIndex.Counts>>> grouped = new LinkedHashMap<>();
        for (InsightIndex.Counts counts : index.counts(version)) {
            grouped.computeIfAbsent(InsightIndex.Dimension.valueOf(counts.dimension()), d -> new LinkedHashMap<>())
                    .computeIfAbsent(counts.item(), i -> new ArrayList<>())
                    .add(counts);
        }
        Map<String, InsightIndex.Span> spans = index.spans();
        List<InsightIndex.Counts> all =
                grouped.getOrDefault(InsightIndex.Dimension.ALL, Map.of()).getOrDefault("", List.of());
        InsightReport.Figures overall = figures(all);
        List<InsightReport.Version> versions = all.stream()
                .map(c -> new InsightReport.Version(
                        c.version(),
                        span(spans, c.version()).first(),
                        span(spans, c.version()).last(),
                        figures(List.of(c))))
                .sorted(Comparator.comparing(
                        InsightReport.Version::firstReported, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
        Map<String, Integer> versionOrder = new HashMap<>();
        versions.forEach(v -> versionOrder.put(v.version(), versionOrder.size()));

        boolean english = "en".equals(locale.getLanguage());
        RuleSetInfo active = advisor.ruleSet();
        Map<String, String> ruleLabels = new HashMap<>();
        active.rules()
                .forEach(rule -> ruleLabels.put(
                        rule.name(),
                        english && rule.descriptionEn() != null ? rule.descriptionEn() : rule.description()));
        Map<String, String> actionLabels = index.labels(InsightIndex.Dimension.ACTION, english ? "en" : "zh-CN");

        List<InsightReport.Group> rules =
                groups(grouped.get(InsightIndex.Dimension.RULE), ruleLabels::get, versionOrder);
        List<InsightReport.Group> principles = groups(
                grouped.get(InsightIndex.Dimension.PRINCIPLE),
                code -> messages.message("code.Principle." + code, locale),
                versionOrder);
        List<InsightReport.Group> actions =
                groups(grouped.get(InsightIndex.Dimension.ACTION), actionLabels::get, versionOrder);
        List<InsightReport.Group> kinds = groups(
                grouped.get(InsightIndex.Dimension.KIND),
                kind -> InsightIndex.KIND_NOT_RECORDED.equals(kind)
                        ? messages.message("insight.kind.not-recorded", locale)
                        : messages.message("code.ContactKind." + kind, locale),
                versionOrder);
        return new InsightReport(
                version, overall, versions, rules, principles, actions, kinds, review(rules, overall, minCount));
    }

    private static InsightIndex.Span span(Map<String, InsightIndex.Span> spans, String version) {
        return spans.getOrDefault(version, new InsightIndex.Span(null, null));
    }

    private InsightReport.Review review(List<InsightReport.Group> rules, InsightReport.Figures overall, int minCount) {
        double overallNegative = overall.negativeShare();
        List<InsightReport.ReviewedRule> listed = rules.stream()
                .filter(rule ->
                        rule.figures().count() >= minCount && rule.figures().negative() > 0)
                .sorted(Comparator.comparingDouble((InsightReport.Group rule) ->
                                rule.figures().negativeInterval().low())
                        .reversed()
                        .thenComparing(InsightReport.Group::key))
                .limit(properties.reviewSize())
                .map(rule -> new InsightReport.ReviewedRule(
                        rule.key(),
                        rule.label(),
                        rule.figures(),
                        rule.figures().negativeInterval().low() > overallNegative))
                .toList();
        return new InsightReport.Review(minCount, overallNegative, listed);
    }

    private static List<InsightReport.Group> groups(
            Map<String, List<InsightIndex.Counts>> items,
            Function<String, String> label,
            Map<String, Integer> versionOrder) {
        if (items == null) {
            return List.of();
        }
        List<InsightReport.Group> groups = new ArrayList<>();
        items.forEach((item, counts) -> {
            List<InsightIndex.Counts> ordered = new ArrayList<>(counts);
            ordered.sort(Comparator.comparingInt(c -> versionOrder.getOrDefault(c.version(), Integer.MAX_VALUE)));
            groups.add(new InsightReport.Group(
                    item,
                    label.apply(item),
                    figures(counts),
                    ordered.stream()
                            .map(c -> new InsightReport.VersionFigures(c.version(), figures(List.of(c))))
                            .toList()));
        });
        groups.sort(
                Comparator.comparingLong((InsightReport.Group g) -> g.figures().count())
                        .reversed()
                        .thenComparing(InsightReport.Group::key));
        return groups;
    }

    /** The figures of the incidents the counts hold together. */
    static InsightReport.Figures figures(List<InsightIndex.Counts> counts) {
        long n = 0;
        long gapSum = 0;
        long satisfied = 0;
        long negative = 0;
        for (InsightIndex.Counts c : counts) {
            n += c.count();
            gapSum += c.gapSum();
            satisfied += c.satisfied();
            negative += c.negative();
        }
        if (n == 0) {
            return new InsightReport.Figures(
                    0, 0, 0, 0, new InsightReport.Interval(0, 1), 0, 0, new InsightReport.Interval(0, 1));
        }
        InsightReport.Interval satisfiedInterval = Wilson.interval(satisfied, n);
        InsightReport.Interval negativeInterval = Wilson.interval(negative, n);
        return new InsightReport.Figures(
                n,
                round((double) gapSum / n),
                satisfied,
                round((double) satisfied / n),
                new InsightReport.Interval(round(satisfiedInterval.low()), round(satisfiedInterval.high())),
                negative,
                round((double) negative / n),
                new InsightReport.Interval(round(negativeInterval.low()), round(negativeInterval.high())));
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
