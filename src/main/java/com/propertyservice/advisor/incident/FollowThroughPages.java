package com.propertyservice.advisor.incident;

import com.propertyservice.advisor.engine.Language;
import com.propertyservice.advisor.system.ApiProblemException;
import com.propertyservice.advisor.user.Role;
import com.propertyservice.advisor.web.PageFormat;
import com.propertyservice.advisor.web.ServesPages;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Follow-through in the browser: the supervisor's queue (what is overdue, what falls due soon, what is theirs, and the
 * notices addressed to them, beside the service's clock) and the steps on the incident page. A step the service
 * refuses (someone was quicker, or the status moved on) is said on the incident page itself, with the status the
 * incident is in now, never as an error page.
 */
@Controller
class FollowThroughPages implements ServesPages {

    /** The most in-app notices the queue lists. */
    static final int NOTICES = 20;
    /** The longest resolution note, as the API allows. */
    static final int NOTE_LENGTH = 2000;

    /**
     * A queue row: an open deadline with the incident's issue in the page's language, and whether it is mine.
     *
     * @param due        the deadline as the service lists it
     * @param issueLabel the issue's label
     * @param mine       whether the incident is assigned to the reader
     */
    record QueueRow(DueDeadline due, String issueLabel, boolean mine) {}

    private final FollowThroughService followThrough;
    private final IncidentService incidents;
    private final NoticeBoard outbox;
    private final IssueCatalogue catalogue;
    private final IncidentPageModel incidentPage;
    private final MessageSource messages;
    private final PageFormat format;
    private final Clock clock;

    FollowThroughPages(
            FollowThroughService followThrough,
            IncidentService incidents,
            NoticeBoard outbox,
            IssueCatalogue catalogue,
            IncidentPageModel incidentPage,
            MessageSource messages,
            PageFormat format,
            Clock clock) {
        this.followThrough = followThrough;
        this.incidents = incidents;
        this.outbox = outbox;
        this.catalogue = catalogue;
        this.incidentPage = incidentPage;
        this.messages = messages;
        this.format = format;
        this.clock = clock;
    }

    @GetMapping("/queue")
    String queue(Authentication user, Model model, Locale locale) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        String me = user.getName();
        Map<String, String> labels = catalogue.issues().stream()
                .collect(Collectors.toMap(IssueCatalogue.Issue::key, issue -> issue.label(Language.of(locale))));
        // mine first, each part soonest first as the service lists them (the sort is stable)
        List<QueueRow> overdue = rows(followThrough.due(FollowThroughService.Due.OVERDUE, null), me, labels).stream()
                .sorted(Comparator.comparing(row -> !row.mine()))
                .toList();
        // "soon" also lists what is overdue: each deadline is shown in one of the two
        Set<String> listed = new HashSet<>();
        overdue.forEach(row -> listed.add(row.due().incident() + " " + row.due().deadline()));
        List<QueueRow> soon = rows(followThrough.due(FollowThroughService.Due.SOON, null), me, labels).stream()
                .filter(row ->
                        !listed.contains(row.due().incident() + " " + row.due().deadline()))
                .toList();
        // each of my incidents once, with its next deadline (the first listed)
        Set<Long> seen = new HashSet<>();
        List<QueueRow> mine = rows(followThrough.assigned(me), me, labels).stream()
                .filter(row -> seen.add(row.due().incident()))
                .toList();
        model.addAttribute("now", now);
        model.addAttribute("zone", format.zone());
        model.addAttribute("overdue", overdue);
        model.addAttribute("soon", soon);
        model.addAttribute("mine", mine);
        model.addAttribute("notices", outbox.notices(me, roles(user), NOTICES));
        return "incident/queue";
    }

    @PostMapping("/incidents/{id}/acknowledge")
    String acknowledge(
            @PathVariable long id,
            Authentication user,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return step(
                id,
                () -> followThrough.acknowledge(id, user.getName()),
                "acknowledged",
                null,
                user,
                model,
                response,
                redirect);
    }

    @PostMapping("/incidents/{id}/assign")
    String assign(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String assignee,
            Authentication user,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        String who = assignee.strip();
        return step(
                id,
                () -> followThrough.assign(id, who, user.getName()),
                "assigned",
                who,
                user,
                model,
                response,
                redirect);
    }

    @PostMapping("/incidents/{id}/resolve")
    String resolve(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String note,
            Authentication user,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return withNote(
                id,
                note,
                text -> followThrough.resolve(id, text, user.getName()),
                "resolved",
                user,
                model,
                response,
                redirect);
    }

    @PostMapping("/incidents/{id}/reopen")
    String reopen(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String note,
            Authentication user,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return withNote(
                id,
                note,
                text -> followThrough.reopen(id, text, user.getName()),
                "reopened",
                user,
                model,
                response,
                redirect);
    }

    /** A step that carries a note (null when blank): refused on the page when the note is too long. */
    private String withNote(
            long id,
            String note,
            Function<String, IncidentView> step,
            String done,
            Authentication user,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        String text = note.strip();
        if (text.length() > NOTE_LENGTH) {
            return refused(
                    id,
                    new ApiProblemException(
                            HttpStatus.BAD_REQUEST,
                            "invalid-request",
                            "incident.note-too-long",
                            String.valueOf(NOTE_LENGTH)),
                    user.getName(),
                    model,
                    response);
        }
        return step(id, () -> step.apply(text.isEmpty() ? null : text), done, null, user, model, response, redirect);
    }

    /** Takes the step and shows the incident again; a refusal other than "no such incident" is shown on its page. */
    private String step(
            long id,
            Supplier<IncidentView> step,
            String done,
            String detail,
            Authentication user,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            step.get();
        } catch (ApiProblemException refused) {
            if (refused.status() == HttpStatus.NOT_FOUND) {
                throw refused; // the error page says so
            }
            return refused(id, refused, user.getName(), model, response);
        }
        redirect.addFlashAttribute("done", done);
        redirect.addFlashAttribute("doneDetail", detail);
        return "redirect:/incidents/" + id;
    }

    private String refused(long id, ApiProblemException refused, String me, Model model, HttpServletResponse response) {
        IncidentView now = incidents.get(id);
        response.setStatus(refused.status().value());
        Object[] arguments = refused.arguments();
        for (int i = 0; i < arguments.length; i++) {
            if (arguments[i] instanceof Enum<?> code) {
                arguments[i] = format.label(code); // "已响应", not ACKNOWLEDGED
            }
        }
        model.addAttribute(
                "problem", messages.getMessage(refused.messageCode(), arguments, LocaleContextHolder.getLocale()));
        FollowUpForm visit = new FollowUpForm();
        visit.setExpectation(now.expectation());
        return incidentPage.render(now, visit, me, model);
    }

    private List<QueueRow> rows(List<DueDeadline> deadlines, String me, Map<String, String> labels) {
        List<QueueRow> rows = new ArrayList<>();
        for (DueDeadline due : deadlines) {
            rows.add(new QueueRow(
                    due,
                    labels.getOrDefault(due.issue(), due.issue()),
                    me.equalsIgnoreCase(due.assignee() == null ? "" : due.assignee())));
        }
        return rows;
    }

    private static Set<Role> roles(Authentication user) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (GrantedAuthority authority : user.getAuthorities()) {
            for (Role role : Role.values()) {
                if (("ROLE_" + role.name()).equals(authority.getAuthority())) {
                    roles.add(role);
                }
            }
        }
        return roles;
    }
}
