/**
 * The service as a child JVM started from the packaged jar ({@link com.propertyservice.advisor.process.ServiceProcess}),
 * and the integration tests that need a real process: killed with {@code kill -9}, restarted on the same data,
 * later also on PostgreSQL and as two instances side by side. Run by failsafe ({@code *IT}) after {@code package}.
 */
package com.propertyservice.advisor.process;
