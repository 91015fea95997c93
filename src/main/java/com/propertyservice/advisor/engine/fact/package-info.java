/**
 * The fact model the rule files see: one {@link com.propertyservice.advisor.engine.fact.Assessment}
 * per evaluation, holding the incident (read only) and what the rules conclude. Rule authors import
 * this class and the engine's code enums, nothing else.
 *
 * <p>Every method of {@code Assessment} that a rule calls inside {@code modify} declares with
 * {@code @Modifies} which property it changes, so that only rules that look at that property are
 * re-evaluated (property reactivity); a rule therefore never re-triggers itself by adding advice.
 */
package com.propertyservice.advisor.engine.fact;
