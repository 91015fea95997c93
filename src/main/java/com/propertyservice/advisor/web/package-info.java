/**
 * What every page shares, whichever feature serves it: the log-in and "denied" pages, the error page for a failure
 * on any page ({@link com.propertyservice.advisor.web.PageErrorAdvice}, for this package and every
 * {@link com.propertyservice.advisor.web.ServesPages} controller), formatting for templates
 * ({@code @pageFormat}) and the page language (Chinese by default, English with {@code ?lang=en}, remembered in a
 * cookie). The layout and these pages' templates sit at the top of {@code templates/}.
 *
 * <p>The pages themselves live with their features, as their templates do under {@code templates/<feature>/}:
 * the supervisor's incident pages, queue and dashboard in {@code incident}, the trainers' page in
 * {@code ruleset}, the Kano survey pages in {@code kano}, the insights page in {@code insight}. Server-side
 * Thymeleaf over the same services as the REST API; charts are drawn in the browser by ECharts served from the
 * application's own webjar, so no page loads anything from elsewhere.
 */
package com.propertyservice.advisor.web;
