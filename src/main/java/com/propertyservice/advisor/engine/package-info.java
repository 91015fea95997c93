/**
 * The advisor's public, plain-Java API: {@link com.propertyservice.advisor.engine.Advisor}, the
 * {@link com.propertyservice.advisor.engine.Incident} that comes in, the
 * {@link com.propertyservice.advisor.engine.Advice} that goes out, and the codes of the contract.
 * No Spring, JPA or Jackson here (ArchitectureTest keeps it so), so the same jar embeds anywhere.
 */
package com.propertyservice.advisor.engine;
