/**
 * Spring feature: which advice works. From recorded incidents and their return visits it counts the
 * satisfaction gap (perception − expectation) and the share of satisfied complainants per rule that
 * fired, principle, action and kind of contact, per rule-set version, with Wilson intervals, and lists
 * the rules most often followed by a negative gap for the training department to review. An index of
 * the followed-up incidents ({@link com.propertyservice.advisor.insight.InsightIndex}) lets SQL do the
 * counting; {@link com.propertyservice.advisor.insight.InsightService} serves the REST API and the page.
 */
package com.propertyservice.advisor.insight;
