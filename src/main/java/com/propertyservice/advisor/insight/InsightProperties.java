package com.propertyservice.advisor.insight;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The training department's settings for the advice-effectiveness view ({@code advisor.insights.*}).
 *
 * @param reviewMinCount the fewest followed-up incidents a rule needs before it is listed for review
 *                       (a caller may ask for another with {@code minCount}); below it, one unlucky case
 *                       would put a rule on the list
 * @param reviewSize     how many rules the review list shows at most
 */
@ConfigurationProperties("advisor.insights")
record InsightProperties(
        @DefaultValue("10") int reviewMinCount,
        @DefaultValue("10") int reviewSize) {}
