package com.propertyservice.advisor.incident;

/** Example bodies from the contract, shown in the OpenAPI document and Swagger UI. */
final class ApiExamples {

    static final String INCIDENT = """
            {
              "externalId": "CRM-2025-0042",
              "channel": "PHONE",
              "community": "阳光花园",
              "serviceArea": "ENGINEERING",
              "issue": "lift-outage",
              "summary": "电梯又坏了，我家老人上不了楼！",
              "causedBy": "PROPERTY_SERVICE",
              "complainant": { "role": "OWNER", "emotion": "ANGRY", "vulnerable": true, "previousComplaints": 1 },
              "promise": { "made": true, "kept": false, "dueAt": "2025-06-01T18:00:00+08:00" },
              "occurrences": 2,
              "safetyRisk": false,
              "affectedHouseholds": 40,
              "expectation": 4,
              "perception": 1
            }""";

    static final String FOLLOW_UP = """
            { "perception": 4, "expectation": 4, "comment": "电梯修好了，维修师傅态度很好" }""";

    private ApiExamples() {
    }
}
