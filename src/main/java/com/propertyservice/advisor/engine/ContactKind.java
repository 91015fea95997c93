package com.propertyservice.advisor.engine;

/**
 * What a contact is (contract 1.1 {@code kind}). The rules may raise a complaint, request or
 * inspection to an {@link #EMERGENCY} (a gas smell, a person trapped, a fire, an injury), never
 * lower an emergency.
 */
public enum ContactKind {
    /** Someone is dissatisfied with something and says so. */
    COMPLAINT,
    /** People or property are in danger now. */
    EMERGENCY,
    /** Someone asks for a service (a repair, a gate opened, a document). */
    REQUEST,
    /** Someone proposes an improvement; nothing is wrong yet. */
    SUGGESTION,
    /** Someone thanks or commends the service or a member of staff. */
    PRAISE,
    /** Found by our own patrol or inspection; nobody complained. */
    INSPECTION
}
