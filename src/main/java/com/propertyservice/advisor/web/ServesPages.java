package com.propertyservice.advisor.web;

/**
 * Marks a controller outside this package that renders pages (a feature keeps its pages beside
 * it): its failures become the error page, as this package's do, instead of a problem detail.
 */
public interface ServesPages {}
