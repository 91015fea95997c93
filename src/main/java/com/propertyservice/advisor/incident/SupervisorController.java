package com.propertyservice.advisor.incident;

import com.propertyservice.advisor.engine.Advice;
import com.propertyservice.advisor.engine.Advisor;
import com.propertyservice.advisor.engine.CausedBy;
import com.propertyservice.advisor.engine.Channel;
import com.propertyservice.advisor.engine.ComplainantRole;
import com.propertyservice.advisor.engine.ComplainantSide;
import com.propertyservice.advisor.engine.ContactKind;
import com.propertyservice.advisor.engine.Emotion;
import com.propertyservice.advisor.engine.Language;
import com.propertyservice.advisor.engine.Priority;
import com.propertyservice.advisor.engine.ServiceArea;
import com.propertyservice.advisor.engine.Temperament;
import com.propertyservice.advisor.web.ServesPages;
import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.Locale;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The supervisor's pages: a new incident with its advice on one screen, saved in one click; the
 * incident list with filters; an incident with the advice as given, its timeline and a return visit (the page's
 * follow-through steps are {@link FollowThroughPages}').
 */
@Controller
class SupervisorController implements ServesPages {

    private static final int PAGE_SIZE = 20;

    private final IncidentService incidents;
    private final Advisor advisor;
    private final IssueCatalogue catalogue;
    private final IncidentPageModel incidentPage;

    SupervisorController(
            IncidentService incidents, Advisor advisor, IssueCatalogue catalogue, IncidentPageModel incidentPage) {
        this.incidents = incidents;
        this.advisor = advisor;
        this.catalogue = catalogue;
        this.incidentPage = incidentPage;
    }

    @ModelAttribute
    void choices(Model model) {
        model.addAttribute("kinds", ContactKind.values());
        model.addAttribute("sides", ComplainantSide.values());
        model.addAttribute("channels", Channel.values());
        model.addAttribute("areas", ServiceArea.values());
        model.addAttribute("causes", CausedBy.values());
        model.addAttribute("roles", ComplainantRole.values());
        model.addAttribute("emotions", Emotion.values());
        model.addAttribute("temperaments", Temperament.values());
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("statuses", IncidentStatus.values());
    }

    @GetMapping("/")
    String home() {
        return "redirect:/incidents/new";
    }

    @GetMapping("/incidents/new")
    String newIncident(Model model, Locale locale) {
        return form(new IncidentForm(), null, model, locale);
    }

    @PostMapping("/incidents/advice")
    String advise(@Valid @ModelAttribute("form") IncidentForm form, BindingResult errors, Model model, Locale locale) {
        checkIssue(form, errors);
        if (errors.hasErrors()) {
            return form(form, null, model, locale);
        }
        return form(
                form,
                incidents.advise(form.toIncident(incidents.reportingClock()), Language.of(locale)),
                model,
                locale);
    }

    @PostMapping("/incidents")
    String save(
            @Valid @ModelAttribute("form") IncidentForm form,
            BindingResult errors,
            Model model,
            Locale locale,
            Authentication user,
            RedirectAttributes redirect) {
        checkIssue(form, errors);
        if (errors.hasErrors()) {
            return form(form, null, model, locale);
        }
        IncidentView saved =
                incidents.record(form.toIncident(incidents.reportingClock()), Language.of(locale), user.getName());
        redirect.addFlashAttribute("saved", saved.id());
        return "redirect:/incidents/" + saved.id();
    }

    @GetMapping("/incidents")
    String list(
            @RequestParam(required = false) String community,
            @RequestParam(required = false) IncidentStatus status,
            @RequestParam(required = false) ServiceArea area,
            @RequestParam(required = false) Priority priority,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        IncidentQuery query = new IncidentQuery(
                community == null || community.isBlank() ? null : community.strip(), status, area, priority, from, to);
        IncidentPage found = incidents.list(query, Math.max(0, page), PAGE_SIZE);
        model.addAttribute("query", query);
        model.addAttribute("found", found);
        model.addAttribute("catalogue", catalogue);
        return "incident/incidents";
    }

    @GetMapping("/incidents/{id}")
    String incident(@PathVariable long id, Model model, Authentication user) {
        IncidentView view = incidents.get(id);
        FollowUpForm visit = new FollowUpForm();
        visit.setExpectation(view.expectation());
        return incidentPage.render(view, visit, user.getName(), model);
    }

    @PostMapping("/incidents/{id}/follow-ups")
    String followUp(
            @PathVariable long id,
            @Valid @ModelAttribute("visit") FollowUpForm visit,
            BindingResult errors,
            Model model,
            Authentication user,
            RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            return incidentPage.render(incidents.get(id), visit, user.getName(), model);
        }
        String comment = visit.getComment() == null || visit.getComment().isBlank()
                ? null
                : visit.getComment().strip();
        incidents.followUp(
                id, new FollowUpCommand(visit.getPerception(), visit.getExpectation(), comment, null), user.getName());
        redirect.addFlashAttribute("visited", true);
        return "redirect:/incidents/" + id;
    }

    private String form(IncidentForm form, Advice advice, Model model, Locale locale) {
        model.addAttribute("form", form);
        model.addAttribute("advice", advice);
        model.addAttribute("groups", catalogue.groups());
        model.addAttribute("language", Language.of(locale));
        return "incident/incident-new";
    }

    private void checkIssue(IncidentForm form, BindingResult errors) {
        if (!errors.hasFieldErrors("issue")
                && !advisor.knownIssues().contains(form.getIssue().strip())) {
            errors.rejectValue("issue", "form.unknown-issue");
        }
    }
}
