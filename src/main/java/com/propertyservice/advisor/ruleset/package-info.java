/**
 * Spring feature: the advisor bean (compiled while Spring starts, see
 * {@link com.propertyservice.advisor.ruleset.EarlyRuleSetBuild}), rule administration API, the trainers' page
 * (template {@code templates/ruleset/trainer.html}), folder watcher and version history. Both doors, API and page,
 * go through {@link com.propertyservice.advisor.ruleset.RuleSetService}, so they record one history.
 */
package com.propertyservice.advisor.ruleset;
