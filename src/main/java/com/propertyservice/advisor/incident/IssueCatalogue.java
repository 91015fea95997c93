package com.propertyservice.advisor.incident;

import com.propertyservice.advisor.engine.Advisor;
import com.propertyservice.advisor.engine.KanoFactor;
import com.propertyservice.advisor.engine.Language;
import com.propertyservice.advisor.engine.RuleSetInfo;
import com.propertyservice.advisor.engine.ServiceArea;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The issue catalogue as a supervisor picks from it: each key with the catalogue row's own words
 * for it, its Kano factor, and the service area the catalogue files it under — all read from the
 * active rule set's catalogue ({@link RuleSetInfo#catalogue()}), so nothing here names a key or an
 * area. A key the rule set classifies in a way the engine cannot read (e.g. through a DSL sentence)
 * is listed under "other", still searchable.
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
    public record Group(ServiceArea area, List<Issue> issues) {}

    private final Advisor advisor;

    IssueCatalogue(Advisor advisor) {
        this.advisor = advisor;
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

    /** Every key of the active catalogue, sorted by key. */
    List<Issue> issues() {
        RuleSetInfo info = advisor.ruleSet();
        Map<String, RuleSetInfo.CatalogueEntry> entries = new HashMap<>();
        info.catalogue().forEach(entry -> entries.putIfAbsent(entry.issue(), entry));
        List<Issue> issues = new ArrayList<>();
        for (String key : info.issues()) {
            RuleSetInfo.CatalogueEntry entry = entries.get(key);
            issues.add(
                    entry == null
                            ? new Issue(key, null, null, null, null)
                            : new Issue(
                                    key, entry.description(), entry.descriptionEn(), entry.kanoFactor(), entry.area()));
        }
        return issues;
    }
}
