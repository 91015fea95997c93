/**
 * Spring feature: the advisor bean (compiled while Spring starts, see {@link com.propertyservice.advisor.ruleset.EarlyRuleSetBuild}),
 * rule administration API, folder watcher and version history.
 */
package com.propertyservice.advisor.ruleset;
