package com.propertyservice.advisor.kano;

import com.propertyservice.advisor.engine.Advisor;
import com.propertyservice.advisor.engine.RuleSetInfo;
import com.propertyservice.advisor.system.ApiProblemException;
import com.propertyservice.advisor.system.Problems;
import com.propertyservice.advisor.web.ServesPages;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * The training department's survey pages (TRAINER and ADMIN, as every {@code /trainer} page): the
 * upload and the list, then each survey with its Better–Worse chart, its table and its proposals,
 * accepted with a button through the same service as the API.
 */
@Controller
class KanoPageController implements ServesPages {

    /** An item as the survey page shows it: the analysis with the catalogue's words for a catalogue key. */
    public record Row(SurveyView.Item item, String description, boolean differs) {}

    /** A point of the Better–Worse chart. */
    record Point(String item, double better, double worse, String category, boolean significant) {}

    private final KanoSurveyService surveys;
    private final Advisor advisor;
    private final Problems messages;
    private final JsonMapper json;

    KanoPageController(KanoSurveyService surveys, Advisor advisor, Problems messages, JsonMapper json) {
        this.surveys = surveys;
        this.advisor = advisor;
        this.messages = messages;
        this.json = json;
    }

    @GetMapping("/trainer/kano")
    String list(Model model) {
        model.addAttribute("surveys", surveys.list(0, KanoSurveyService.MAX_PAGE_SIZE));
        return "kano/kano";
    }

    @PostMapping("/trainer/kano")
    String upload(
            @RequestParam(required = false) MultipartFile file,
            @RequestParam(required = false) String title,
            Authentication user,
            Locale locale,
            Model model)
            throws IOException {
        if (file == null
                || file.isEmpty()
                        && (file.getOriginalFilename() == null
                                || file.getOriginalFilename().isBlank())) {
            model.addAttribute("uploadError", messages.message("kano.file.missing", locale));
            return list(model);
        }
        if (title != null && title.length() > 200) {
            model.addAttribute("uploadError", messages.message("kano.page.title-too-long", locale));
            return list(model);
        }
        try {
            SurveyView survey =
                    surveys.upload(file.getOriginalFilename(), title, file.getBytes(), user.getName(), locale);
            return "redirect:/trainer/kano/" + survey.id();
        } catch (ApiProblemException refused) {
            model.addAttribute("uploadError", messages.message(refused.messageCode(), locale, refused.arguments()));
            model.addAttribute("uploadRows", refused.properties().getOrDefault("rows", List.of()));
            return list(model);
        }
    }

    @GetMapping("/trainer/kano/{id}")
    String survey(@PathVariable long id, Locale locale, Model model) {
        SurveyView survey = surveys.get(id, locale);
        boolean english = "en".equals(locale.getLanguage());
        Map<String, String> descriptions = new HashMap<>();
        for (RuleSetInfo.CatalogueEntry entry : advisor.ruleSet().catalogue()) {
            descriptions.putIfAbsent(
                    entry.issue(),
                    english && entry.descriptionEn() != null ? entry.descriptionEn() : entry.description());
        }
        List<Row> rows = new ArrayList<>();
        List<Point> points = new ArrayList<>();
        for (SurveyView.Item item : survey.items()) {
            rows.add(new Row(
                    item,
                    descriptions.get(item.item()),
                    item.catalogueFactor() != null
                            && item.surveyFactor() != null
                            && item.catalogueFactor() != item.surveyFactor()));
            if (item.better() != null) {
                points.add(new Point(
                        item.item(),
                        item.better(),
                        item.worse(),
                        item.category().name(),
                        item.significant()));
            }
        }
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("points", points);
        model.addAttribute("survey", survey);
        model.addAttribute("rows", rows);
        model.addAttribute("proposals", surveys.proposals(id));
        // inside <script>: no "<" may end the element early
        model.addAttribute("chartJson", json.writeValueAsString(chart).replace("<", "\\u003c"));
        return "kano/kano-survey";
    }

    @PostMapping("/trainer/kano/{id}/accept")
    String accept(
            @PathVariable long id,
            @RequestParam(required = false) List<String> items,
            Authentication user,
            Locale locale,
            RedirectAttributes redirect) {
        if (items == null || items.isEmpty()) {
            redirect.addFlashAttribute("acceptError", messages.message("kano.page.choose", locale));
            return "redirect:/trainer/kano/" + id;
        }
        try {
            redirect.addFlashAttribute("accepted", surveys.accept(id, items, user.getName(), locale));
        } catch (ApiProblemException refused) {
            if (refused.status().value() == 404) {
                throw refused;
            }
            redirect.addFlashAttribute(
                    "acceptError", messages.message(refused.messageCode(), locale, refused.arguments()));
            redirect.addFlashAttribute(
                    "failedScenarios", refused.properties().getOrDefault("failedScenarios", List.of()));
        }
        return "redirect:/trainer/kano/" + id;
    }

    @GetMapping("/trainer/kano/{id}/analysis.csv")
    ResponseEntity<byte[]> export(@PathVariable long id) {
        return KanoSurveyController.csv(id, surveys.export(id));
    }
}
