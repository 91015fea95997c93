/**
 * Spring feature: advice over HTTP, incidents recorded with the advice they were given, follow-up
 * visits and the satisfaction gap. {@link com.propertyservice.advisor.incident.IncidentService} is
 * the entry point for Java callers (the pages); the controllers are thin HTTP adapters over it.
 */
package com.propertyservice.advisor.incident;
