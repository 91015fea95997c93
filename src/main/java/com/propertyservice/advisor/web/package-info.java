/**
 * The pages people use in a browser: log-in, the supervisor's new-incident form with its advice,
 * the incident list and page with follow-ups, the supervisor's queue and the incident's follow-through
 * (deadlines, acknowledge / assign / resolve, timeline), the satisfaction dashboard and the trainers' rule
 * administration. Server-side Thymeleaf over the same services as the REST API; charts are drawn in
 * the browser by ECharts served from the application's own webjar, so no page loads anything from
 * elsewhere. Chinese by default, English with {@code ?lang=en} (remembered in a cookie).
 */
package com.propertyservice.advisor.web;
