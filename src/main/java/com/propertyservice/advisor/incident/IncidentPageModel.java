package com.propertyservice.advisor.incident;

import com.propertyservice.advisor.engine.Language;
import com.propertyservice.advisor.user.Role;
import com.propertyservice.advisor.user.UserService;
import com.propertyservice.advisor.user.UserView;
import com.propertyservice.advisor.web.PageFormat;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What the incident page shows, for the controllers that render it (after a visit, a step, or a step refused): the
 * advice as given, the deadlines with their state against the service's clock, who has the incident, the steps its
 * status allows, and the timeline in the page's language.
 */
@Component
class IncidentPageModel {

    /** The service's own steps (reminders, breaches, escalations) are recorded with this actor. */
    static final String SERVICE_ACTOR = "follow-through";

    /**
     * A timeline entry as the page writes it.
     *
     * @param kind     the event's kind (a data attribute for tests and styling)
     * @param at       when
     * @param text     what happened, in the page's language
     * @param quote    the note, comment or text sent, shown as said; or null
     * @param delivery how a notification fared, in the page's language; or null
     */
    record TimelineLine(String kind, OffsetDateTime at, String text, String quote, String delivery) {}

    private final FollowThroughService followThrough;
    private final NoticeBoard outbox;
    private final UserService users;
    private final IssueCatalogue catalogue;
    private final MessageSource messages;
    private final PageFormat format;
    private final Clock clock;

    IncidentPageModel(
            FollowThroughService followThrough,
            NoticeBoard outbox,
            UserService users,
            IssueCatalogue catalogue,
            MessageSource messages,
            PageFormat format,
            Clock clock) {
        this.followThrough = followThrough;
        this.outbox = outbox;
        this.users = users;
        this.catalogue = catalogue;
        this.messages = messages;
        this.format = format;
        this.clock = clock;
    }

    /** Fills the model of the incident page for {@code me} (who reads it) and names its template. */
    String render(IncidentView view, FollowUpForm visit, String me, Model model) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        IncidentStatus status = view.status();
        model.addAttribute("incident", view);
        model.addAttribute("advice", view.advice());
        model.addAttribute("visit", visit);
        model.addAttribute(
                "issueLabel", label(view.incident().issue(), view.advice().language()));
        model.addAttribute("now", now);
        model.addAttribute("deadlines", DeadlineRow.of(view, now));
        model.addAttribute("timeline", timeline(view));
        // the steps the service would accept in this status; it still decides (someone may be quicker)
        model.addAttribute("canAcknowledge", status == IncidentStatus.OPEN || status == IncidentStatus.ADVISED);
        model.addAttribute("canAssign", status != IncidentStatus.FOLLOWED_UP);
        model.addAttribute("canResolve", status.open());
        model.addAttribute("canReopen", status == IncidentStatus.RESOLVED || status == IncidentStatus.FOLLOWED_UP);
        model.addAttribute("assignees", assignees(view.assignee(), me));
        return "incident/incident";
    }

    /**
     * Enabled supervisors by name, whoever has the incident now (so the choice shows them), and the reader (who may
     * take it on, also where no supervisor exists yet).
     */
    private List<String> assignees(String current, String me) {
        TreeSet<String> names = new TreeSet<>();
        for (UserView user : users.list()) {
            if (user.enabled() && user.roles().contains(Role.SUPERVISOR)) {
                names.add(user.username());
            }
        }
        if (current != null) {
            names.add(current);
        }
        names.add(me);
        return List.copyOf(names);
    }

    private List<TimelineLine> timeline(IncidentView view) {
        // notifications are told from the outbox's rows, so that their delivery reads in the page's language
        List<TimelineEvent> events = new ArrayList<>(followThrough.timeline(view.id()).stream()
                .filter(event -> event.kind() != TimelineEvent.Kind.NOTIFIED)
                .toList());
        if (events.stream().noneMatch(event -> event.kind() == TimelineEvent.Kind.RECORDED)) {
            events.addAll(0, before12(view));
        }
        Locale locale = LocaleContextHolder.getLocale();
        List<TimelineLine> lines = new ArrayList<>(
                events.stream().map(event -> line(event, locale)).toList());
        outbox.sent(view.id()).forEach(delivery -> lines.add(line(delivery, locale)));
        lines.sort(Comparator.comparing(TimelineLine::at)); // stable: events of one instant keep their order
        return lines;
    }

    private TimelineLine line(NoticeBoard.SentNotice delivery, Locale locale) {
        String channel = delivery.inApp()
                ? text("timeline.channel.IN_APP", locale)
                : messages.getMessage("timeline.channel.WEBHOOK", new Object[] {delivery.webhook()}, locale);
        StringBuilder what = new StringBuilder(format.label(delivery.event()));
        if (delivery.deadline() != null) {
            what.append(" · ").append(format.label(delivery.deadline()));
        }
        what.append(" · ")
                .append(
                        delivery.recipientUser() != null
                                ? delivery.recipientUser()
                                : format.label(delivery.recipient()));
        String state;
        if (delivery.delivered()) {
            state = delivery.attempts() > 1
                    ? messages.getMessage(
                            "timeline.delivered.after", new Object[] {String.valueOf(delivery.attempts())}, locale)
                    : text("timeline.delivered", locale);
        } else {
            StringBuilder pending = new StringBuilder(messages.getMessage(
                    "timeline.pending", new Object[] {String.valueOf(delivery.attempts())}, locale));
            if (delivery.lastError() != null) {
                pending.append(
                        messages.getMessage("timeline.pending.error", new Object[] {delivery.lastError()}, locale));
            }
            if (delivery.nextAttemptAt() != null) {
                pending.append(messages.getMessage(
                        "timeline.pending.next", new Object[] {format.time(delivery.nextAttemptAt())}, locale));
            }
            state = pending.toString();
        }
        return new TimelineLine(
                TimelineEvent.Kind.NOTIFIED.name(),
                delivery.deliveredAt() != null ? delivery.deliveredAt() : delivery.createdAt(),
                messages.getMessage("timeline.NOTIFIED", new Object[] {channel, what}, locale),
                null,
                state);
    }

    /** Incidents recorded before contract 1.2 have no events: their steps are told from the incident itself. */
    private static List<TimelineEvent> before12(IncidentView view) {
        List<TimelineEvent> events = new ArrayList<>();
        events.add(new TimelineEvent(
                TimelineEvent.Kind.RECORDED, view.recordedBy(), view.recordedAt(), null, null, null, null));
        if (view.resolvedAt() != null) {
            events.add(new TimelineEvent(
                    TimelineEvent.Kind.RESOLVED,
                    view.resolvedBy(),
                    view.resolvedAt(),
                    null,
                    null,
                    view.resolutionNote(),
                    null));
        }
        for (FollowUpView visit : view.followUps()) {
            events.add(new TimelineEvent(
                    TimelineEvent.Kind.FOLLOWED_UP,
                    visit.visitedBy(),
                    visit.visitedAt(),
                    null,
                    null,
                    visit.comment(),
                    null));
        }
        return events;
    }

    private TimelineLine line(TimelineEvent event, Locale locale) {
        String actor = SERVICE_ACTOR.equals(event.actor()) ? text("timeline.service", locale) : event.actor();
        String deadline = event.deadline() == null ? "" : format.label(event.deadline());
        String recipient = event.recipient() == null ? "" : format.label(event.recipient());
        String key = "timeline." + event.kind().name();
        return switch (event.kind()) {
            case ASSIGNED ->
                new TimelineLine(
                        event.kind().name(),
                        event.at(),
                        messages.getMessage(key, new Object[] {actor, event.detail()}, locale),
                        null,
                        null);
            case REMINDED, ESCALATED ->
                new TimelineLine(
                        event.kind().name(),
                        event.at(),
                        messages.getMessage(key, new Object[] {deadline, recipient}, locale),
                        event.detail(),
                        null);
            case BREACHED ->
                new TimelineLine(
                        event.kind().name(),
                        event.at(),
                        messages.getMessage(key, new Object[] {deadline}, locale),
                        null,
                        null);
            default ->
                new TimelineLine(
                        event.kind().name(),
                        event.at(),
                        messages.getMessage(key, new Object[] {actor}, locale),
                        event.detail(),
                        null);
        };
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }

    private String label(String key, Language language) {
        return catalogue.issues().stream()
                .filter(issue -> issue.key().equals(key))
                .findFirst()
                .map(issue -> issue.label(language))
                .orElse(key);
    }
}
