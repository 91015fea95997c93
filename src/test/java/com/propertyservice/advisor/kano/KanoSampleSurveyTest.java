package com.propertyservice.advisor.kano;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The sample survey in docs/samples (written by scripts/kano-sample-survey.py from a fixed mix of
 * categories per item) gives back the categories it was made with, and only the close calls fail
 * Fong's test.
 */
class KanoSampleSurveyTest {

    static final Path SAMPLE = Path.of("docs", "samples", "kano-survey-sample.csv");

    /** Item → the category the script drew most answers from, and whether its lead is clear enough. */
    static final Map<String, Object[]> KNOWN = new LinkedHashMap<>();

    static {
        KNOWN.put("lift-outage", new Object[] {KanoCategory.M, true});
        KNOWN.put("water-outage", new Object[] {KanoCategory.M, true});
        KNOWN.put("garbage-collection", new Object[] {KanoCategory.M, true});
        KNOWN.put("public-area-hygiene", new Object[] {KanoCategory.M, true});
        KNOWN.put("access-control", new Object[] {KanoCategory.M, true});
        KNOWN.put("repair-delay", new Object[] {KanoCategory.O, true});
        KNOWN.put("staff-attitude", new Object[] {KanoCategory.O, true});
        KNOWN.put("parking-fees", new Object[] {KanoCategory.O, true});
        KNOWN.put("security-patrol", new Object[] {KanoCategory.M, true});
        KNOWN.put("corridor-lighting", new Object[] {KanoCategory.M, true});
        KNOWN.put("greening", new Object[] {KanoCategory.A, true});
        KNOWN.put("community-event", new Object[] {KanoCategory.A, true});
        KNOWN.put("lobby-decoration", new Object[] {KanoCategory.I, true});
        KNOWN.put("notice-overload", new Object[] {KanoCategory.R, true});
        KNOWN.put("door-to-door-visit", new Object[] {KanoCategory.I, false});
        KNOWN.put("快递代收", new Object[] {KanoCategory.A, true});
        KNOWN.put("社区食堂", new Object[] {KanoCategory.I, false});
    }

    @Test
    void theSampleSurveyGivesTheCategoriesItWasMadeWith() throws IOException {
        SurveyReader.SurveyFile file = SurveyReader.read(Files.readAllBytes(SAMPLE), 100_000);
        assertThat(file.unreadable()).isEmpty();
        assertThat(file.rows()).hasSize(300 * KNOWN.size());
        Map<String, int[][]> counts = new LinkedHashMap<>();
        file.rows()
                .forEach(row -> counts.computeIfAbsent(row.item(), k -> new int[5][5])[row.functional() - 1][
                        row.dysfunctional() - 1]++);
        assertThat(counts.keySet()).containsExactlyElementsOf(KNOWN.keySet());
        KNOWN.forEach((item, known) -> {
            ItemAnalysis analysis = KanoAnalysis.analyse(item, counts.get(item));
            assertThat(analysis.answers()).as(item).isEqualTo(300);
            assertThat(analysis.category()).as(item).isEqualTo(known[0]);
            assertThat(analysis.significant()).as(item + " significant").isEqualTo(known[1]);
        });
    }
}
