package com.propertyservice.advisor.ruleset;

import com.propertyservice.advisor.engine.Advisor;
import com.propertyservice.advisor.engine.Problem;
import com.propertyservice.advisor.engine.ReloadResult;
import com.propertyservice.advisor.engine.RuleFiles;
import com.propertyservice.advisor.engine.RuleSetInfo;
import com.propertyservice.advisor.engine.ScenarioResult;
import com.propertyservice.advisor.engine.ValidationResult;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Rule administration for the training department: the active rule set, validation of an upload
 * or of the folder, activation (reload), the history of attempts, roll back and the difference
 * between two versions. Who may call what is the security configuration's business.
 */
@RestController
@RequestMapping("/api/rules")
class RuleSetController {

    static final URI REJECTED = URI.create("/problems/rule-set-rejected");
    static final URI UNKNOWN_VERSION = URI.create("/problems/unknown-rule-set-version");
    static final URI BAD_UPLOAD = URI.create("/problems/bad-rule-upload");

    /** What {@code POST /api/rules/validate} answers. */
    record ValidationView(boolean valid, String version, List<Problem> problems, List<Problem> warnings,
                          List<ScenarioResult> scenarios, List<String> files) {
        static ValidationView of(ValidationResult result, List<Problem> problems, RuleFiles files) {
            return new ValidationView(result.valid(), result.version(), problems, result.warnings(), result.scenarios(),
                    List.copyOf(files.asMap().keySet()));
        }
    }

    /** What a successful activation answers. */
    record ActivationView(boolean activated, String version, String previousVersion, List<Problem> warnings,
                          List<ScenarioResult> scenarios) {
    }

    /** One file's difference between two versions; {@code diff} is a unified diff for text files. */
    record FileChange(String path, String change, boolean text, String diff) {
    }

    /** The difference between two versions' files. */
    record VersionDiff(String from, String to, List<FileChange> files) {
    }

    private final Advisor advisor;
    private final RuleSetService service;
    private final RuleSetHistory history;

    RuleSetController(Advisor advisor, RuleSetService service, RuleSetHistory history) {
        this.advisor = advisor;
        this.service = service;
        this.history = history;
    }

    @GetMapping
    RuleSetInfo active() {
        return advisor.ruleSet();
    }

    @GetMapping("/versions")
    List<RuleSetHistory.Attempt> versions() {
        return history.attempts();
    }

    /**
     * Checks without activating: an uploaded rule file (in the context of the current folder, at
     * {@code path} or where a file of that name already is), a zip of a whole rules folder, or,
     * with nothing uploaded, the rules folder itself.
     */
    @PostMapping("/validate")
    ResponseEntity<?> validate(@RequestParam(required = false) MultipartFile file, @RequestParam(required = false) String path) {
        RuleFiles files;
        try {
            if (file == null || file.isEmpty() && file.getOriginalFilename() == null) {
                files = service.folder();
            } else if (isZip(file)) {
                files = RuleFiles.fromZip(file.getInputStream());
            } else {
                RuleFiles folder = service.folder();
                String target = targetPath(file.getOriginalFilename(), path, folder);
                if (target == null) {
                    return problem(HttpStatus.BAD_REQUEST, BAD_UPLOAD, "Bad upload",
                            "give the file a name, or the form field 'path' with its place in the rules folder (e.g. catalogue/issues.drl.csv)");
                }
                files = folder.with(target, file.getBytes());
            }
        } catch (IOException | IllegalArgumentException | NullPointerException e) {
            return problem(HttpStatus.BAD_REQUEST, BAD_UPLOAD, "Bad upload", "cannot read the upload: " + e.getMessage()
                    + " ('file' takes one rule file or a .zip of a rules folder; 'path' is a relative path inside the rules folder, without '..')");
        }
        ValidationResult result = service.validate(files);
        return ResponseEntity.ok(ValidationView.of(result, RuleSetService.problemsOf(result, files), files));
    }

    /** Loads the rules folder; on any problem the running rule set stays (422). */
    @PostMapping("/reload")
    ResponseEntity<?> reload(Authentication user) {
        return answer(service.reload(who(user)));
    }

    /** Roll back (or forward): activates a version from the history and restores its files into the folder. */
    @PostMapping("/versions/{version}/activate")
    ResponseEntity<?> activate(@PathVariable String version, Authentication user) {
        Optional<RuleSetService.Activation> activation = service.rollback(version, who(user));
        if (activation.isEmpty()) {
            return unknownVersion(version);
        }
        return answer(activation.get());
    }

    @GetMapping("/versions/{from}/diff/{to}")
    ResponseEntity<?> diff(@PathVariable String from, @PathVariable String to) {
        Optional<RuleFiles> a = history.files(from);
        if (a.isEmpty()) {
            return unknownVersion(from);
        }
        Optional<RuleFiles> b = history.files(to);
        if (b.isEmpty()) {
            return unknownVersion(to);
        }
        TreeSet<String> paths = new TreeSet<>(a.get().asMap().keySet());
        paths.addAll(b.get().asMap().keySet());
        List<FileChange> changes = new ArrayList<>();
        for (String path : paths) {
            byte[] before = a.get().get(path);
            byte[] after = b.get().get(path);
            if (before != null && after != null && java.util.Arrays.equals(before, after)) {
                continue;
            }
            String change = before == null ? "ADDED" : after == null ? "REMOVED" : "CHANGED";
            Optional<String> oldText = before == null ? Optional.of("") : text(path, before);
            Optional<String> newText = after == null ? Optional.of("") : text(path, after);
            boolean text = oldText.isPresent() && newText.isPresent();
            changes.add(new FileChange(path, change, text, text ? UnifiedDiff.of(path, oldText.get(), newText.get()) : null));
        }
        return ResponseEntity.ok(new VersionDiff(from, to, changes));
    }

    private ResponseEntity<?> answer(RuleSetService.Activation activation) {
        ReloadResult result = activation.result();
        ValidationResult validation = result.validation();
        if (result.activated()) {
            return ResponseEntity.ok(new ActivationView(true, result.activeVersion(), activation.previousVersion(),
                    validation.warnings(), validation.scenarios()));
        }
        List<Problem> problems = activation.problems();
        ProblemDetail detail = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                "rule set " + validation.version() + " was not activated (" + problems.size() + " problem" + (problems.size() == 1 ? "" : "s")
                        + "); version " + result.activeVersion() + " keeps running. First: " + (problems.isEmpty() ? "-" : problems.get(0)));
        detail.setType(REJECTED);
        detail.setTitle("Rule set rejected");
        detail.setProperty("activeVersion", result.activeVersion());
        detail.setProperty("rejectedVersion", validation.version());
        detail.setProperty("problems", problems);
        detail.setProperty("warnings", validation.warnings());
        detail.setProperty("scenarios", validation.scenarios());
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(detail);
    }

    private static ResponseEntity<ProblemDetail> unknownVersion(String version) {
        return problem(HttpStatus.NOT_FOUND, UNKNOWN_VERSION, "Unknown rule-set version",
                "no rule set " + version + " in the history; GET /api/rules/versions lists them");
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, URI type, String title, String text) {
        ProblemDetail detail = ProblemDetail.forStatusAndDetail(status, text);
        detail.setType(type);
        detail.setTitle(title);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(detail);
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
        List<String> same = folder.asMap().keySet().stream().filter(p -> p.equals(name) || p.endsWith("/" + name)).toList();
        if (same.size() == 1) {
            return same.get(0);
        }
        String lower = name.toLowerCase(Locale.ROOT);
        String folderName = lower.matches(".*\\.drl\\.(csv|xlsx|xls)$") ? "catalogue/"
                : lower.endsWith(".dsl") || lower.endsWith(".dslr") ? "handling/"
                : lower.endsWith(".drl") ? "principles/"
                : lower.endsWith(".properties") ? "texts/"
                : lower.endsWith(".yaml") || lower.endsWith(".yml") ? "scenarios/"
                : "";
        return folderName + name;
    }

    private static Optional<String> text(String path, byte[] content) {
        String lower = path.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".xlsx") || lower.endsWith(".xls")) {
            return Optional.empty();
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
            return Optional.of(text.startsWith("\uFEFF") ? text.substring(1) : text);
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
