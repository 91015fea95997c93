package com.propertyservice.advisor.incident;

import com.propertyservice.advisor.engine.Advice;
import com.propertyservice.advisor.engine.Language;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import java.util.Locale;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/advice}: advice for an incident, recording nothing. */
@RestController
class AdviceController {

    /** The rule-set version that made an answer, for a proxy or a log that does not read bodies. */
    static final String RULE_SET_VERSION = "X-Rule-Set-Version";

    private final IncidentService incidents;

    AdviceController(IncidentService incidents) {
        this.incidents = incidents;
    }

    @Operation(
            summary = "Advice for an incident, recording nothing",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @Content(
                                            examples =
                                                    @ExampleObject(
                                                            name = "lift outage, angry owner",
                                                            ref = "#/components/examples/incident"))))
    @ApiResponse(
            responseCode = "200",
            description = "The advice; X-Rule-Set-Version names the rule set",
            useReturnTypeSchema = true)
    @ApiResponse(
            responseCode = "400",
            description =
                    "A bad or missing field, or a body that is not JSON (`invalid-request`, `malformed-body`, `unknown-issue`)")
    @ApiResponse(responseCode = "415", description = "The body is not application/json (`unsupported-media-type`)")
    @PostMapping(path = "/api/advice", consumes = "application/json")
    ResponseEntity<Advice> advise(@Valid @RequestBody IncidentRequest request, Locale locale) {
        Advice advice = incidents.advise(request.toIncident(incidents.reportingClock()), Language.of(locale));
        return ResponseEntity.ok()
                .header(RULE_SET_VERSION, advice.ruleSetVersion())
                .body(advice);
    }
}
