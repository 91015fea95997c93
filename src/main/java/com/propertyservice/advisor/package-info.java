/**
 * The service-quality advisor. {@code engine} is the plain-Java heart; the Spring features
 * ({@code incident}, {@code ruleset}, {@code web}, {@code system}) stand on it and never the other way.
 */
package com.propertyservice.advisor;
