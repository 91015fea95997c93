package com.propertyservice.advisor.web;

import com.propertyservice.advisor.engine.Advice;
import com.propertyservice.advisor.engine.Advisor;
import com.propertyservice.advisor.engine.Channel;
import com.propertyservice.advisor.engine.Complainant;
import com.propertyservice.advisor.engine.ComplainantRole;
import com.propertyservice.advisor.engine.Emotion;
import com.propertyservice.advisor.engine.Incident;
import com.propertyservice.advisor.engine.KanoFactor;
import com.propertyservice.advisor.engine.Language;
import com.propertyservice.advisor.engine.RuleFiles;
import com.propertyservice.advisor.engine.RuleSetInfo;
import com.propertyservice.advisor.engine.ServiceArea;
import com.propertyservice.advisor.system.AdvisorProperties;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The issue catalogue as a supervisor picks from it: each key with the catalogue's own words for it,
 * its Kano factor, and the service area the catalogue files it under.
 *
 * <p>The engine's public API lists the keys but not their rows, and the wording lives in rules/,
 * never in Java. So, once per rule-set version, every key is advised once with a neutral incident:
 * the catalogue table is the one file in which each key fires exactly one rule, a different one per
 * key; that rule's description is the key's label and the advice gives its Kano factor. The area is
 * read from that rule's row in the rules folder when the row names the key and a service area (a
 * CSV catalogue); otherwise the key is listed under "other", still searchable. Nothing here
 * hard-codes a key, an area or a file name.
 */
@Component
class IssueCatalogue {

    /** One issue key as the form offers it. */
    public record Issue(String key, String label, String labelEn, KanoFactor kanoFactor, ServiceArea area) {

        public String label(Language language) {
            String text = language == Language.EN ? labelEn : label;
            return text == null || text.isBlank() ? key : text;
        }
    }

    /** The keys of one service area ({@code area} is {@code null} for keys the catalogue row did not place). */
    public record Group(ServiceArea area, List<Issue> issues) {
    }

    private record Snapshot(String version, List<Issue> issues, Map<String, Long> probeHits) {
    }

    private final Advisor advisor;
    private final AdvisorProperties properties;
    private volatile Snapshot snapshot = new Snapshot("", List.of(), Map.of());

    IssueCatalogue(Advisor advisor, AdvisorProperties properties) {
        this.advisor = advisor;
        this.properties = properties;
    }

    /** The keys grouped by service area in the areas' order, then the unplaced ones. */
    List<Group> groups() {
        Map<ServiceArea, List<Issue>> byArea = new EnumMap<>(ServiceArea.class);
        List<Issue> other = new ArrayList<>();
        for (Issue issue : issues()) {
            if (issue.area() == null) {
                other.add(issue);
            } else {
                byArea.computeIfAbsent(issue.area(), area -> new ArrayList<>()).add(issue);
            }
        }
        List<Group> groups = new ArrayList<>();
        byArea.forEach((area, list) -> groups.add(new Group(area, list)));
        if (!other.isEmpty()) {
            groups.add(new Group(null, other));
        }
        return groups;
    }

    /** Every key of the active catalogue, in the catalogue's order of keys (sorted). */
    List<Issue> issues() {
        return current().issues();
    }

    /**
     * A rule's hits without the ones this catalogue's own probe caused, so monitoring shows what
     * real incidents did.
     */
    long realHits(RuleSetInfo.RuleInfo rule) {
        Snapshot current = current();
        return Math.max(0, rule.hits() - current.probeHits().getOrDefault(rule.name(), 0L));
    }

    private synchronized Snapshot current() {
        String version = advisor.version();
        if (!snapshot.version().equals(version)) {
            snapshot = probe(version);
        }
        return snapshot;
    }

    private Snapshot probe(String version) {
        RuleSetInfo info = advisor.ruleSet();
        Map<String, RuleSetInfo.RuleInfo> rules = info.rules().stream()
                .collect(Collectors.toMap(RuleSetInfo.RuleInfo::name, rule -> rule, (a, b) -> a));
        Map<String, Advice> advice = new LinkedHashMap<>();
        for (String key : info.issues()) {
            advice.put(key, advisor.advise(neutral(key), Language.ZH_CN));
        }
        Map<String, Long> probeHits = advice.values().stream().flatMap(given -> given.firedRules().stream())
                .collect(Collectors.groupingBy(name -> name, Collectors.counting()));
        Map<String, String> catalogueRule = catalogueRules(advice, rules);
        Map<String, ServiceArea> areas = areas(catalogueRule, rules);
        List<Issue> issues = new ArrayList<>();
        advice.forEach((key, given) -> {
            RuleSetInfo.RuleInfo rule = rules.get(catalogueRule.get(key));
            issues.add(new Issue(key, rule == null ? null : rule.description(), rule == null ? null : rule.descriptionEn(),
                    given.kanoFactor(), areas.get(key)));
        });
        return new Snapshot(version, List.copyOf(issues), Map.copyOf(probeHits));
    }

    /** Key → the catalogue row's rule: from the one file in which every key fires exactly one rule of its own. */
    private static Map<String, String> catalogueRules(Map<String, Advice> advice, Map<String, RuleSetInfo.RuleInfo> rules) {
        Map<String, Map<String, List<String>>> firedByFile = new HashMap<>(); // file -> key -> rules
        advice.forEach((key, given) -> given.firedRules().stream().distinct().forEach(name -> {
            RuleSetInfo.RuleInfo rule = rules.get(name);
            if (rule != null && rule.file() != null) {
                firedByFile.computeIfAbsent(rule.file(), file -> new HashMap<>())
                        .computeIfAbsent(key, k -> new ArrayList<>()).add(name);
            }
        }));
        for (Map<String, List<String>> byKey : firedByFile.values()) {
            boolean onePerKey = byKey.size() == advice.size() && byKey.values().stream().allMatch(list -> list.size() == 1);
            Collection<String> distinct = byKey.values().stream().map(list -> list.get(0)).collect(Collectors.toSet());
            if (onePerKey && distinct.size() == advice.size()) {
                Map<String, String> result = new HashMap<>();
                byKey.forEach((key, list) -> result.put(key, list.get(0)));
                return result;
            }
        }
        return Map.of();
    }

    private Map<String, ServiceArea> areas(Map<String, String> catalogueRule, Map<String, RuleSetInfo.RuleInfo> rules) {
        Map<String, ServiceArea> areas = new HashMap<>();
        if (catalogueRule.isEmpty()) {
            return areas;
        }
        RuleFiles folder;
        try {
            folder = RuleFiles.fromDirectory(properties.rulesDir());
        } catch (RuntimeException unreadable) {
            return areas; // grouping is a convenience; the keys stay searchable under "other"
        }
        catalogueRule.forEach((key, ruleName) -> {
            RuleSetInfo.RuleInfo rule = rules.get(ruleName);
            byte[] content = rule == null || rule.line() == null ? null : folder.get(rule.file());
            if (content == null) {
                return;
            }
            String[] lines = new String(content, StandardCharsets.UTF_8).split("\\R");
            if (rule.line() < 1 || rule.line() > lines.length) {
                return;
            }
            String row = lines[rule.line() - 1];
            if (!Arrays.asList(row.split("[,\"\\s]+")).contains(key)) {
                return; // the folder changed since the rules were loaded
            }
            for (String token : row.split("[^A-Z_]+")) {
                for (ServiceArea area : ServiceArea.values()) {
                    if (area.name().equals(token)) {
                        areas.put(key, area);
                        return;
                    }
                }
            }
        });
        return areas;
    }

    private static Incident neutral(String key) {
        return Incident.builder().channel(Channel.PHONE).community("-").serviceArea(ServiceArea.CUSTOMER_SERVICE)
                .issue(key).summary("-").complainant(new Complainant(ComplainantRole.OWNER, Emotion.CALM, null, false, 0))
                .build();
    }
}
