package com.propertyservice.advisor.engine;

import static com.propertyservice.advisor.SampleRules.CATALOGUE;
import static org.assertj.core.api.Assertions.assertThat;

import com.propertyservice.advisor.SampleRules;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Decision tables are checked row against row, beyond what Drools checks. */
class TableChecksTest {

    private static final RuleFiles SAMPLE = SampleRules.files();
    private static final Advisor ADVISOR = Advisor.fromFiles(SAMPLE);

    /** A combining matrix: escalation raised by emotion and Kano factor (rows 10..). */
    private static final String MATRIX = """
            RuleSet,com.propertyservice.advisor.rules.escalation,,,
            Import,"com.propertyservice.advisor.engine.*, com.propertyservice.advisor.engine.fact.Assessment",,,
            Notes,Escalation matrix: rows combine; the highest escalation wins,,,
            ,,,,
            RuleTable Escalation,,,,
            CONDITION,CONDITION,ACTION,METADATA,METADATA
            $a: Assessment,$a: Assessment,,,
            emotion == Emotion.$param,kanoFactor == KanoFactor.$param,$a.raiseEscalation(Escalation.$param);,"description(""$param"")","descriptionEn(""$param"")"
            emotion,Kano,escalation,description,description (en)
            ANGRY,,SUPERVISOR,生气：主管,Angry: supervisor
            ,MUST_BE,PROJECT_MANAGER,必备：项目经理,Must-be: project manager
            ANGRY,,COMPANY,重复,Repeated
            """;

    private static String catalogue() {
        return new String(SAMPLE.get(CATALOGUE), StandardCharsets.UTF_8);
    }

    @Test
    void aSecondCatalogueRowForTheSameKeyWithAnotherOutcomeIsAnError() {
        String csv = catalogue() + "lift-outage,\"ENGINEERING, EXPECTED, RELIABILITY\",电梯又一行,Lift again,,\n";
        ValidationResult result = ADVISOR.validate(SAMPLE.with(CATALOGUE, csv.getBytes(StandardCharsets.UTF_8)));

        assertThat(result.valid()).isFalse();
        assertThat(result.problems()).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo(CATALOGUE);
            assertThat(p.line()).isEqualTo(13);
            assertThat(p.message()).contains("row 10").contains("lookup");
        });
    }

    @Test
    void anExactRepeatOfARowIsAWarningThatDoesNotBlock() {
        String csv = catalogue() + "lift-outage,\"ENGINEERING, MUST_BE, RELIABILITY\",电梯停运（重复）,Lift again,,\n";
        ValidationResult result = ADVISOR.validate(SAMPLE.with(CATALOGUE, csv.getBytes(StandardCharsets.UTF_8)));

        assertThat(result.problems()).isEmpty();
        assertThat(result.warnings()).anySatisfy(p -> {
            assertThat(p.line()).isEqualTo(13);
            assertThat(p.message()).contains("repeats row 10");
        });
    }

    @Test
    void overlapsInACombiningMatrixAreWarningsAndUncoveredEnumValuesAreNamed() {
        RuleFiles files = SAMPLE.with("catalogue/escalation.drl.csv", MATRIX.getBytes(StandardCharsets.UTF_8));
        ValidationResult result = ADVISOR.validate(files);

        assertThat(result.problems()).isEmpty();
        assertThat(result.valid()).isTrue();
        assertThat(result.warnings())
                .filteredOn(p -> "catalogue/escalation.drl.csv".equals(p.file()))
                .extracting(Problem::message)
                .anyMatch(m ->
                        m.startsWith("table Escalation: 2 pair(s) of rows overlap") && m.contains("rows 10+11, 11+12"))
                .anyMatch(m -> m.contains("exactly the conditions of row 10"))
                .anyMatch(m -> m.contains("no row covers Emotion CALM, UPSET"))
                .anyMatch(m -> m.contains("no row covers KanoFactor EXPECTED, ATTRACTIVE, INDIFFERENT, REVERSE"));
    }

    @Test
    void thePriorityMatrixOfTheSampleWarnsAboutKanoFactorsWithoutARow() {
        ValidationResult result = ADVISOR.validate(SAMPLE);

        assertThat(result.valid()).isTrue();
        assertThat(result.warnings()).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("catalogue/priority.drl.xlsx");
            assertThat(p.message()).contains("INDIFFERENT, REVERSE");
        });
    }
}
