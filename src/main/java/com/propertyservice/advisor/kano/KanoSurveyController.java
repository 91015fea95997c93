package com.propertyservice.advisor.kano;

import com.propertyservice.advisor.system.ApiProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.util.UriComponentsBuilder;

/** Kano surveys (contract 1.3): import with analysis, read, list, proposals, acceptance, CSV export. */
@RestController
@RequestMapping("/api/kano/surveys")
@ApiResponse(responseCode = "403", description = "Neither TRAINER nor ADMIN (`forbidden`)")
class KanoSurveyController {

    /** Answers several operations document (OpenAPI). */
    private static final String NO_SURVEY = "No such survey (`not-found`)";

    private static final String ID_NOT_A_NUMBER = "The id is not a number (`invalid-request`)";

    private final KanoSurveyService surveys;

    KanoSurveyController(KanoSurveyService surveys) {
        this.surveys = surveys;
    }

    @Operation(
            summary =
                    "Import a Kano survey (multipart field 'file': CSV or XLSX with respondent,item,functional,dysfunctional) and analyse it",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA_VALUE)))
    @ApiResponse(
            responseCode = "201",
            description = "Imported and analysed; Location names the survey",
            useReturnTypeSchema = true)
    @ApiResponse(
            responseCode = "400",
            description =
                    "No file, a title over 200 characters, or a file that cannot be read as a survey: wrong columns, empty, a formula cell, an old .xls, an unknown encoding (`invalid-request`, `kano-…`)")
    @ApiResponse(responseCode = "413", description = "The upload is over its size limit (`payload-too-large`)")
    @ApiResponse(
            responseCode = "422",
            description =
                    "No readable answer, too many unreadable rows, or too many rows; nothing stored (`kano-no-answers`, `kano-unreadable-rows`, `kano-too-many-rows`)")
    @PostMapping
    ResponseEntity<SurveyView> upload(
            @RequestParam(required = false) MultipartFile file,
            @RequestParam(required = false) @Size(max = 200) String title,
            Locale locale,
            Authentication caller,
            UriComponentsBuilder uri)
            throws IOException {
        if (file == null) {
            throw ApiProblemException.invalidField("file", "kano.file.missing");
        }
        SurveyView survey =
                surveys.upload(file.getOriginalFilename(), title, file.getBytes(), caller.getName(), locale);
        return ResponseEntity.created(uri.path("/api/kano/surveys/{id}")
                        .buildAndExpand(survey.id())
                        .toUri())
                .body(survey);
    }

    @Operation(summary = "The surveys, newest first")
    @ApiResponse(responseCode = "200", description = "One page of surveys", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "400", description = "A bad page or size (`invalid-request`)")
    @GetMapping
    SurveyView.Page list(
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(KanoSurveyService.MAX_PAGE_SIZE) int size) {
        return surveys.list(page, size);
    }

    @Operation(summary = "A survey with its analysis per item")
    @ApiResponse(responseCode = "200", description = "The survey", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "400", description = ID_NOT_A_NUMBER)
    @ApiResponse(responseCode = "404", description = NO_SURVEY)
    @GetMapping("/{id}")
    SurveyView get(@PathVariable long id, Locale locale) {
        return surveys.get(id, locale);
    }

    @Operation(summary = "The items whose significant category differs from the active catalogue's Kano factor")
    @ApiResponse(responseCode = "200", description = "The proposals", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "400", description = ID_NOT_A_NUMBER)
    @ApiResponse(responseCode = "404", description = NO_SURVEY)
    @GetMapping("/{id}/proposals")
    SurveyView.Proposals proposals(@PathVariable long id) {
        return surveys.proposals(id);
    }

    @Operation(
            summary =
                    "Accept proposals: a new rule-set version through the normal activation gate (422 lists failed scenarios)")
    @ApiResponse(responseCode = "200", description = "The new version went live", useReturnTypeSchema = true)
    @ApiResponse(
            responseCode = "400",
            description =
                    "No items, a blank item, an unknown field, or a body that is not JSON (`invalid-request`, `malformed-body`)")
    @ApiResponse(responseCode = "404", description = NO_SURVEY)
    @ApiResponse(
            responseCode = "409",
            description =
                    "An item that is not a current proposal, or a catalogue row that cannot be edited safely (`kano-not-a-proposal`, `kano-catalogue-not-editable`)")
    @ApiResponse(responseCode = "415", description = "The body is not application/json (`unsupported-media-type`)")
    @ApiResponse(
            responseCode = "422",
            description =
                    "The new version failed the gate; the running version stays (`kano-proposals-rejected`, with failedScenarios)")
    @PostMapping(path = "/{id}/proposals/accept", consumes = MediaType.APPLICATION_JSON_VALUE)
    SurveyView.Accepted accept(
            @PathVariable long id, @Valid @RequestBody AcceptRequest request, Locale locale, Authentication caller) {
        return surveys.accept(id, request.items(), caller.getName(), locale);
    }

    @Operation(summary = "The analysis as CSV for Excel or WPS (an addition to the contract)")
    @ApiResponse(responseCode = "200", description = "The analysis (UTF-8 CSV, a download)", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "400", description = ID_NOT_A_NUMBER)
    @ApiResponse(responseCode = "404", description = NO_SURVEY)
    @GetMapping(path = "/{id}/analysis.csv", produces = "text/csv")
    ResponseEntity<byte[]> export(@PathVariable long id) {
        return csv(id, surveys.export(id));
    }

    /** The CSV answer, as a download named after the survey. */
    static ResponseEntity<byte[]> csv(long id, byte[] content) {
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("kano-survey-" + id + ".csv")
                                .build()
                                .toString())
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(content);
    }
}
