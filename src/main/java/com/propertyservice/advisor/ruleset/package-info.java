/** Spring feature: the advisor bean, rule administration API, folder watcher and version history. */
package com.propertyservice.advisor.ruleset;
