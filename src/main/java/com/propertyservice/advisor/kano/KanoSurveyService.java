package com.propertyservice.advisor.kano;

import com.propertyservice.advisor.engine.Advisor;
import com.propertyservice.advisor.engine.KanoFactor;
import com.propertyservice.advisor.engine.RuleFiles;
import com.propertyservice.advisor.engine.RuleSetInfo;
import com.propertyservice.advisor.engine.ScenarioResult;
import com.propertyservice.advisor.ruleset.RuleSetService;
import com.propertyservice.advisor.system.ApiProblemException;
import com.propertyservice.advisor.system.Problems;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Kano surveys for the training department, for the REST API and the page alike: import and
 * analysis, the proposals a survey makes against the active catalogue, and their acceptance as a
 * new rule-set version through the rule administration's gate (the same checks, trainer scenarios
 * and history as any other activation).
 */
@Service
public class KanoSurveyService {

    /** The largest page of surveys a caller may ask for. */
    public static final int MAX_PAGE_SIZE = 100;
    /** How many row problems a stored survey keeps (the count keeps them all). */
    static final int PROBLEMS_KEPT = 1_000;
    /** How many row problems a refusal lists. */
    static final int PROBLEMS_SHOWN = 50;

    private static final TypeReference<List<RowProblem>> ROW_PROBLEMS = new TypeReference<>() {};

    private final KanoSurveyRepository surveys;
    private final Advisor advisor;
    private final RuleSetService rules;
    private final KanoProperties properties;
    private final Problems messages;
    private final JsonMapper json;
    private final Clock clock;

    KanoSurveyService(
            KanoSurveyRepository surveys,
            Advisor advisor,
            RuleSetService rules,
            KanoProperties properties,
            Problems messages,
            JsonMapper json,
            Clock clock) {
        this.surveys = surveys;
        this.advisor = advisor;
        this.rules = rules;
        this.clock = clock;
        this.properties = properties;
        this.messages = messages;
        this.json = json;
    }

    /**
     * Reads, analyses and stores a survey file. Rows that cannot be used are listed with their line
     * and left out; a file that cannot be used at all, or whose unreadable rows exceed
     * {@code advisor.kano.max-unreadable-share}, is refused and nothing is stored.
     *
     * @param locale the language of the row problems in a refusal
     * @throws ApiProblemException 400 or 422 naming what is wrong with the file
     */
    public SurveyView upload(String fileName, String title, byte[] content, String who, Locale locale) {
        Objects.requireNonNull(who, "who");
        SurveyReader.SurveyFile file;
        try {
            file = SurveyReader.read(content, properties.maxRows());
        } catch (SurveyFileException e) {
            HttpStatus status = e.reason() == SurveyFileException.Reason.TOO_MANY_ROWS
                    ? HttpStatus.UNPROCESSABLE_CONTENT
                    : HttpStatus.BAD_REQUEST;
            throw new ApiProblemException(status, e.reason().slug(), e.reason().messageKey(), e.arguments());
        }
        RuleSetInfo active = advisor.ruleSet();
        Map<String, String> keys = active.issues().stream()
                .collect(Collectors.toMap(key -> key.toLowerCase(Locale.ROOT), Function.identity(), (a, b) -> a));

        List<RowProblem> problems = new ArrayList<>(file.unreadable());
        int badRows = file.badRows();
        Map<String, Integer> firstAnswer = new HashMap<>();
        Map<String, int[][]> counts = new LinkedHashMap<>();
        Set<String> respondents = new HashSet<>();
        int answers = 0;
        for (SurveyRow row : file.rows()) {
            // a catalogue key counts however it is capitalised; any other item is a service-item name as written
            String item = keys.getOrDefault(row.item().toLowerCase(Locale.ROOT), row.item());
            Integer first = firstAnswer.putIfAbsent(row.respondent() + '\u0000' + item, row.line());
            if (first != null) {
                problems.add(new RowProblem(
                        row.line(),
                        "respondent",
                        RowProblem.shorten(row.respondent()),
                        RowProblem.Reason.DUPLICATE,
                        first));
                badRows++;
                continue;
            }
            counts.computeIfAbsent(item, k -> new int[KanoAnalysis.HIGHEST][KanoAnalysis.HIGHEST])[
                    row.functional() - 1][row.dysfunctional() - 1]++;
            respondents.add(row.respondent());
            answers++;
        }
        problems.sort((a, b) -> Integer.compare(a.line(), b.line()));
        if (answers == 0) {
            throw refusal("kano-no-answers", "kano.file.no-answers", badRows, problems, locale);
        }
        if (badRows > properties.maxUnreadableShare() * (answers + badRows)) {
            throw refusal(
                    "kano-unreadable-rows",
                    "kano.file.unreadable-rows",
                    badRows,
                    problems,
                    locale,
                    answers + badRows,
                    Math.round(properties.maxUnreadableShare() * 100));
        }
        String name = fileName(fileName);
        String shownTitle = title == null || title.isBlank() ? name : title.strip();
        KanoSurveyRepository.StoredSurvey survey = new KanoSurveyRepository.StoredSurvey(
                0,
                shownTitle,
                name,
                file.format(),
                file.encoding(),
                who,
                OffsetDateTime.now(clock),
                active.version(),
                respondents.size(),
                answers,
                badRows,
                json.writeValueAsString(problems.subList(0, Math.min(problems.size(), PROBLEMS_KEPT))));
        long id = surveys.insert(survey, counts);
        return get(id, locale);
    }

    /**
     * A stored survey with its analysis against the active catalogue.
     *
     * @throws ApiProblemException 404 when there is none
     */
    public SurveyView get(long id, Locale locale) {
        KanoSurveyRepository.StoredSurvey survey = find(id);
        Map<String, KanoFactor> catalogue = catalogue(advisor.ruleSet());
        List<SurveyView.Item> items = new ArrayList<>();
        surveys.counts(id).forEach((item, pairs) -> {
            ItemAnalysis analysis = KanoAnalysis.analyse(item, pairs);
            items.add(new SurveyView.Item(
                    item,
                    analysis.answers(),
                    analysis.counts(),
                    analysis.category(),
                    round(analysis.strength()),
                    analysis.significant(),
                    round(analysis.better()),
                    round(analysis.worse()),
                    catalogue.get(item),
                    analysis.category().factor().orElse(null)));
        });
        List<RowProblem> problems = json.readValue(survey.rowProblemsJson(), ROW_PROBLEMS);
        return new SurveyView(
                survey.id(),
                survey.title(),
                survey.fileName(),
                survey.format(),
                survey.encoding(),
                survey.uploadedBy(),
                survey.uploadedAt(),
                survey.ruleSetVersion(),
                survey.respondents(),
                survey.answers(),
                survey.unreadableRows(),
                views(problems, locale),
                items);
    }

    /** The surveys, newest first. */
    public SurveyView.Page list(int page, int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("page must be ≥ 0 and size 1.." + MAX_PAGE_SIZE);
        }
        List<KanoSurveyRepository.StoredSurvey> found = surveys.page((long) page * size, size);
        Map<Long, Integer> items = surveys.itemCounts(
                found.stream().map(KanoSurveyRepository.StoredSurvey::id).toList());
        long total = surveys.count();
        return new SurveyView.Page(
                found.stream()
                        .map(s -> new SurveyView.Summary(
                                s.id(),
                                s.title(),
                                s.fileName(),
                                s.uploadedBy(),
                                s.uploadedAt(),
                                s.respondents(),
                                s.answers(),
                                s.unreadableRows(),
                                items.getOrDefault(s.id(), 0)))
                        .toList(),
                page,
                size,
                total,
                (int) Math.ceil((double) total / size));
    }

    /**
     * The items whose significant category maps to another Kano factor than the active catalogue
     * gives them (items that are not catalogue keys, and Q, propose nothing).
     *
     * @throws ApiProblemException 404 when there is no such survey
     */
    public SurveyView.Proposals proposals(long id) {
        RuleSetInfo active = advisor.ruleSet();
        SurveyView survey = get(id, Locale.ROOT);
        List<SurveyView.Proposal> proposals = new ArrayList<>();
        for (SurveyView.Item item : survey.items()) {
            if (item.significant()
                    && item.catalogueFactor() != null
                    && item.surveyFactor() != null
                    && item.surveyFactor() != item.catalogueFactor()) {
                proposals.add(new SurveyView.Proposal(
                        item.item(),
                        item.catalogueFactor(),
                        item.surveyFactor(),
                        item.category(),
                        item.strength(),
                        item.answers(),
                        item.better(),
                        item.worse()));
            }
        }
        return new SurveyView.Proposals(id, active.version(), proposals);
    }

    /**
     * Accepts some of a survey's proposals: the catalogue rows of those items get the survey's Kano
     * factor and the rules folder so changed is activated through the gate, as a reload would be. The
     * folder is published as it is, so scenarios a trainer updated there go live with the change.
     *
     * @param items catalogue keys among the survey's current proposals
     * @throws ApiProblemException 404 without the survey; 409 when an item is not a current proposal
     *                             or its catalogue row cannot be edited; 422 when the new version is not
     *                             activated (failed scenarios listed)
     */
    public SurveyView.Accepted accept(long id, List<String> items, String who, Locale locale) {
        Objects.requireNonNull(who, "who");
        SurveyKey survey = new SurveyKey(id, find(id).title());
        SurveyView.Proposals current = proposals(id);
        Map<String, SurveyView.Proposal> proposed = new LinkedHashMap<>();
        current.proposals().forEach(p -> proposed.put(p.item(), p));
        Set<String> asked = new LinkedHashSet<>();
        items.forEach(item -> asked.add(item.strip()));
        List<String> unknown =
                asked.stream().filter(item -> !proposed.containsKey(item)).toList();
        if (!unknown.isEmpty()) {
            throw new ApiProblemException(
                            HttpStatus.CONFLICT,
                            "kano-not-a-proposal",
                            "kano.accept.not-a-proposal",
                            String.join(", ", unknown),
                            current.activeVersion(),
                            proposed.isEmpty() ? "—" : String.join(", ", proposed.keySet()))
                    .with("proposals", List.copyOf(proposed.keySet()));
        }
        RuleSetInfo active = advisor.ruleSet();
        Map<String, String> fileOfRule = new HashMap<>();
        active.rules().forEach(rule -> fileOfRule.put(rule.name(), rule.file()));
        Map<String, Map<String, KanoFactor>> edits = new LinkedHashMap<>();
        List<SurveyView.Change> changes = new ArrayList<>();
        for (String item : asked) {
            SurveyView.Proposal proposal = proposed.get(item);
            String file = active.catalogue().stream()
                    .filter(entry -> entry.issue().equals(item))
                    .map(entry -> fileOfRule.get(entry.rule()))
                    .filter(Objects::nonNull)
                    .findFirst()
                    .orElse(null);
            if (file == null || !file.toLowerCase(Locale.ROOT).endsWith(".csv")) {
                throw new ApiProblemException(
                        HttpStatus.CONFLICT,
                        "kano-catalogue-not-editable",
                        "kano.catalogue.not-csv",
                        item,
                        file == null ? "—" : file);
            }
            edits.computeIfAbsent(file, f -> new LinkedHashMap<>()).put(item, proposal.proposedFactor());
            changes.add(new SurveyView.Change(item, proposal.catalogueFactor(), proposal.proposedFactor()));
        }
        List<String> published = new ArrayList<>();
        RuleSetService.Activation outcome;
        try {
            outcome = rules.publishEdit(
                    folder -> {
                        RuleFiles edited = folder;
                        for (Map.Entry<String, Map<String, KanoFactor>> edit : edits.entrySet()) {
                            edited = edited.with(
                                    edit.getKey(),
                                    CatalogueTable.withKanoFactors(folder.get(edit.getKey()), edit.getValue()));
                        }
                        published.addAll(changedFiles(advisor.ruleSet(), edited));
                        return edited;
                    },
                    who,
                    note(survey, changes));
        } catch (CatalogueTable.NotEditable e) {
            throw new ApiProblemException(
                    HttpStatus.CONFLICT,
                    "kano-catalogue-not-editable",
                    "kano.catalogue."
                            + e.reason().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                    String.join(", ", edits.keySet()),
                    e.detail() == null ? "" : e.detail());
        }
        if (outcome.activated()) {
            return new SurveyView.Accepted(
                    true, outcome.activeVersion(), outcome.previousVersion(), published, changes);
        }
        List<SurveyView.FailedScenario> failed = outcome.scenarios().stream()
                .filter(s -> !s.passed())
                .map(KanoSurveyService::failed)
                .toList();
        ApiProblemException rejected = failed.isEmpty()
                ? new ApiProblemException(
                        HttpStatus.UNPROCESSABLE_CONTENT,
                        "kano-proposals-rejected",
                        "kano.accept.rejected",
                        outcome.candidateVersion(),
                        outcome.activeVersion(),
                        outcome.problems().size(),
                        outcome.problems().isEmpty()
                                ? "—"
                                : outcome.problems().get(0).toString())
                : new ApiProblemException(
                        HttpStatus.UNPROCESSABLE_CONTENT,
                        "kano-proposals-rejected",
                        "kano.accept.scenarios-failed",
                        outcome.candidateVersion(),
                        outcome.activeVersion(),
                        failed.size(),
                        failed.stream()
                                .map(f -> f.file() + " (" + f.name() + ")")
                                .collect(Collectors.joining(", ")));
        throw rejected.with("activeVersion", outcome.activeVersion())
                .with("rejectedVersion", outcome.candidateVersion())
                .with("changes", changes)
                .with("files", published)
                .with("failedScenarios", failed)
                .with("problems", outcome.problems());
    }

    /** The analysis as CSV (UTF-8 with a byte-order mark, so Excel reads the Chinese), every text cell neutralised. */
    public byte[] export(long id) {
        return AnalysisExport.csv(get(id, Locale.ROOT));
    }

    private record SurveyKey(long id, String title) {}

    /** The paths in which {@code files} differ from the running rule set: the files a publication of them changes. */
    private static List<String> changedFiles(RuleSetInfo running, RuleFiles files) {
        Map<String, String> hashes = new HashMap<>();
        running.files().forEach(file -> hashes.put(file.path(), file.sha256()));
        Set<String> changed = new TreeSet<>();
        files.asMap().forEach((path, content) -> {
            if (!RuleFiles.sha256(content).equals(hashes.remove(path))) {
                changed.add(path);
            }
        });
        changed.addAll(hashes.keySet());
        return List.copyOf(changed);
    }

    private static String note(SurveyKey survey, List<SurveyView.Change> changes) {
        return "Kano survey " + survey.id() + " (" + survey.title() + "): "
                + changes.stream()
                        .map(c -> c.item() + " " + c.from() + " -> " + c.to())
                        .collect(Collectors.joining(", "));
    }

    private static SurveyView.FailedScenario failed(ScenarioResult scenario) {
        return new SurveyView.FailedScenario(scenario.file(), scenario.name(), scenario.failures());
    }

    private ApiProblemException refusal(
            String slug, String messageKey, int badRows, List<RowProblem> problems, Locale locale, Object... more) {
        Object[] arguments = new Object[more.length + 1];
        arguments[0] = badRows;
        System.arraycopy(more, 0, arguments, 1, more.length);
        return new ApiProblemException(HttpStatus.UNPROCESSABLE_CONTENT, slug, messageKey, arguments)
                .with("unreadableRows", badRows)
                .with("rows", views(problems.subList(0, Math.min(problems.size(), PROBLEMS_SHOWN)), locale));
    }

    private List<SurveyView.RowProblemView> views(List<RowProblem> problems, Locale locale) {
        return problems.stream()
                .map(p -> new SurveyView.RowProblemView(
                        p.line(),
                        p.column(),
                        p.value(),
                        messages.message(p.reason().messageKey(), locale, p.column(), p.value(), p.firstLine())))
                .toList();
    }

    private KanoSurveyRepository.StoredSurvey find(long id) {
        return surveys.find(id)
                .orElseThrow(
                        () -> new ApiProblemException(HttpStatus.NOT_FOUND, "not-found", "kano.survey.not-found", id));
    }

    private static Map<String, KanoFactor> catalogue(RuleSetInfo active) {
        Map<String, KanoFactor> factors = new HashMap<>();
        active.catalogue().forEach(entry -> factors.putIfAbsent(entry.issue(), entry.kanoFactor()));
        return factors;
    }

    /** The file's own name, without any folder a browser may send, at most 255 characters. */
    private static String fileName(String fileName) {
        if (fileName == null || fileName.isBlank()) {
            return "survey";
        }
        String name = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1)
                .strip();
        name = name.isEmpty() ? "survey" : name;
        return name.length() <= 255 ? name : name.substring(0, 255);
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    private static Double round(Double value) {
        return value == null ? null : round(value.doubleValue());
    }
}
