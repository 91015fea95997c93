package com.propertyservice.advisor.incident;

import com.propertyservice.advisor.engine.Advisor;
import com.propertyservice.advisor.engine.ComplaintCause;
import com.propertyservice.advisor.engine.KanoFactor;
import com.propertyservice.advisor.engine.Language;
import com.propertyservice.advisor.engine.Priority;
import com.propertyservice.advisor.engine.RuleSetInfo;
import com.propertyservice.advisor.engine.ServiceArea;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * Turns the incident service's figures (counted by the database over every incident of the window) and
 * the engine's hits per rule into the dashboard's bars and tables, with labels in the page's language.
 */
@Service
class DashboardService {

    static final int DAYS = 90;
    static final int OVERDUE_LISTED = 50;
    private static final int TOP = 10;
    private static final int TOP_RULES = 20;

    private final IncidentService incidents;
    private final Advisor advisor;
    private final IssueCatalogue catalogue;
    private final MessageSource messages;

    DashboardService(IncidentService incidents, Advisor advisor, IssueCatalogue catalogue, MessageSource messages) {
        this.incidents = incidents;
        this.advisor = advisor;
        this.catalogue = catalogue;
        this.messages = messages;
    }

    Dashboard dashboard(Locale locale, OffsetDateTime now) {
        ZoneId zone = ZoneId.systemDefault();
        LocalDate today = now.atZoneSameInstant(zone).toLocalDate();
        LocalDate first = today.minusDays(DAYS - 1L);
        List<LocalDate> weekStarts = new ArrayList<>();
        for (LocalDate week = first.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                !week.isAfter(today);
                week = week.plusWeeks(1)) {
            weekStarts.add(week);
        }
        List<OffsetDateTime> boundaries = new ArrayList<>();
        weekStarts.forEach(week -> boundaries.add(week.atStartOfDay(zone).toOffsetDateTime()));
        boundaries.add(weekStarts
                .get(weekStarts.size() - 1)
                .plusWeeks(1)
                .atStartOfDay(zone)
                .toOffsetDateTime());
        IncidentFigures figures =
                incidents.figures(first.atStartOfDay(zone).toOffsetDateTime(), boundaries, now, OVERDUE_LISTED);

        Language language = Language.of(locale);
        Map<String, String> issueLabels = catalogue.issues().stream()
                .collect(Collectors.toMap(IssueCatalogue.Issue::key, issue -> issue.label(language)));
        List<Dashboard.Bar> byKano = meanGap(figures.gapByKano(), KanoFactor.values(), locale);
        List<Dashboard.Bar> byArea = meanGap(figures.gapByArea(), ServiceArea.values(), locale);

        Map<String, List<Long>> causes = new LinkedHashMap<>();
        for (ComplaintCause cause : ComplaintCause.values()) {
            causes.put(label(cause, locale), figures.causesByWeek().getOrDefault(cause, List.of()));
        }

        List<Dashboard.Bar> topByCount = figures.countByIssue().stream()
                .map(g -> new Dashboard.Bar(g.key(), issueLabels.getOrDefault(g.key(), g.key()), g.count(), g.count()))
                .sorted(Comparator.comparingDouble(Dashboard.Bar::value)
                        .reversed()
                        .thenComparing(Dashboard.Bar::key))
                .limit(TOP)
                .toList();
        List<Dashboard.Bar> topByGap = figures.gapByIssue().stream()
                .map(g -> new Dashboard.Bar(
                        g.key(), issueLabels.getOrDefault(g.key(), g.key()), rounded(g.meanGap()), g.count()))
                .sorted(Comparator.comparingDouble(Dashboard.Bar::value).thenComparing(Dashboard.Bar::key))
                .limit(TOP)
                .toList();

        List<Dashboard.Overdue> overdue = figures.overdue().stream()
                .map(o -> new Dashboard.Overdue(
                        o.id(),
                        o.community(),
                        issueLabels.getOrDefault(o.issue(), o.issue()),
                        priority(o.priority(), locale),
                        o.deadline().name(),
                        label(o.deadline(), locale),
                        o.dueAt()))
                .toList();

        RuleSetInfo rules = advisor.ruleSet();
        List<Dashboard.Bar> hits = rules.rules().stream()
                .map(rule -> new Dashboard.Bar(rule.name(), rule.name(), rule.hits(), 0))
                .filter(bar -> bar.value() > 0)
                .sorted(Comparator.comparingDouble(Dashboard.Bar::value)
                        .reversed()
                        .thenComparing(Dashboard.Bar::key))
                .limit(TOP_RULES)
                .toList();

        return new Dashboard(
                DAYS,
                figures.incidents(),
                byKano,
                byArea,
                weekStarts.stream().map(LocalDate::toString).toList(),
                causes,
                topByCount,
                topByGap,
                figures.overdueCount(),
                overdue,
                hits);
    }

    private <E extends Enum<E>> List<Dashboard.Bar> meanGap(
            List<IncidentFigures.Group> groups, E[] order, Locale locale) {
        Map<String, IncidentFigures.Group> byName =
                groups.stream().collect(Collectors.toMap(IncidentFigures.Group::key, Function.identity()));
        List<Dashboard.Bar> bars = new ArrayList<>();
        for (E value : order) {
            IncidentFigures.Group group = byName.get(value.name());
            if (group != null) {
                bars.add(
                        new Dashboard.Bar(value.name(), label(value, locale), rounded(group.meanGap()), group.count()));
            }
        }
        return bars;
    }

    private static double rounded(double mean) {
        return Math.round(mean * 10) / 10.0;
    }

    private String priority(String code, Locale locale) {
        if (code == null) {
            return "—";
        }
        try {
            return label(Priority.valueOf(code), locale);
        } catch (IllegalArgumentException unknown) {
            return code;
        }
    }

    private String label(Enum<?> value, Locale locale) {
        String key = "code." + value.getDeclaringClass().getSimpleName() + "." + value.name();
        return messages.getMessage(key, null, value.name(), locale);
    }
}
