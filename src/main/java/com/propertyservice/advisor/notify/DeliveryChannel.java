package com.propertyservice.advisor.notify;

/** Where one outbox row goes. */
public enum DeliveryChannel {
    /** the supervisor's queue page; delivered when written */
    IN_APP,
    /** one configured webhook ({@code advisor.notify.webhooks[N]}), by its name */
    WEBHOOK
}
