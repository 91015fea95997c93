package com.propertyservice.advisor.engine;

import java.time.Instant;
import java.util.List;

/**
 * A description of a compiled rule set.
 *
 * @param version  hash of the files' paths and contents; the same files give the same version
 * @param loadedAt when it was compiled
 * @param files    the files it was built from
 * @param rules    every rule, with its description and hit count since it was loaded
 * @param issues   the issue keys of its catalogue
 */
public record RuleSetInfo(String version, Instant loadedAt, List<FileInfo> files, List<RuleInfo> rules,
                          List<String> issues) {

    public RuleSetInfo {
        files = List.copyOf(files);
        rules = List.copyOf(rules);
        issues = List.copyOf(issues);
    }

    /**
     * A file of the rule set.
     *
     * @param path   path inside the rules folder, with {@code /} separators
     * @param kind   DRL, DECISION_TABLE, DSL, DSLR, TEXTS or SCENARIO
     * @param sha256 hash of its content
     * @param size   size in bytes
     */
    public record FileInfo(String path, String kind, String sha256, long size) {
    }

    /**
     * A rule.
     *
     * @param name          the rule's name, as it appears in the trail of fired rules
     * @param file          the file it comes from
     * @param line          its line (for a decision table: the row of the sheet)
     * @param description   what it decides, in Chinese
     * @param descriptionEn what it decides, in English
     * @param hits          how often it fired since the rule set was loaded
     */
    public record RuleInfo(String name, String file, Integer line, String description, String descriptionEn, long hits) {
    }
}
