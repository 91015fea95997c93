package com.propertyservice.advisor;

/** Request bodies shared by the service tests; they use only the sample rule set's issue keys. */
public final class TestIncidents {

    public static final String API_KEY = "test-key-0123456789";
    public static final String ADMIN_PASSWORD = "Root-Test-Passw0rd-1";

    /** A valid incident: an angry owner, the lift down again; expectation 4, perception 1. */
    public static final String LIFT_OUTAGE = """
            {"externalId":"CRM-1","channel":"PHONE","community":"阳光花园","serviceArea":"ENGINEERING",
             "issue":"lift-outage","summary":"电梯又坏了，我家老人上不了楼！",
             "complainant":{"role":"OWNER","emotion":"ANGRY"},"occurrences":2,"expectation":4,"perception":1}""";

    /** A valid incident without expectation or perception: a rude guard. */
    public static final String STAFF_ATTITUDE = """
            {"channel":"WALK_IN","community":"翠湖苑","serviceArea":"SECURITY","issue":"staff-attitude",
             "summary":"门岗保安说话很冲","complainant":{"role":"TENANT","emotion":"CALM"}}""";

    private TestIncidents() {}

    /** {@link #LIFT_OUTAGE} with one top-level field replaced or added (value is raw JSON). */
    public static String liftOutageWith(String field, String rawValue) {
        String compact = LIFT_OUTAGE.replace("\n", "").trim();
        String pattern = "\"" + field + "\":";
        int at = compact.indexOf(pattern);
        if (at < 0) {
            return compact.substring(0, compact.length() - 1) + "," + pattern + rawValue + "}";
        }
        int start = at + pattern.length();
        int end = start;
        int depth = 0;
        boolean inString = false;
        for (; end < compact.length(); end++) {
            char c = compact.charAt(end);
            if (c == '"' && (end == 0 || compact.charAt(end - 1) != '\\')) {
                inString = !inString;
            } else if (!inString && (c == '{' || c == '[')) {
                depth++;
            } else if (!inString && (c == '}' || c == ']')) {
                if (depth == 0) {
                    break;
                }
                depth--;
            } else if (!inString && c == ',' && depth == 0) {
                break;
            }
        }
        return compact.substring(0, start) + rawValue + compact.substring(end);
    }

    /** {@link #LIFT_OUTAGE} without a top-level field. */
    public static String liftOutageWithout(String field) {
        String marked = liftOutageWith(field, "\"__REMOVE__\"");
        return marked.replace(",\"" + field + "\":\"__REMOVE__\"", "").replace("\"" + field + "\":\"__REMOVE__\",", "");
    }
}
