/**
 * Spring feature: notifications through a durable outbox (contract 1.2, "Notifications").
 *
 * <p>The incident feature hands a {@link com.propertyservice.advisor.notify.Notification} to
 * {@link com.propertyservice.advisor.notify.NotificationOutbox#enqueue} inside its own transaction, so a reminder
 * recorded as fired and its notifications commit together or not at all. The outbox writes one row per channel: an
 * in-app notice (delivered when written; the supervisor's queue page reads it through
 * {@link com.propertyservice.advisor.notify.NotificationOutbox#inbox}) and one row per configured webhook
 * ({@code advisor.notify.webhooks[N]}, formats {@code generic}, {@code wecom}, {@code dingtalk}). A delivery worker
 * on every instance claims due webhook rows with one conditional update each, so no two instances send the same
 * row, posts them, and either marks them delivered or schedules the next attempt with capped exponential back-off.
 * Rows are never dropped; what happened to each is in
 * {@link com.propertyservice.advisor.notify.NotificationOutbox#deliveries} for the incident's timeline.
 * docs/architecture.md, "Notifications: a durable outbox", says why it is built this way.
 */
package com.propertyservice.advisor.notify;
