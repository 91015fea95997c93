package com.propertyservice.advisor.incident;

import static org.assertj.core.api.Assertions.assertThat;

import com.propertyservice.advisor.engine.Advisor;
import com.propertyservice.advisor.engine.KanoFactor;
import com.propertyservice.advisor.engine.RuleSetInfo;
import com.propertyservice.advisor.engine.ServiceArea;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The issue picker's catalogue, read from the knowledge base in rules/ without a key in Java. */
class IssueCatalogueTest {

    static final Path RULES = Path.of("rules");
    static Advisor advisor;
    static IssueCatalogue catalogue;

    @BeforeAll
    static void load() {
        advisor = Advisor.fromDirectory(RULES);
        catalogue = new IssueCatalogue(advisor);
    }

    @Test
    void everyKeyIsPlacedInTheServiceAreaTheContractListsItUnder() {
        Map<String, ServiceArea> areas = catalogue.issues().stream()
                .collect(Collectors.toMap(IssueCatalogue.Issue::key, IssueCatalogue.Issue::area));
        assertThat(areas.keySet()).containsExactlyInAnyOrderElementsOf(advisor.knownIssues());
        assertThat(areas)
                .containsEntry("noise", ServiceArea.COMMUNITY_LIFE)
                .containsEntry("lift-outage", ServiceArea.ENGINEERING)
                .containsEntry("theft", ServiceArea.SECURITY)
                .containsEntry("parking-fees", ServiceArea.PARKING)
                .containsEntry("staff-attitude", ServiceArea.CUSTOMER_SERVICE)
                .containsEntry("garbage-collection", ServiceArea.ENVIRONMENT);
        assertThat(catalogue.groups()).extracting(IssueCatalogue.Group::area).doesNotContainNull();
    }

    @Test
    void eachKeyIsLabelledWithItsCatalogueRowInBothLanguagesAndCarriesItsKanoFactor() {
        IssueCatalogue.Issue lift = catalogue.issues().stream()
                .filter(i -> i.key().equals("lift-outage"))
                .findFirst()
                .orElseThrow();
        assertThat(lift.label()).contains("电梯");
        assertThat(lift.labelEn()).containsIgnoringCase("lift");
        assertThat(lift.kanoFactor()).isEqualTo(KanoFactor.MUST_BE);
    }

    @Test
    void readingTheCatalogueFiresNoRuleSoHitCountsShowOnlyRealAdvice() {
        long before = advisor.ruleSet().rules().stream()
                .mapToLong(RuleSetInfo.RuleInfo::hits)
                .sum();
        catalogue.groups();
        catalogue.issues();
        assertThat(advisor.ruleSet().rules().stream()
                        .mapToLong(RuleSetInfo.RuleInfo::hits)
                        .sum())
                .isEqualTo(before);
    }
}
