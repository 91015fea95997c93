package com.propertyservice.advisor.web;

import com.propertyservice.advisor.engine.Advisor;
import com.propertyservice.advisor.engine.ComplaintCause;
import com.propertyservice.advisor.engine.KanoFactor;
import com.propertyservice.advisor.engine.Language;
import com.propertyservice.advisor.engine.RuleSetInfo;
import com.propertyservice.advisor.engine.ServiceArea;
import com.propertyservice.advisor.incident.IncidentFacts;
import com.propertyservice.advisor.incident.IncidentService;
import com.propertyservice.advisor.incident.IncidentStatus;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

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

/**
 * Reads the dashboard's figures from the incident service (the advice as stored) and the engine
 * (hits per rule). Counting happens here, in memory, over a bounded window: a duty desk's few
 * thousand incidents a quarter fit easily, and no SQL of the incident table leaks into the web layer.
 */
@Service
class DashboardService {

    static final int DAYS = 90;
    private static final int MAX_INCIDENTS = 10_000;
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
        List<IncidentFacts> facts = incidents.facts(first.atStartOfDay(zone).toOffsetDateTime(), MAX_INCIDENTS);
        Language language = Language.of(locale);
        Map<String, String> issueLabels = catalogue.issues().stream()
                .collect(Collectors.toMap(IssueCatalogue.Issue::key, issue -> issue.label(language)));
        List<IncidentFacts> withGap = facts.stream().filter(f -> f.satisfactionGap() != null).toList();

        List<Dashboard.Bar> byKano = meanGap(withGap, IncidentFacts::kanoFactor, KanoFactor.values(), locale);
        List<Dashboard.Bar> byArea = meanGap(withGap, IncidentFacts::serviceArea, ServiceArea.values(), locale);

        List<LocalDate> weekStarts = new ArrayList<>();
        for (LocalDate week = first.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)); !week.isAfter(today);
             week = week.plusWeeks(1)) {
            weekStarts.add(week);
        }
        Map<String, List<Long>> causes = new LinkedHashMap<>();
        for (ComplaintCause cause : ComplaintCause.values()) {
            List<Long> counts = new ArrayList<>();
            for (LocalDate week : weekStarts) {
                counts.add(facts.stream().filter(f -> f.complaintCauses().contains(cause))
                        .filter(f -> weekOf(f, zone).equals(week)).count());
            }
            causes.put(label(cause, locale), counts);
        }

        Map<String, List<IncidentFacts>> byIssue = facts.stream().collect(Collectors.groupingBy(IncidentFacts::issue));
        List<Dashboard.Bar> topByCount = byIssue.entrySet().stream()
                .map(e -> new Dashboard.Bar(e.getKey(), issueLabels.getOrDefault(e.getKey(), e.getKey()),
                        e.getValue().size(), e.getValue().size()))
                .sorted(Comparator.comparingDouble(Dashboard.Bar::value).reversed().thenComparing(Dashboard.Bar::key))
                .limit(TOP).toList();
        List<Dashboard.Bar> topByGap = withGap.stream().collect(Collectors.groupingBy(IncidentFacts::issue)).entrySet()
                .stream()
                .map(e -> new Dashboard.Bar(e.getKey(), issueLabels.getOrDefault(e.getKey(), e.getKey()),
                        mean(e.getValue()), e.getValue().size()))
                .sorted(Comparator.comparingDouble(Dashboard.Bar::value).thenComparing(Dashboard.Bar::key))
                .limit(TOP).toList();

        List<Dashboard.Overdue> overdue = facts.stream()
                .filter(f -> f.status() == IncidentStatus.OPEN || f.status() == IncidentStatus.ADVISED)
                .filter(f -> f.resolveWithin() != null)
                .map(f -> new Dashboard.Overdue(f.id(), f.community(), issueLabels.getOrDefault(f.issue(), f.issue()),
                        f.priority() == null ? "—" : label(f.priority(), locale),
                        (f.advisedAt() == null ? f.reportedAt() : f.advisedAt()).plus(f.resolveWithin())))
                .filter(o -> o.dueAt().isBefore(now))
                .sorted(Comparator.comparing(Dashboard.Overdue::dueAt))
                .toList();

        RuleSetInfo rules = advisor.ruleSet();
        List<Dashboard.Bar> hits = rules.rules().stream()
                .map(rule -> new Dashboard.Bar(rule.name(), rule.name(), rule.hits(), 0))
                .filter(bar -> bar.value() > 0)
                .sorted(Comparator.comparingDouble(Dashboard.Bar::value).reversed().thenComparing(Dashboard.Bar::key))
                .limit(TOP_RULES).toList();

        return new Dashboard(DAYS, facts.size(), byKano, byArea, weekStarts.stream().map(LocalDate::toString).toList(),
                causes, topByCount, topByGap, overdue, hits);
    }

    private <E extends Enum<E>> List<Dashboard.Bar> meanGap(List<IncidentFacts> withGap, Function<IncidentFacts, E> key,
                                                          E[] order, Locale locale) {
        Map<E, List<IncidentFacts>> grouped = withGap.stream().filter(f -> key.apply(f) != null)
                .collect(Collectors.groupingBy(key));
        List<Dashboard.Bar> bars = new ArrayList<>();
        for (E value : order) {
            List<IncidentFacts> group = grouped.get(value);
            if (group != null) {
                bars.add(new Dashboard.Bar(value.name(), label(value, locale), mean(group), group.size()));
            }
        }
        return bars;
    }

    private static double mean(List<IncidentFacts> group) {
        double mean = group.stream().mapToInt(IncidentFacts::satisfactionGap).average().orElse(0);
        return Math.round(mean * 10) / 10.0;
    }

    private static LocalDate weekOf(IncidentFacts facts, ZoneId zone) {
        return facts.reportedAt().atZoneSameInstant(zone).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    private String label(Enum<?> value, Locale locale) {
        String key = "code." + value.getDeclaringClass().getSimpleName() + "." + value.name();
        return messages.getMessage(key, null, value.name(), locale);
    }
}
