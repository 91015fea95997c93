package com.propertyservice.advisor.incident;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the service keeps the clock on incidents ({@code advisor.follow-through.*}).
 *
 * @param pollInterval how often each instance looks for reminders and breaches that fell due (a reminder goes at most
 *                     this late)
 * @param dueSoon      how far ahead "due soon" looks in a supervisor's queue
 * @param zone         where the working hours of {@code rules/calendar} are read: the estates' time zone (a reminder a
 *                     row keeps to working time waits for 08:30 there, whatever zone the server runs in)
 */
@ConfigurationProperties("advisor.follow-through")
record FollowThroughProperties(
        @DefaultValue("10s") Duration pollInterval,
        @DefaultValue("2h") Duration dueSoon,
        @DefaultValue("Asia/Shanghai") ZoneId zone) {}
