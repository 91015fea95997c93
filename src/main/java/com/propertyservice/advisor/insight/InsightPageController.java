package com.propertyservice.advisor.insight;

import com.propertyservice.advisor.system.ApiProblemException;
import com.propertyservice.advisor.system.Problems;
import com.propertyservice.advisor.web.ServesPages;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The training department's view of which advice works ({@code /trainer/insights}, TRAINER and ADMIN). */
@Controller
class InsightPageController implements ServesPages {

    private final InsightService insights;
    private final Problems messages;

    InsightPageController(InsightService insights, Problems messages) {
        this.insights = insights;
        this.messages = messages;
    }

    @GetMapping("/trainer/insights")
    String insights(
            @RequestParam(required = false) String version,
            @RequestParam(required = false) Integer minCount,
            Locale locale,
            Model model) {
        int min = minCount == null || minCount < 1 || minCount > InsightController.MAX_MIN_COUNT
                ? insights.defaultMinCount()
                : minCount;
        String chosen = InsightController.blankToNull(version);
        try {
            InsightController.check(chosen);
        } catch (ApiProblemException wrong) {
            model.addAttribute("filterError", messages.message(wrong.messageCode(), locale, wrong.arguments()));
            chosen = null;
        }
        model.addAttribute("report", insights.report(chosen, min, locale));
        // the version list always shows every version, also while one is chosen
        model.addAttribute(
                "allVersions",
                chosen == null ? null : insights.report(null, min, locale).versions());
        model.addAttribute("minCount", min);
        return "insight/insights";
    }
}
