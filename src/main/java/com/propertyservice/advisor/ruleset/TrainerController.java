package com.propertyservice.advisor.ruleset;

import com.propertyservice.advisor.engine.Advisor;
import com.propertyservice.advisor.engine.RuleFiles;
import com.propertyservice.advisor.engine.RuleSetInfo;
import com.propertyservice.advisor.engine.ValidationResult;
import com.propertyservice.advisor.web.ServesPages;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The training department's page (TRAINER and ADMIN, see the security configuration): the active
 * rule set, its history, a check of an uploaded file with its problems by file and line, scenario
 * results, publishing the folder and rolling back, through the same service and history as
 * {@code /api/rules}, so both doors record the same history.
 */
@Controller
class TrainerController implements ServesPages {

    /** A rule as the page lists it, with its description in the page's language. */
    record RuleRow(String name, String file, Integer line, String description, long hits) {}

    /** The page lists the latest attempts; all of them are in GET /api/rules/versions, page by page. */
    static final int HISTORY_SHOWN = 50;

    private final RuleSetService service;
    private final RuleSetHistory history;
    private final Advisor advisor;

    TrainerController(RuleSetService service, RuleSetHistory history, Advisor advisor) {
        this.service = service;
        this.history = history;
        this.advisor = advisor;
    }

    @GetMapping("/trainer")
    String page(Model model, Locale locale) {
        RuleSetInfo active = advisor.ruleSet();
        boolean english = "en".equals(locale.getLanguage());
        List<RuleRow> rows = active.rules().stream()
                .map(rule -> new RuleRow(
                        rule.name(),
                        rule.file(),
                        rule.line(),
                        english && rule.descriptionEn() != null ? rule.descriptionEn() : rule.description(),
                        rule.hits()))
                .toList();
        model.addAttribute("active", active);
        model.addAttribute("rules", rows);
        model.addAttribute("versions", history.attempts(0, HISTORY_SHOWN));
        model.addAttribute("versionCount", history.count());
        if (!model.containsAttribute("scenarios")) {
            model.addAttribute("scenarios", advisor.runScenarios());
        }
        return "ruleset/trainer";
    }

    @PostMapping("/trainer/validate")
    String validate(
            @RequestParam(required = false) MultipartFile file,
            @RequestParam(required = false) String path,
            Model model,
            Locale locale) {
        if (file == null || file.isEmpty()) {
            model.addAttribute("uploadError", "trainer.upload.empty");
            return page(model, locale);
        }
        try {
            RuleFiles files = upload(file.getOriginalFilename(), path, file.getBytes());
            ValidationResult result = service.validate(files);
            RuleSetController.ValidationView check =
                    RuleSetController.ValidationView.of(result, RuleSetService.problemsOf(result, files), files);
            model.addAttribute("check", check);
            model.addAttribute("scenarios", check.scenarios());
        } catch (IOException | IllegalArgumentException unreadable) {
            model.addAttribute("uploadError", "trainer.upload.unreadable");
            model.addAttribute("uploadErrorDetail", unreadable.getMessage());
        }
        return page(model, locale);
    }

    /**
     * The files an upload makes: a zip replaces the whole folder; a single file goes among the running rule set's
     * files at {@code path}, or where a file of its name already is.
     *
     * @throws IllegalArgumentException when the upload cannot be read or placed
     */
    private RuleFiles upload(String fileName, String path, byte[] content) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".zip")) {
            try {
                RuleFiles files = RuleFiles.fromZip(new ByteArrayInputStream(content));
                if (files.size() == 0) {
                    throw new IllegalArgumentException(fileName + " is not a readable zip archive (no file in it)");
                }
                return files;
            } catch (IOException e) {
                throw new IllegalArgumentException(
                        fileName + " is not a readable zip archive ("
                                + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")",
                        e);
            }
        }
        RuleFiles folder = service.current();
        String target = RuleSetController.targetPath(fileName, path, folder);
        if (target == null) {
            throw new IllegalArgumentException("no file name and no path");
        }
        if (!RuleSetController.isRelativeInside(target)) {
            throw new IllegalArgumentException("the path " + target
                    + " is not inside the rules folder (a relative path without .. such as catalogue/issues.drl.csv)");
        }
        return folder.with(target, content);
    }

    @PostMapping("/trainer/reload")
    String reload(Authentication user, RedirectAttributes redirect) {
        redirect.addFlashAttribute("outcome", service.reload(user.getName()));
        return "redirect:/trainer";
    }

    @PostMapping("/trainer/versions/{version}/activate")
    String rollback(@PathVariable String version, Authentication user, RedirectAttributes redirect) {
        service.rollback(version, user.getName()).ifPresent(outcome -> {
            redirect.addFlashAttribute("outcome", outcome);
            redirect.addFlashAttribute("rolledBack", true);
        });
        return "redirect:/trainer";
    }
}
