package com.propertyservice.advisor.incident;

import java.util.List;

/**
 * How the notifications of an incident fared, for its timeline. Implemented where notifications are delivered (the
 * incident feature does not depend on how), absent when nothing delivers them.
 */
public interface NoticeDeliveries {

    /** One line per notification channel of the incident, e.g. "webhook wecom: delivered after 2 attempts". */
    List<TimelineEvent> of(long incident);
}
