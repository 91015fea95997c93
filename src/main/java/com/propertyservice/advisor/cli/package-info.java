/**
 * Command-line tools for trainers and their own automation, run without starting the web server:
 * {@code java -jar service-quality-advisor-exec.jar validate rules}.
 */
package com.propertyservice.advisor.cli;
