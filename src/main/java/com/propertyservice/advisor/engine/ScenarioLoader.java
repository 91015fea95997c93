package com.propertyservice.advisor.engine;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.jspecify.annotations.NullUnmarked;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads trainer scenario files ({@code scenarios/*.yaml}). A scenario that cannot be read is a
 * problem of the rule set, reported with its file and, where YAML says so, its line.
 */
@NullUnmarked // nullness not yet spelled out here: null is a value in places (see the Javadoc)
final class ScenarioLoader {

    static final Set<String> TOP_KEYS = Set.of("name", "description", "incident", "expect");
    static final Set<String> INCIDENT_KEYS = Set.of(
            "externalId",
            "reportedAt",
            "channel",
            "community",
            "serviceArea",
            "issue",
            "summary",
            "causedBy",
            "withinJurisdiction",
            "complainant",
            "promise",
            "occurrences",
            "safetyRisk",
            "affectedHouseholds",
            "expectation",
            "perception",
            "kind",
            "noticeGiven",
            "location");
    static final Set<String> COMPLAINANT_KEYS =
            Set.of("role", "emotion", "temperament", "vulnerable", "previousComplaints", "side");
    static final Set<String> PROMISE_KEYS = Set.of("made", "kept", "dueAt");
    static final Set<String> EXPECT_KEYS = Set.of(
            "kanoFactor",
            "qualityDimension",
            "priority",
            "priorityAtLeast",
            "priorityAtMost",
            "escalation",
            "escalationAtLeast",
            "escalationAtMost",
            "respondWithin",
            "resolveWithin",
            "followUpWithin",
            "survey",
            "causes",
            "causesAbsent",
            "noCauses",
            "principles",
            "principlesAbsent",
            "topPrinciples",
            "steps",
            "stepActions",
            "actions",
            "actionsAbsent",
            "cautions",
            "cautionsAbsent",
            "satisfactionGap",
            "firedRules",
            "notFiredRules",
            "kind",
            "fault",
            "referral",
            "referralAbsent",
            "safetySteps",
            "missingDetails",
            "warnings",
            "absent",
            "reminders",
            "remindersAbsent",
            "noReminders");

    private ScenarioLoader() {}

    /**
     * YAML that leaves timestamps as text: SnakeYAML would turn an unquoted {@code 2026-05-12T05:40:00+08:00}
     * into a {@code Date} and lose its offset, and the time rules read the incident's own local time.
     */
    private static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        DumperOptions dumper = new DumperOptions();
        Resolver withoutTimestamps = new Resolver() {
            @Override
            public void addImplicitResolver(Tag tag, Pattern regexp, String first) {
                if (!Tag.TIMESTAMP.equals(tag)) {
                    super.addImplicitResolver(tag, regexp, first);
                }
            }

            @Override
            public void addImplicitResolver(Tag tag, Pattern regexp, String first, int limit) {
                if (!Tag.TIMESTAMP.equals(tag)) {
                    super.addImplicitResolver(tag, regexp, first, limit);
                }
            }
        };
        return new Yaml(new SafeConstructor(options), new Representer(dumper), dumper, options, withoutTimestamps);
    }

    /**
     * Reads one scenario file on its own, without compiling the rules it belongs to (tests that only
     * need a scenario's incident).
     *
     * @throws IllegalArgumentException naming every problem when the file cannot be read
     */
    static Scenario read(String file, String text) {
        List<Problem> problems = new ArrayList<>();
        Scenario scenario = load(file, text, problems);
        if (scenario == null) {
            throw new IllegalArgumentException(file + ": " + problems);
        }
        return scenario;
    }

    /** Reads one scenario file; on failure adds a problem and returns {@code null}. */
    static Scenario load(String file, String text, List<Problem> problems) {
        Object root;
        try {
            root = yaml().load(text);
        } catch (MarkedYAMLException e) {
            problems.add(Text.of("scenario.not-yaml", e.getProblem())
                    .at(
                            file,
                            e.getProblemMark() == null
                                    ? null
                                    : e.getProblemMark().getLine() + 1,
                            null,
                            null));
            return null;
        } catch (YAMLException e) {
            problems.add(Text.of("scenario.not-yaml", e.getMessage()).at(file, null, null, null));
            return null;
        }
        try {
            Map<String, Object> top = map(root, "the file");
            unknownKeys(top, TOP_KEYS, "");
            String name = string(top.get("name"), "name");
            if (name == null) {
                name = file.substring(file.lastIndexOf('/') + 1);
            }
            Incident incident = incident(map(required(top, "incident"), "incident"));
            Scenario.Expectations expect = expectations(map(required(top, "expect"), "expect"));
            return new Scenario(file, name, string(top.get("description"), "description"), incident, expect);
        } catch (IllegalArgumentException | NullPointerException e) {
            problems.add(Text.of("scenario.invalid", e.getMessage()).at(file, null, null, null));
            return null;
        }
    }

    private static Incident incident(Map<String, Object> m) {
        unknownKeys(m, INCIDENT_KEYS, "incident.");
        Map<String, Object> c = map(required(m, "complainant"), "incident.complainant");
        unknownKeys(c, COMPLAINANT_KEYS, "incident.complainant.");
        Complainant complainant = new Complainant(
                enumValue(ComplainantRole.class, c.get("role"), "incident.complainant.role"),
                enumValue(Emotion.class, c.get("emotion"), "incident.complainant.emotion"),
                enumValue(Temperament.class, c.get("temperament"), "incident.complainant.temperament"),
                bool(c.get("vulnerable"), "incident.complainant.vulnerable", false),
                integer(c.get("previousComplaints"), "incident.complainant.previousComplaints", 0),
                enumValue(ComplainantSide.class, c.get("side"), "incident.complainant.side"));
        Promise promise = null;
        if (m.get("promise") != null) {
            Map<String, Object> p = map(m.get("promise"), "incident.promise");
            unknownKeys(p, PROMISE_KEYS, "incident.promise.");
            promise = new Promise(
                    bool(p.get("made"), "incident.promise.made", false),
                    bool(p.get("kept"), "incident.promise.kept", false),
                    timestamp(p.get("dueAt"), "incident.promise.dueAt"));
        }
        return new Incident(
                string(m.get("externalId"), "incident.externalId"),
                timestamp(m.get("reportedAt"), "incident.reportedAt"),
                enumValue(Channel.class, m.get("channel"), "incident.channel"),
                string(m.get("community"), "incident.community"),
                enumValue(ServiceArea.class, m.get("serviceArea"), "incident.serviceArea"),
                string(m.get("issue"), "incident.issue"),
                string(m.get("summary"), "incident.summary"),
                enumValue(CausedBy.class, m.get("causedBy"), "incident.causedBy"),
                m.get("withinJurisdiction") == null
                        ? null
                        : bool(m.get("withinJurisdiction"), "incident.withinJurisdiction", true),
                complainant,
                promise,
                m.get("occurrences") == null ? null : integer(m.get("occurrences"), "incident.occurrences", 1),
                m.get("safetyRisk") == null ? null : bool(m.get("safetyRisk"), "incident.safetyRisk", false),
                m.get("affectedHouseholds") == null
                        ? null
                        : integer(m.get("affectedHouseholds"), "incident.affectedHouseholds", 1),
                m.get("expectation") == null ? null : integer(m.get("expectation"), "incident.expectation", 0),
                m.get("perception") == null ? null : integer(m.get("perception"), "incident.perception", 0),
                enumValue(ContactKind.class, m.get("kind"), "incident.kind"),
                m.get("noticeGiven") == null ? null : bool(m.get("noticeGiven"), "incident.noticeGiven", true),
                string(m.get("location"), "incident.location"));
    }

    private static Scenario.Expectations expectations(Map<String, Object> m) {
        unknownKeys(m, EXPECT_KEYS, "expect.");
        Map<HandlingStep, List<String>> stepActions = null;
        if (m.get("stepActions") != null) {
            stepActions = new EnumMap<>(HandlingStep.class);
            for (Map.Entry<String, Object> e :
                    map(m.get("stepActions"), "expect.stepActions").entrySet()) {
                stepActions.put(
                        enumValue(HandlingStep.class, e.getKey(), "expect.stepActions"),
                        strings(e.getValue(), "expect.stepActions." + e.getKey()));
            }
        }
        return new Scenario.Expectations(
                enumValue(KanoFactor.class, m.get("kanoFactor"), "expect.kanoFactor"),
                enumValue(QualityDimension.class, m.get("qualityDimension"), "expect.qualityDimension"),
                enumValue(Priority.class, m.get("priority"), "expect.priority"),
                enumValue(Priority.class, m.get("priorityAtLeast"), "expect.priorityAtLeast"),
                enumValue(Priority.class, m.get("priorityAtMost"), "expect.priorityAtMost"),
                enumValue(Escalation.class, m.get("escalation"), "expect.escalation"),
                enumValue(Escalation.class, m.get("escalationAtLeast"), "expect.escalationAtLeast"),
                enumValue(Escalation.class, m.get("escalationAtMost"), "expect.escalationAtMost"),
                duration(m.get("respondWithin"), "expect.respondWithin"),
                duration(m.get("resolveWithin"), "expect.resolveWithin"),
                duration(m.get("followUpWithin"), "expect.followUpWithin"),
                m.get("survey") == null ? null : bool(m.get("survey"), "expect.survey", false),
                enums(ComplaintCause.class, m.get("causes"), "expect.causes"),
                enums(ComplaintCause.class, m.get("causesAbsent"), "expect.causesAbsent"),
                m.get("noCauses") == null ? null : bool(m.get("noCauses"), "expect.noCauses", false),
                enums(Principle.class, m.get("principles"), "expect.principles"),
                enums(Principle.class, m.get("principlesAbsent"), "expect.principlesAbsent"),
                enums(Principle.class, m.get("topPrinciples"), "expect.topPrinciples"),
                enums(HandlingStep.class, m.get("steps"), "expect.steps"),
                stepActions,
                strings(m.get("actions"), "expect.actions"),
                strings(m.get("actionsAbsent"), "expect.actionsAbsent"),
                strings(m.get("cautions"), "expect.cautions"),
                strings(m.get("cautionsAbsent"), "expect.cautionsAbsent"),
                m.get("satisfactionGap") == null
                        ? null
                        : integer(m.get("satisfactionGap"), "expect.satisfactionGap", 0),
                strings(m.get("firedRules"), "expect.firedRules"),
                strings(m.get("notFiredRules"), "expect.notFiredRules"),
                enumValue(ContactKind.class, m.get("kind"), "expect.kind"),
                enumValue(Fault.class, m.get("fault"), "expect.fault"),
                enums(Referral.class, m.get("referral"), "expect.referral"),
                enums(Referral.class, m.get("referralAbsent"), "expect.referralAbsent"),
                strings(m.get("safetySteps"), "expect.safetySteps"),
                strings(m.get("missingDetails"), "expect.missingDetails"),
                strings(m.get("warnings"), "expect.warnings"),
                strings(m.get("absent"), "expect.absent"),
                reminders(m.get("reminders"), "expect.reminders"),
                reminders(m.get("remindersAbsent"), "expect.remindersAbsent"),
                m.get("noReminders") == null ? null : bool(m.get("noReminders"), "expect.noReminders", false));
    }

    private static List<Scenario.ReminderPattern> reminders(Object value, String field) {
        List<String> written = strings(value, field);
        return written == null
                ? null
                : written.stream()
                        .map(w -> Scenario.ReminderPattern.parse(w, field))
                        .toList();
    }

    private static Object required(Map<String, Object> m, String key) {
        Object value = m.get(key);
        if (value == null) {
            throw new IllegalArgumentException("'" + key + "' is missing");
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value, String where) {
        if (!(value instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException(where + " must be a mapping of 'key: value' lines");
        }
        for (Object key : m.keySet()) {
            if (!(key instanceof String)) {
                throw new IllegalArgumentException(where + " has a key that is not text: " + key);
            }
        }
        return (Map<String, Object>) m;
    }

    private static void unknownKeys(Map<String, Object> m, Set<String> known, String prefix) {
        for (String key : m.keySet()) {
            if (!known.contains(key)) {
                throw new IllegalArgumentException(
                        "unknown key '" + prefix + key + "'; the known keys here are " + new TreeSet<>(known));
            }
        }
    }

    private static String string(Object value, String field) {
        if (value == null) {
            return null;
        }
        if (value instanceof Map || value instanceof List) {
            throw new IllegalArgumentException(field + " must be text");
        }
        return value.toString();
    }

    private static boolean bool(Object value, String field, boolean otherwise) {
        if (value == null) {
            return otherwise;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        throw new IllegalArgumentException(field + " must be true or false, was '" + value + "'");
    }

    private static int integer(Object value, String field, int otherwise) {
        if (value == null) {
            return otherwise;
        }
        if (value instanceof Integer i) {
            return i;
        }
        throw new IllegalArgumentException(field + " must be a whole number, was '" + value + "'");
    }

    private static OffsetDateTime timestamp(Object value, String field) {
        if (value == null) {
            return null;
        }
        String text = value.toString().strip();
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException withoutOffset) {
            try {
                // a local time is read where the contract reads one: in the default zone
                return LocalDateTime.parse(text).atZone(Incident.DEFAULT_ZONE).toOffsetDateTime();
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(
                        field + " must be a timestamp such as 2026-05-01T06:00:00+08:00 (or 2026-05-01T06:00:00,"
                                + " read in " + Incident.DEFAULT_ZONE + "), was '" + value + "'");
            }
        }
    }

    private static Duration duration(Object value, String field) {
        if (value == null) {
            return null;
        }
        try {
            return Duration.parse(value.toString());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    field + " must be an ISO-8601 duration such as PT30M, PT4H or P3D, was '" + value + "'");
        }
    }

    static <E extends Enum<E>> E enumValue(Class<E> type, Object value, String field) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.toString().trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    field + ": '" + value + "' is not one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    private static <E extends Enum<E>> List<E> enums(Class<E> type, Object value, String field) {
        List<String> names = strings(value, field);
        return names == null
                ? null
                : names.stream().map(n -> enumValue(type, n, field)).toList();
    }

    private static List<String> strings(Object value, String field) {
        if (value == null) {
            return null;
        }
        if (value instanceof List<?> list) {
            List<String> out = new ArrayList<>();
            list.forEach(item -> out.add(String.valueOf(item)));
            return out;
        }
        if (value instanceof Map) {
            throw new IllegalArgumentException(field + " must be a list such as [A, B]");
        }
        return List.of(value.toString());
    }
}
