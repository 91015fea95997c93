package com.propertyservice.advisor.web;

import com.propertyservice.advisor.engine.Advisor;
import com.propertyservice.advisor.engine.RuleSetInfo;
import com.propertyservice.advisor.ruleset.RuleAdministration;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * The training department's page (TRAINER and ADMIN, see the security configuration): the active
 * rule set, its history, a check of an uploaded file with its problems by file and line, scenario
 * results, publishing the folder and rolling back, all through the rule administration service.
 */
@Controller
class TrainerController {

    /** A rule as the page lists it, with its description in the page's language. */
    public record RuleRow(String name, String file, Integer line, String description, long hits) {
    }

    /** The page lists the latest attempts; all of them are in GET /api/rules/versions, page by page. */
    static final int HISTORY_SHOWN = 50;

    private final RuleAdministration rules;
    private final Advisor advisor;

    TrainerController(RuleAdministration rules, Advisor advisor) {
        this.rules = rules;
        this.advisor = advisor;
    }

    @GetMapping("/trainer")
    String page(Model model, Locale locale) {
        RuleSetInfo active = rules.active();
        boolean english = "en".equals(locale.getLanguage());
        List<RuleRow> rows = active.rules().stream().map(rule -> new RuleRow(rule.name(), rule.file(), rule.line(),
                english && rule.descriptionEn() != null ? rule.descriptionEn() : rule.description(),
                rule.hits())).toList();
        model.addAttribute("active", active);
        model.addAttribute("rules", rows);
        model.addAttribute("versions", rules.versions(HISTORY_SHOWN));
        model.addAttribute("versionCount", rules.versionCount());
        if (!model.containsAttribute("scenarios")) {
            model.addAttribute("scenarios", advisor.runScenarios());
        }
        return "trainer";
    }

    @PostMapping("/trainer/validate")
    String validate(@RequestParam(required = false) MultipartFile file, @RequestParam(required = false) String path,
                    Model model, Locale locale) {
        if (file == null || file.isEmpty()) {
            model.addAttribute("uploadError", "trainer.upload.empty");
            return page(model, locale);
        }
        try {
            RuleAdministration.Check check = rules.validate(file.getOriginalFilename(), path, file.getBytes());
            model.addAttribute("check", check);
            model.addAttribute("scenarios", check.scenarios());
        } catch (IOException | IllegalArgumentException unreadable) {
            model.addAttribute("uploadError", "trainer.upload.unreadable");
            model.addAttribute("uploadErrorDetail", unreadable.getMessage());
        }
        return page(model, locale);
    }

    @PostMapping("/trainer/reload")
    String reload(Authentication user, RedirectAttributes redirect) {
        redirect.addFlashAttribute("outcome", rules.reload(user.getName()));
        return "redirect:/trainer";
    }

    @PostMapping("/trainer/versions/{version}/activate")
    String rollback(@PathVariable String version, Authentication user, RedirectAttributes redirect) {
        rules.rollback(version, user.getName()).ifPresent(outcome -> {
            redirect.addFlashAttribute("outcome", outcome);
            redirect.addFlashAttribute("rolledBack", true);
        });
        return "redirect:/trainer";
    }
}
