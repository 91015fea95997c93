package com.propertyservice.advisor.kano;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.propertyservice.advisor.engine.KanoFactor;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Catalogue rows found by issue key and Kano values found by the table's header, in the table as it
 * is in rules/ and in other layouts a trainer may give it; nothing else of the file changes.
 */
class CatalogueTableTest {

    /** The layout with a rule-name column first and more columns between (the catalogue being restructured). */
    static final String NAMED_ROWS = """
            RuleSet,com.propertyservice.advisor.rules.catalogue,,,,,,,
            Import,"com.propertyservice.advisor.engine.*, com.propertyservice.advisor.engine.fact.Assessment",,,,,,,
            Notes,"lookup 查找表",,,,,,,
            ,,,,,,,,
            RuleTable Catalogue,,,,,,,,
            NAME,CONDITION,ACTION,ACTION,ACTION,PRIORITY,METADATA,METADATA,
            ,$a: Assessment...,,,,,,,
            ,\"issue == \"\"$param\"\"\",\"modify($a){ classify(ServiceArea.$1, KanoFactor.$2, QualityDimension.$3) }\",\"modify($a){ flag(\"\"$param\"\") }\",\"modify($a){ flag(\"\"$param\"\") }\",$param,\"description(\"\"$param\"\")\",\"descriptionEn(\"\"$param\"\")\",
            规则名 rule name,问题编号 issue key,"服务线, 卡诺因素, 质量维度 area, Kano, dimension",问题性质 nature,紧急性质 emergency,执行顺序 salience,说明,description (en),
            目录 security-patrol,security-patrol,"SECURITY, EXPECTED, RELIABILITY",OUR_CONDUCT,,60,安防巡逻,"Security patrols, missed",
            目录 theft,theft,"SECURITY, MUST_BE, ASSURANCE",,,60,小区内失窃,Theft,
            """;

    /** A layout with the Kano factor in a column of its own, written with a byte-order mark and CRLF by Excel. */
    static final String OWN_COLUMN = "\uFEFFRuleSet,x\r\n\r\nRuleTable Catalogue,,,\r\n"
            + "ACTION,CONDITION,ACTION,METADATA\r\n"
            + ",$a: Assessment,,\r\n"
            + "modify($a){ setKanoFactor(KanoFactor.$param) },issue == \"$param\",\"modify($a){ area(ServiceArea.$param) }\",description(\"$param\")\r\n"
            + "Kano,key,area,说明\r\n"
            + " EXPECTED ,repair-delay,ENGINEERING,报修\r\n"
            + "MUST_BE,lift-outage,ENGINEERING,\"电梯, 停运\"\r\n"
            + "\r\n"
            + "EXPECTED,not-a-row-of-the-table,x,y\r\n";

    @Test
    void theCataloguesRowForTheKeyGetsTheNewFactorAndNoOtherByteChanges() throws IOException {
        byte[] table = Files.readAllBytes(Path.of("rules", "catalogue", "issues.drl.csv"));
        String before = new String(table, StandardCharsets.UTF_8);
        String after = new String(
                CatalogueTable.withKanoFactors(table, Map.of("corridor-lighting", KanoFactor.MUST_BE)),
                StandardCharsets.UTF_8);
        List<String> changed = changedLines(before, after);
        assertThat(changed).hasSize(1);
        assertThat(changed.get(0))
                .contains("corridor-lighting")
                .contains("MUST_BE")
                .doesNotContain("EXPECTED");
        String oldLine = before.lines()
                .filter(l -> l.contains("corridor-lighting,"))
                .findFirst()
                .orElseThrow();
        assertThat(changed.get(0)).isEqualTo(oldLine.replaceFirst("EXPECTED", "MUST_BE"));
    }

    @Test
    void theKanoValueIsFoundByTheHeaderInATableWhoseColumnsMoved() {
        String after = new String(
                CatalogueTable.withKanoFactors(
                        NAMED_ROWS.getBytes(StandardCharsets.UTF_8), Map.of("security-patrol", KanoFactor.MUST_BE)),
                StandardCharsets.UTF_8);
        assertThat(changedLines(NAMED_ROWS, after))
                .containsExactly(
                        "目录 security-patrol,security-patrol,\"SECURITY, MUST_BE, RELIABILITY\",OUR_CONDUCT,,60,安防巡逻,\"Security patrols, missed\",");
    }

    @Test
    void aKanoColumnOfItsOwnKeepsItsSpacesTheByteOrderMarkAndLineEndsAndRowsAfterTheTableAreLeftAlone() {
        String after = new String(
                CatalogueTable.withKanoFactors(
                        OWN_COLUMN.getBytes(StandardCharsets.UTF_8),
                        Map.of("repair-delay", KanoFactor.MUST_BE, "lift-outage", KanoFactor.EXPECTED)),
                StandardCharsets.UTF_8);
        assertThat(after)
                .isEqualTo(OWN_COLUMN
                        .replace(" EXPECTED ,repair-delay", " MUST_BE ,repair-delay")
                        .replace("MUST_BE,lift-outage", "EXPECTED,lift-outage"));
        assertThatThrownBy(() -> CatalogueTable.withKanoFactors(
                        OWN_COLUMN.getBytes(StandardCharsets.UTF_8),
                        Map.of("not-a-row-of-the-table", KanoFactor.MUST_BE)))
                .isInstanceOfSatisfying(CatalogueTable.NotEditable.class, e -> {
                    assertThat(e.reason()).isEqualTo(CatalogueTable.NotEditable.Reason.NO_ROW);
                    assertThat(e.detail()).isEqualTo("not-a-row-of-the-table");
                });
    }

    @Test
    void aTableItCannotEditSafelyIsRefusedWithTheReason() {
        assertThat(reason("RuleSet,x\nImport,y\n", "theft")).isEqualTo(CatalogueTable.NotEditable.Reason.NO_TABLE);
        assertThat(reason(NAMED_ROWS.replace("issue ==", "area =="), "theft"))
                .isEqualTo(CatalogueTable.NotEditable.Reason.NO_ISSUE_COLUMN);
        assertThat(reason(NAMED_ROWS.replace("KanoFactor.$2", "Kano.$2"), "theft"))
                .isEqualTo(CatalogueTable.NotEditable.Reason.NO_KANO_COLUMN);
        byte[] gbk = NAMED_ROWS.getBytes(Charset.forName("GBK"));
        assertThatThrownBy(() -> CatalogueTable.withKanoFactors(gbk, Map.of("theft", KanoFactor.EXPECTED)))
                .isInstanceOfSatisfying(
                        CatalogueTable.NotEditable.class,
                        e -> assertThat(e.reason()).isEqualTo(CatalogueTable.NotEditable.Reason.NOT_UTF8));
    }

    private static CatalogueTable.NotEditable.Reason reason(String table, String key) {
        try {
            CatalogueTable.withKanoFactors(table.getBytes(StandardCharsets.UTF_8), Map.of(key, KanoFactor.EXPECTED));
        } catch (CatalogueTable.NotEditable e) {
            return e.reason();
        }
        return null;
    }

    private static List<String> changedLines(String before, String after) {
        List<String> a = before.lines().toList();
        List<String> b = after.lines().toList();
        assertThat(b).hasSameSizeAs(a);
        List<String> changed = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).equals(b.get(i))) {
                changed.add(b.get(i));
            }
        }
        return changed;
    }
}
