package com.propertyservice.advisor.kano;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits of a survey upload ({@code advisor.kano.*}).
 *
 * @param maxRows            the most answer rows one file may have (100,000 is about 3,800 respondents × 26 items)
 * @param maxUnreadableShare the share of rows that may be unreadable before the file is refused as a whole:
 *                           beyond it the file is more likely the wrong one, or coded differently (0..4, 1..7),
 *                           than a few typos, and analysing the rest would mislead
 */
@ConfigurationProperties("advisor.kano")
record KanoProperties(
        @DefaultValue("100000") int maxRows,
        @DefaultValue("0.1") double maxUnreadableShare) {}
