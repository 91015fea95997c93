package com.propertyservice.advisor.incident;

import jakarta.validation.constraints.Size;

/** {@code POST /api/incidents/{id}/resolve}: what was done; {@code /reopen}: what is still wrong (optional both). */
record ResolveRequest(@Size(max = 2000) String note) {}
