package com.propertyservice.advisor.incident;

import java.util.List;

/**
 * One page of incidents, newest first.
 *
 * @param content       the incidents on this page
 * @param page          the page number, from 0
 * @param size          the page size asked for
 * @param totalElements incidents matching the filters
 * @param totalPages    pages at this size
 */
public record IncidentPage(List<IncidentSummary> content, int page, int size, long totalElements, int totalPages) {}
