package com.propertyservice.advisor.insight;

import com.propertyservice.advisor.system.ApiProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Advice effectiveness for the training department: {@code GET /api/insights/rules}. */
@RestController
@RequestMapping("/api/insights")
class InsightController {

    /** The most incidents a caller may require of a rule for the review list. */
    static final int MAX_MIN_COUNT = 100_000;

    private static final Pattern VERSION = Pattern.compile("[0-9A-Za-z]{1,64}");

    private final InsightService insights;

    InsightController(InsightService insights) {
        this.insights = insights;
    }

    @Operation(
            summary =
                    "Satisfaction after the advice, per rule, principle, action, kind and rule-set version, with Wilson intervals and a review list (TRAINER, ADMIN)")
    @ApiResponse(responseCode = "200", description = "The report", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "400", description = "A bad version or minCount (`invalid-request`)")
    @ApiResponse(responseCode = "403", description = "Neither TRAINER nor ADMIN (`forbidden`)")
    @GetMapping("/rules")
    InsightReport rules(
            @RequestParam(required = false) String version,
            @RequestParam(required = false) @Min(1) @Max(MAX_MIN_COUNT) Integer minCount,
            Locale locale) {
        check(version);
        return insights.report(blankToNull(version), minCount == null ? insights.defaultMinCount() : minCount, locale);
    }

    /** The check the annotations cannot make, shared with the page. */
    static void check(String version) {
        if (version != null && !version.isBlank() && !VERSION.matcher(version).matches()) {
            throw ApiProblemException.invalidField("version", "insight.version");
        }
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
