package com.propertyservice.advisor.incident;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code POST /api/incidents/{id}/assign}: the username of who takes the incident on. */
record AssignRequest(@NotBlank @Size(max = 50) String assignee) {}
