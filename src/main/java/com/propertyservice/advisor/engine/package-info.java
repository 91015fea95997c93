/**
 * The advisor's plain-Java API and, package-private behind it, the engine itself. No Spring, JPA or Jackson here
 * (ArchitectureTest keeps it so), so the same jar embeds anywhere.
 *
 * <p>Public, and so the API an embedder and the service's Spring features use: {@link Advisor} (made with a
 * static factory) with its {@link AdviceLimits}; the {@link Incident} that comes in (with {@link Complainant} and
 * {@link Promise}) and the {@link Advice} that goes out (with {@link Reminder}); {@link Language}; the rule files
 * and what the gate says of them ({@link RuleFiles}, {@link PreparedRuleSet}, {@link ValidationResult},
 * {@link ReloadResult}, {@link ScenarioResult}, {@link Problem}, {@link RuleSetInfo}); the exceptions
 * ({@link RuleSetException}, {@link AdviceTimeoutException}, {@link UnknownIssueException}); and the codes of the
 * contract, which the rules name too ({@link Priority}, {@link KanoFactor}, {@link ServiceArea} ...).
 *
 * <p>Package-private, so that nobody outside the engine can depend on them: the rule-folder compiler (DRL,
 * decision tables, DSL/DSLR, text catalogues), the rule sandbox, the immutable compiled rule set, the trace of fired
 * rules and the trainer-scenario runner. They live in this package rather than a sub-package so that they need not
 * be public; docs/architecture.md ("The engine as a library") says why that beats a JPMS module here.
 *
 * <p>Null-marked: a type without {@code @Nullable} is never null. A record component that takes a default when it is
 * null (such as {@code Incident.reportedAt}, or the lists of {@code Advice}) is declared non-null, because its value
 * never is; its constructor accepts null there and puts the default in. Package-private classes whose nullness is
 * not spelled out yet say so with {@code @NullUnmarked}.
 */
@NullMarked
package com.propertyservice.advisor.engine;

import org.jspecify.annotations.NullMarked;
