package com.propertyservice.advisor.knowledge;

import com.propertyservice.advisor.engine.RuleSetInfo;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Renders {@code docs/rules-catalogue.md} from a compiled rule set: every rule file (tables, DSL
 * rules, DRL) with its rules, each with what it decides in Chinese and in English. Nothing in it
 * changes from one build to the next (no version, no time, no hit counts), so the committed file
 * can be compared with a fresh rendering.
 */
final class RulesCatalogue {

    private static final Map<String, String> KINDS = Map.of(
            "DECISION_TABLE", "决策表 decision table",
            "DSLR", "中文规则句式 DSL rules",
            "DRL", "DRL rules");

    private RulesCatalogue() {}

    static String render(RuleSetInfo ruleSet) {
        Map<String, List<RuleSetInfo.RuleInfo>> byFile = ruleSet.rules().stream()
                .collect(Collectors.groupingBy(r -> String.valueOf(r.file()), TreeMap::new, Collectors.toList()));
        List<RuleSetInfo.FileInfo> files = ruleSet.files().stream()
                .filter(f -> KINDS.containsKey(f.kind()))
                .sorted(Comparator.comparing(RuleSetInfo.FileInfo::path))
                .toList();
        StringBuilder out = new StringBuilder();
        out.append("# 规则目录 Rules catalogue\n\n");
        out.append("本文件由 `rules/` 中的规则自动生成，请勿手工修改；改了规则后运行\n");
        out.append("`mvn -o test -Dtest=RulesCatalogueTest -Dcatalogue.write=true` 重新生成。\n\n");
        out.append("Generated from the rules in `rules/`; do not edit by hand. After changing a rule, run\n");
        out.append("`mvn -o test -Dtest=RulesCatalogueTest -Dcatalogue.write=true` to regenerate it.\n\n");
        out.append("Rule set: ")
                .append(ruleSet.rules().size())
                .append(" rules in ")
                .append(files.size())
                .append(" files; issue keys: ")
                .append(ruleSet.issues().size())
                .append(".\n\n");
        out.append("| 文件 File | 类型 Kind | 规则数 Rules |\n|---|---|---|\n");
        for (RuleSetInfo.FileInfo file : files) {
            out.append("| `")
                    .append(file.path())
                    .append("` | ")
                    .append(KINDS.get(file.kind()))
                    .append(" | ")
                    .append(byFile.getOrDefault(file.path(), List.of()).size())
                    .append(" |\n");
        }
        for (RuleSetInfo.FileInfo file : files) {
            out.append("\n## `")
                    .append(file.path())
                    .append("` — ")
                    .append(KINDS.get(file.kind()))
                    .append("\n\n");
            out.append("| 规则 Rule | ")
                    .append(file.kind().equals("DECISION_TABLE") ? "行 Row" : "行 Line")
                    .append(" | 决定什么 | What it decides |\n|---|---|---|---|\n");
            for (RuleSetInfo.RuleInfo rule : byFile.getOrDefault(file.path(), List.of())) {
                out.append("| ")
                        .append(cell(rule.name()))
                        .append(" | ")
                        .append(rule.line() == null ? "" : rule.line())
                        .append(" | ")
                        .append(cell(rule.description()))
                        .append(" | ")
                        .append(cell(rule.descriptionEn()))
                        .append(" |\n");
            }
        }
        return out.toString();
    }

    private static String cell(String text) {
        return text == null ? "" : text.replace("|", "\\|").replaceAll("\\s*\\R\\s*", " ");
    }
}
