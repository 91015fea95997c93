package com.propertyservice.advisor.notify;

/**
 * Where a row stands. There is no "failed for good": a webhook row that keeps failing stays {@code PENDING} and is
 * retried at the longest back-off for as long as it fails, with its attempts and last error visible (timeline,
 * {@code advisor.notifications.pending}); dropping it would lose a breach nobody heard of.
 */
public enum DeliveryStatus {
    PENDING,
    DELIVERED
}
