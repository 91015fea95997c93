/**
 * The fact model the rule files see: one {@link com.propertyservice.advisor.engine.fact.Assessment}
 * per evaluation, holding the incident (read only) and what the rules conclude. Rule authors import
 * this class and the engine's code enums, nothing else. Public because the code Drools generates
 * from the rules lives in packages of its own; the rule sandbox lets it call only the listed members.
 *
 * <p>Every method of {@code Assessment} that writes a fact other rules read (classification, kind,
 * day, fault, causes, flags) declares with {@code @Modifies} which property it changes and is called
 * inside {@code modify}, so that only rules that look at that property are re-evaluated (property
 * reactivity). Advice-only conclusions ({@code Assessment.OUTPUT_ONLY}) are written with a plain call
 * instead and no condition may read them, so they need no {@code @Modifies}.
 *
 * <p>Null-marked: a type without {@code @Nullable} is never null.
 */
@NullMarked
package com.propertyservice.advisor.engine.fact;

import org.jspecify.annotations.NullMarked;
