package com.propertyservice.advisor.ruleset;

import com.propertyservice.advisor.engine.Advisor;
import com.propertyservice.advisor.engine.Problem;
import com.propertyservice.advisor.engine.RuleFiles;
import com.propertyservice.advisor.engine.RuleSetInfo;
import com.propertyservice.advisor.engine.ScenarioResult;
import com.propertyservice.advisor.engine.ValidationResult;
import com.propertyservice.advisor.system.ApiProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Rule administration for the training department: the active rule set, validation of an upload
 * or of the folder, activation (reload), the history of attempts, roll back and the difference
 * between two versions. Who may call what is the security configuration's business.
 */
@RestController
@RequestMapping("/api/rules")
class RuleSetController {

    /** The version history's default and largest page. */
    static final int DEFAULT_PAGE_SIZE = 20;

    static final int MAX_PAGE_SIZE = 100;
    /** How uploads come (the form field {@code file}); said in the document only, so a body-less validate still works. */
    static final String MULTIPART = "multipart/form-data";

    /** Answers several operations document (OpenAPI). */
    private static final String NOT_A_TRAINER = "Neither TRAINER nor ADMIN (`forbidden`)";

    private static final String TOO_LARGE = "The upload is over its size limit (`payload-too-large`)";
    private static final String REJECTED =
            "The gate found problems; the running version stays (`rule-set-rejected`, with problems)";
    private static final String UNKNOWN_VERSION = "No such version in the history (`unknown-rule-set-version`)";
    private static final String ACTIVATED = "Activated";

    /** What {@code POST /api/rules/validate} answers. */
    record ValidationView(
            boolean valid,
            String version,
            List<Problem> problems,
            List<Problem> warnings,
            List<ScenarioResult> scenarios,
            List<String> files) {
        static ValidationView of(ValidationResult result, List<Problem> problems, RuleFiles files) {
            return new ValidationView(
                    result.valid(),
                    result.version(),
                    problems,
                    result.warnings(),
                    result.scenarios(),
                    List.copyOf(files.asMap().keySet()));
        }
    }

    /** What a successful activation answers. */
    record ActivationView(
            boolean activated,
            String version,
            String previousVersion,
            List<Problem> warnings,
            List<ScenarioResult> scenarios) {}

    /** One file's difference between two versions; {@code diff} is a unified diff for text files. */
    record FileChange(String path, String change, boolean text, String diff) {}

    /** The difference between two versions' files. */
    record VersionDiff(String from, String to, List<FileChange> files) {}

    private final Advisor advisor;
    private final RuleSetService service;
    private final RuleSetHistory history;

    RuleSetController(Advisor advisor, RuleSetService service, RuleSetHistory history) {
        this.advisor = advisor;
        this.service = service;
        this.history = history;
    }

    @Operation(summary = "The running rule set: version, files and rules")
    @ApiResponse(responseCode = "200", description = "The running rule set", useReturnTypeSchema = true)
    @GetMapping
    RuleSetInfo active() {
        return advisor.ruleSet();
    }

    /**
     * The activation attempts, newest first, one page at a time (the body stays the contract's list); the
     * total is in {@code X-Total-Count}, the neighbouring pages in {@code Link} (RFC 8288).
     */
    @Operation(summary = "The activation attempts, newest first, page by page (X-Total-Count, Link)")
    @ApiResponse(responseCode = "200", description = "One page of attempts", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "400", description = "A bad page or size (`invalid-request`)")
    @GetMapping("/versions")
    ResponseEntity<List<RuleSetHistory.Attempt>> versions(
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "" + DEFAULT_PAGE_SIZE) @Min(1) @Max(MAX_PAGE_SIZE) int size,
            UriComponentsBuilder uri) {
        long total = history.count();
        List<RuleSetHistory.Attempt> attempts = history.attempts((long) page * size, size);
        List<String> links = new ArrayList<>();
        if ((long) (page + 1) * size < total) {
            links.add(link(uri, page + 1, size, "next"));
        }
        if (page > 0) {
            links.add(link(uri, page - 1, size, "prev"));
        }
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok().header("X-Total-Count", Long.toString(total));
        if (!links.isEmpty()) {
            answer.header(HttpHeaders.LINK, String.join(", ", links));
        }
        return answer.body(attempts);
    }

    private static String link(UriComponentsBuilder uri, int page, int size, String rel) {
        return "<"
                + uri.cloneBuilder()
                        .path("/api/rules/versions")
                        .queryParam("page", page)
                        .queryParam("size", size)
                        .build()
                        .toUriString()
                + ">; rel=\"" + rel + "\"";
    }

    /**
     * Checks without activating: an uploaded rule file (in the context of the running rule set's files, at
     * {@code path} or where a file of that name already is), a zip of a whole rules folder, or,
     * with nothing uploaded, the rules folder itself.
     */
    @Operation(
            summary =
                    "Check an uploaded rule file, a zipped rules folder or, with nothing uploaded, the rules folder, without activating (TRAINER, ADMIN)",
            requestBody = @RequestBody(content = @Content(mediaType = MULTIPART)))
    @ApiResponse(
            responseCode = "200",
            description = "The validation's result; valid is false when problems were found",
            useReturnTypeSchema = true)
    @ApiResponse(
            responseCode = "400",
            description =
                    "The upload is not a readable zip, too large, has no name, or its path leaves the rules folder (`bad-rule-upload`)")
    @ApiResponse(responseCode = "403", description = NOT_A_TRAINER)
    @ApiResponse(responseCode = "413", description = TOO_LARGE)
    @PostMapping("/validate")
    ValidationView validate(
            @RequestParam(required = false) MultipartFile file, @RequestParam(required = false) String path) {
        RuleFiles files = file == null || file.isEmpty() && file.getOriginalFilename() == null
                ? service.folder()
                : upload(file, path);
        ValidationResult result = service.validate(files);
        return ValidationView.of(result, RuleSetService.problemsOf(result, files), files);
    }

    /**
     * Publishes an upload: a zip of a whole rules folder, or one file placed among the running rule set's files,
     * activated through the gate. When it goes live it is what every instance serves (database) or what the rules
     * folder holds (folder); otherwise the running version stays (422 with the problems).
     */
    @Operation(
            summary =
                    "Publish an uploaded rule file or zipped rules folder through the activation gate (TRAINER, ADMIN)",
            requestBody = @RequestBody(content = @Content(mediaType = MULTIPART)))
    @ApiResponse(responseCode = "200", description = ACTIVATED, useReturnTypeSchema = true)
    @ApiResponse(
            responseCode = "400",
            description =
                    "No file, or the upload is not a readable zip, too large, has no name, or its path leaves the rules folder (`bad-request`, `bad-rule-upload`)")
    @ApiResponse(responseCode = "403", description = NOT_A_TRAINER)
    @ApiResponse(responseCode = "413", description = TOO_LARGE)
    @ApiResponse(responseCode = "422", description = REJECTED)
    @PostMapping("/publish")
    ActivationView publish(
            @RequestParam MultipartFile file, @RequestParam(required = false) String path, Authentication user) {
        return answer(service.publish(upload(file, path), who(user)));
    }

    /** The rule files an upload makes; a 400 that says why when it makes none. */
    private RuleFiles upload(MultipartFile file, String path) {
        if (isZip(file)) {
            try {
                RuleFiles files = RuleFiles.fromZip(file.getInputStream());
                if (files.size() == 0) {
                    throw badUpload("rules.upload.empty-zip", file.getOriginalFilename());
                }
                return files;
            } catch (IOException unreadable) {
                throw badUpload("rules.upload.not-a-zip", file.getOriginalFilename(), reason(unreadable));
            } catch (IllegalArgumentException tooMuch) {
                throw badUpload("rules.upload.too-much", tooMuch.getMessage());
            }
        }
        RuleFiles current = service.current();
        String target = targetPath(file.getOriginalFilename(), path, current);
        if (target == null) {
            throw badUpload("rules.upload.no-name");
        }
        if (!isRelativeInside(target)) {
            throw badUpload("rules.upload.bad-path", target);
        }
        try {
            return current.with(target, file.getBytes());
        } catch (IOException unreadable) {
            throw badUpload("rules.upload.unreadable", reason(unreadable));
        } catch (IllegalArgumentException tooMuch) {
            throw badUpload("rules.upload.too-much", tooMuch.getMessage());
        }
    }

    /** A path inside the rules folder: relative, no {@code ..}, no empty segment. */
    static boolean isRelativeInside(String path) {
        String normal = path.replace('\\', '/');
        if (normal.startsWith("/") || normal.isBlank()) {
            return false;
        }
        for (String part : normal.split("/", -1)) {
            if (part.isEmpty() || part.equals("..") || part.equals(".")) {
                return false;
            }
        }
        return true;
    }

    private static String reason(Exception e) {
        return e.getMessage() != null && !e.getMessage().isBlank()
                ? e.getMessage()
                : e.getClass().getSimpleName();
    }

    private static ApiProblemException badUpload(String detailCode, Object... args) {
        return new ApiProblemException(HttpStatus.BAD_REQUEST, "bad-rule-upload", detailCode, args);
    }

    /** Loads the rules folder; on any problem the running rule set stays (422). */
    @Operation(summary = "Load the rules folder through the activation gate (TRAINER, ADMIN)")
    @ApiResponse(responseCode = "200", description = ACTIVATED, useReturnTypeSchema = true)
    @ApiResponse(responseCode = "403", description = NOT_A_TRAINER)
    @ApiResponse(responseCode = "422", description = REJECTED)
    @PostMapping("/reload")
    ActivationView reload(Authentication user) {
        return answer(service.reload(who(user)));
    }

    /** Roll back (or forward): activates a version from the history and restores its files into the folder. */
    @Operation(summary = "Roll back (or forward) to a version from the history (TRAINER, ADMIN)")
    @ApiResponse(responseCode = "200", description = ACTIVATED, useReturnTypeSchema = true)
    @ApiResponse(responseCode = "403", description = NOT_A_TRAINER)
    @ApiResponse(responseCode = "404", description = UNKNOWN_VERSION)
    @ApiResponse(responseCode = "422", description = REJECTED)
    @PostMapping("/versions/{version}/activate")
    ActivationView activate(@PathVariable String version, Authentication user) {
        return answer(service.rollback(version, who(user)).orElseThrow(() -> unknownVersion(version)));
    }

    @Operation(summary = "The difference between two versions' files (unified diffs for text files)")
    @ApiResponse(responseCode = "200", description = "The changed files", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", description = UNKNOWN_VERSION)
    @GetMapping("/versions/{from}/diff/{to}")
    VersionDiff diff(@PathVariable String from, @PathVariable String to) {
        RuleFiles a = history.files(from).orElseThrow(() -> unknownVersion(from));
        RuleFiles b = history.files(to).orElseThrow(() -> unknownVersion(to));
        TreeSet<String> paths = new TreeSet<>(a.asMap().keySet());
        paths.addAll(b.asMap().keySet());
        List<FileChange> changes = new ArrayList<>();
        for (String path : paths) {
            byte[] before = a.get(path);
            byte[] after = b.get(path);
            if (before != null && after != null && Arrays.equals(before, after)) {
                continue;
            }
            String change = before == null ? "ADDED" : after == null ? "REMOVED" : "CHANGED";
            Optional<String> oldText = before == null ? Optional.of("") : text(path, before);
            Optional<String> newText = after == null ? Optional.of("") : text(path, after);
            boolean text = oldText.isPresent() && newText.isPresent();
            changes.add(new FileChange(
                    path, change, text, text ? UnifiedDiff.of(path, oldText.get(), newText.get()) : null));
        }
        return new VersionDiff(from, to, changes);
    }

    /** The activation's view when it went live; otherwise a 422 with the problems, the running version staying. */
    private static ActivationView answer(RuleSetService.Activation activation) {
        if (activation.activated()) {
            return new ActivationView(
                    true,
                    activation.activeVersion(),
                    activation.previousVersion(),
                    activation.warnings(),
                    activation.scenarios());
        }
        List<Problem> found = activation.problems();
        throw new ApiProblemException(
                        HttpStatus.UNPROCESSABLE_CONTENT,
                        "rule-set-rejected",
                        "problem.rule-set-rejected.detail",
                        activation.candidateVersion(),
                        found.size(),
                        activation.activeVersion(),
                        found.isEmpty() ? "-" : found.get(0))
                .with("activeVersion", activation.activeVersion())
                .with("rejectedVersion", activation.candidateVersion())
                .with("problems", found)
                .with("warnings", activation.warnings())
                .with("scenarios", activation.scenarios());
    }

    private static ApiProblemException unknownVersion(String version) {
        return new ApiProblemException(
                HttpStatus.NOT_FOUND, "unknown-rule-set-version", "problem.unknown-rule-set-version.detail", version);
    }

    private static String who(Authentication user) {
        return user == null ? "anonymous" : user.getName();
    }

    private static boolean isZip(MultipartFile file) {
        String name = String.valueOf(file.getOriginalFilename()).toLowerCase(Locale.ROOT);
        return name.endsWith(".zip") || "application/zip".equals(file.getContentType());
    }

    /**
     * Where an uploaded file goes: the given path; else where a file of the same name already is;
     * else its kind's usual sub-folder.
     */
    static String targetPath(String fileName, String given, RuleFiles folder) {
        if (given != null && !given.isBlank()) {
            return given.strip();
        }
        if (fileName == null || fileName.isBlank()) {
            return null;
        }
        String name = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
        List<String> same = folder.asMap().keySet().stream()
                .filter(p -> p.equals(name) || p.endsWith("/" + name))
                .toList();
        if (same.size() == 1) {
            return same.get(0);
        }
        String lower = name.toLowerCase(Locale.ROOT);
        String folderName = lower.matches(".*\\.drl\\.(csv|xlsx|xls)$")
                ? "catalogue/"
                : lower.endsWith(".dsl") || lower.endsWith(".dslr")
                        ? "handling/"
                        : lower.endsWith(".drl")
                                ? "principles/"
                                : lower.endsWith(".properties")
                                        ? "texts/"
                                        : lower.endsWith(".yaml") || lower.endsWith(".yml") ? "scenarios/" : "";
        return folderName + name;
    }

    private static Optional<String> text(String path, byte[] content) {
        String lower = path.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".xlsx") || lower.endsWith(".xls")) {
            return Optional.empty();
        }
        try {
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content))
                    .toString();
            return Optional.of(text.startsWith("\uFEFF") ? text.substring(1) : text);
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
