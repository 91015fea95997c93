/**
 * Spring feature: advice over HTTP, incidents recorded with the advice they were given, follow-up
 * visits and the satisfaction gap, follow-through (deadlines, reminders, breaches), and the supervisor's pages:
 * the new-incident form with its advice, the incident list and page, the queue and the satisfaction dashboard
 * (templates in {@code templates/incident/}). {@link com.propertyservice.advisor.incident.IncidentService} is
 * the entry point for Java callers; the controllers, pages included, are thin adapters over it.
 */
package com.propertyservice.advisor.incident;
