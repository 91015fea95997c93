package com.propertyservice.advisor.incident;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * {@code GET /api/incidents?due=…}: open deadlines, soonest first, and the time they were measured against.
 *
 * @param now       the service's clock when the list was made
 * @param deadlines the deadlines, at most {@link FollowThroughService#MAX_DUE}
 */
public record DueList(OffsetDateTime now, List<DueDeadline> deadlines) {}
