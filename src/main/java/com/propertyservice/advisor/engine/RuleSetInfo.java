package com.propertyservice.advisor.engine;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A description of a compiled rule set.
 *
 * @param version  hash of the files' paths and contents; the same files give the same version
 * @param loadedAt when it was compiled
 * @param files    the files it was built from
 * @param rules    every rule, with its description and hit count since it was loaded
 * @param issues    the issue keys of its catalogue
 * @param catalogue each catalogue entry: the key with its area, Kano factor, dimension and the row's description
 */
public record RuleSetInfo(
        String version,
        Instant loadedAt,
        List<FileInfo> files,
        List<RuleInfo> rules,
        List<String> issues,
        List<CatalogueEntry> catalogue) {

    public RuleSetInfo {
        files = List.copyOf(files);
        rules = List.copyOf(rules);
        issues = List.copyOf(issues);
        catalogue = List.copyOf(catalogue);
    }

    /**
     * An entry of the issue catalogue, as the rule that classifies the key states it.
     *
     * @param issue            the key
     * @param area             the service area the catalogue files it under
     * @param kanoFactor       its default Kano factor
     * @param qualityDimension its quality dimension
     * @param rule             the rule (catalogue row) that classifies it
     * @param description      the row's description in Chinese
     * @param descriptionEn    the row's description in English
     */
    public record CatalogueEntry(
            String issue,
            ServiceArea area,
            KanoFactor kanoFactor,
            QualityDimension qualityDimension,
            String rule,
            @Nullable String description,
            @Nullable String descriptionEn) {}

    /**
     * A file of the rule set.
     *
     * @param path   path inside the rules folder, with {@code /} separators
     * @param kind   DRL, DECISION_TABLE, DSL, DSLR, TEXTS or SCENARIO
     * @param sha256 hash of its content
     * @param size   size in bytes
     */
    public record FileInfo(String path, String kind, String sha256, long size) {}

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
    public record RuleInfo(
            String name,
            @Nullable String file,
            @Nullable Integer line,
            @Nullable String description,
            @Nullable String descriptionEn,
            long hits) {}
}
