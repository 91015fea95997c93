/**
 * Drools glue behind {@link com.propertyservice.advisor.engine.Advisor}: the rule-folder compiler
 * (DRL, decision tables, DSL/DSLR, text catalogues), the immutable compiled rule set, the trace of
 * fired rules, and the trainer-scenario runner. Nothing here is public API; the classes are public
 * only because the engine package uses them across the package boundary.
 */
package com.propertyservice.advisor.engine.internal;
