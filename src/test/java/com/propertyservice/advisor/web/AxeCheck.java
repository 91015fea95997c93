package com.propertyservice.advisor.web;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.openqa.selenium.chrome.ChromeDriver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * axe-core run on the page the browser shows, at desktop and at phone width: every serious or critical violation
 * fails with its rule, help, the elements it found and where (page, language, width), so a developer can go to
 * the template. axe is the pinned npm copy {@code mvn generate-test-resources} installs (src/test/tools), injected
 * with the driver (its script runs outside the page's Content-Security-Policy, which allows no script of ours).
 * Every violation of any impact is also written to {@link #REPORT} (one line per element), to see the moderate and
 * minor ones and count them by rule.
 */
final class AxeCheck {

    static final Path AXE = Path.of("target", "test-tools", "node_modules", "axe-core", "axe.min.js");
    static final Path REPORT = Path.of("target", "accessibility", "axe-violations.tsv");
    /** The impacts that fail a page; moderate and minor ones are reported only. */
    static final Set<String> BLOCKING = Set.of("serious", "critical");

    /** The widths checked: the browser's desktop window, and a phone (an iPhone's 375 × 812 CSS pixels, touch). */
    enum Width {
        DESKTOP(1280, 900, false),
        PHONE(375, 812, true);

        final int width;
        final int height;
        final boolean mobile;

        Width(int width, int height, boolean mobile) {
            this.width = width;
            this.height = height;
            this.mobile = mobile;
        }

        @Override
        public String toString() {
            return name().toLowerCase() + " " + width + "×" + height;
        }
    }

    /** One rule axe found broken on one page at one width, with the CSS selectors of the elements that break it. */
    record Violation(
            String rule,
            String impact,
            String help,
            String helpUrl,
            List<String> targets,
            String page,
            String language,
            Width width) {

        boolean blocking() {
            return BLOCKING.contains(impact);
        }

        @Override
        public String toString() {
            return "[" + impact + "] " + rule + ": " + help + " — page " + page + " (" + language + ", " + width + ")\n"
                    + targets.stream().map(target -> "      " + target).collect(Collectors.joining("\n"))
                    + "\n      see " + helpUrl;
        }
    }

    private static final AtomicBoolean REPORT_STARTED = new AtomicBoolean();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Runs axe and answers its violations as JSON text (Selenium's own conversion of nested objects is lossy). */
    private static final String RUN = """
            const done = arguments[arguments.length - 1];
            axe.run(document, {resultTypes: ['violations']})
              .then(result => done(JSON.stringify(result.violations.map(v => ({
                  rule: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
                  targets: v.nodes.map(node => node.target.join(' '))})))))
              .catch(error => done(JSON.stringify({error: String(error)})));
            """;

    private final ChromeDriver browser;
    private final String axe;

    private AxeCheck(ChromeDriver browser, String axe) {
        this.browser = browser;
        this.axe = axe;
    }

    /** The check for this browser; fails (never skips) when axe-core has not been installed. */
    static AxeCheck in(ChromeDriver browser) {
        if (!Files.isReadable(AXE)) {
            fail("axe-core is missing at " + AXE.toAbsolutePath() + ": run `mvn generate-test-resources` (it installs "
                    + "the npm test tools pinned in src/test/tools/package-lock.json under target/test-tools)");
        }
        try {
            return new AxeCheck(browser, Files.readString(AXE, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Fails listing every serious or critical violation on the current page at either width. The page is checked as
     * it is (no reload between the widths: the layout follows the width as a phone's would).
     */
    void assertNoSeriousViolations(String page) {
        List<Violation> blocking =
                violations(page).stream().filter(Violation::blocking).toList();
        if (!blocking.isEmpty()) {
            fail(blocking.size() + " serious or critical accessibility violation(s) on " + page + " (axe-core "
                    + version() + "):\n  "
                    + blocking.stream().map(Violation::toString).collect(Collectors.joining("\n  ")));
        }
    }

    /** Every violation (any impact) on the current page at each width, also appended to {@link #REPORT}. */
    List<Violation> violations(String page) {
        String language = (String) browser.executeScript("return document.documentElement.lang");
        List<Violation> found = new ArrayList<>();
        try {
            for (Width width : Width.values()) {
                browser.executeCdpCommand(
                        "Emulation.setDeviceMetricsOverride",
                        Map.of(
                                "width",
                                width.width,
                                "height",
                                width.height,
                                "deviceScaleFactor",
                                1,
                                "mobile",
                                width.mobile));
                found.addAll(run(page, language, width));
            }
        } finally {
            browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
        report(found);
        return found;
    }

    private List<Violation> run(String page, String language, Width width) {
        if (!Boolean.TRUE.equals(browser.executeScript("return typeof window.axe === 'object'"))) {
            browser.executeScript(axe);
        }
        JsonNode result = JSON.readTree((String) browser.executeAsyncScript(RUN));
        if (result.has("error")) {
            fail("axe-core could not check " + page + " (" + language + ", " + width + "): "
                    + result.path("error").asString());
        }
        List<Violation> violations = new ArrayList<>();
        for (JsonNode v : result) {
            List<String> targets = new ArrayList<>();
            v.path("targets").forEach(target -> targets.add(target.asString()));
            violations.add(new Violation(
                    v.path("rule").asString(),
                    v.path("impact").asString(""),
                    v.path("help").asString(),
                    v.path("helpUrl").asString(),
                    targets,
                    page,
                    language,
                    width));
        }
        return violations;
    }

    private String version() {
        return String.valueOf(browser.executeScript("return window.axe ? axe.version : '?'"));
    }

    private static void report(List<Violation> violations) {
        StringBuilder lines = new StringBuilder();
        for (Violation v : violations) {
            for (String target : v.targets()) {
                lines.append(String.join(
                                "\t",
                                v.impact(),
                                v.rule(),
                                v.page(),
                                v.language(),
                                v.width().name(),
                                target))
                        .append('\n');
            }
        }
        try {
            Files.createDirectories(REPORT.getParent());
            // the first check of a test run starts the report afresh
            StandardOpenOption start =
                    REPORT_STARTED.getAndSet(true) ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING;
            Files.writeString(
                    REPORT, lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.WRITE, start);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
