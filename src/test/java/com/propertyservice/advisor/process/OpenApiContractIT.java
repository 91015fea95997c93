package com.propertyservice.advisor.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.propertyservice.advisor.TestIncidents;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * 10,000 requests generated from the service's own OpenAPI document ({@code /v3/api-docs}), sent through the
 * balancer to the two instances on PostgreSQL ({@link MultiInstanceCluster}): for every operation, bodies built
 * from its schema (valid, and with fields missing, of the wrong type, too long, out of range, unknown, control
 * and bidi characters, broken JSON, the wrong content type), path and query values within and outside their
 * schema, and each kind of caller (an API key, an administrator, none, a wrong key). Each answer must be below
 * 500, and every 4xx an RFC 9457 problem ({@code application/problem+json} with type, title and status).
 *
 * <p>Operations that would stop the run are held back, not skipped: the administrator's own password and a
 * disabling of {@code admin} get other names, and rule changes (reload, publish, roll back, validate) are sent
 * with every caller but the administrator, because each accepted one compiles a whole rule set for a second.
 */
class OpenApiContractIT {

    static final int REQUESTS = 10_000;
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    static final String ALPHABET = "abcxyz019 -_./:阳光花园电梯\u00e9\u0000\u0007\u202e\u200b\ud83d\ude00\ud800\"'\\<>%{}";

    record Operation(String method, String path, JsonNode operation) {
        boolean changesRules() {
            return path.startsWith("/api/rules") && !method.equals("GET");
        }
    }

    record Call(Operation operation, String url, String contentType, String body, String auth) {}

    static MultiInstanceCluster cluster;
    static JsonNode document;
    static List<Operation> operations;
    static final Map<String, AtomicInteger> statuses = new ConcurrentHashMap<>();
    static final AtomicInteger sent = new AtomicInteger();
    final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @BeforeContainer
    static void readTheContract() throws Exception {
        cluster = MultiInstanceCluster.shared();
        HttpResponse<String> docs = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(cluster.balancerUrl() + "/v3/api-docs"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(docs.statusCode()).isEqualTo(200);
        document = JSON.readTree(docs.body());
        operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
                operations.add(new Operation(method.getKey().toUpperCase(), path.getKey(), method.getValue()));
            }
        }
        assertThat(operations).as("operations in /v3/api-docs").hasSizeGreaterThan(10);
    }

    @AfterContainer
    static void report() {
        System.out.println("[openapi] " + sent.get() + " generated requests over " + operations.size()
                + " operations through the balancer; answers by status: "
                + new TreeMap<>(Map.copyOf(statuses.entrySet().stream()
                        .collect(Collectors.toMap(
                                Map.Entry::getKey, e -> e.getValue().get())))));
    }

    @Property(tries = REQUESTS, shrinking = ShrinkingMode.OFF, seed = "20261201")
    void everyAnswerIsBelow500AndEvery4xxIsAProblem(@ForAll("calls") Call call) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(call.url()))
                .timeout(Duration.ofSeconds(30))
                .method(
                        call.operation().method(),
                        call.body() == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(call.body(), StandardCharsets.UTF_8));
        if (call.contentType() != null) {
            request.header("Content-Type", call.contentType());
        }
        if (call.auth() != null) {
            String[] header = call.auth().split(": ", 2);
            request.header(header[0], header[1]);
        }
        HttpResponse<String> answer =
                http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        sent.incrementAndGet();
        statuses.computeIfAbsent(String.valueOf(answer.statusCode()), k -> new AtomicInteger())
                .incrementAndGet();
        String what = call.operation().method() + " " + call.url() + " (" + call.contentType() + ", " + call.auth()
                + ") "
                + (call.body() == null
                        ? ""
                        : call.body().substring(0, Math.min(300, call.body().length())))
                + " → " + answer.statusCode() + " "
                + answer.body().substring(0, Math.min(300, answer.body().length()));
        assertThat(answer.statusCode()).as(what).isLessThan(500);
        if (answer.statusCode() >= 400) {
            assertThat(answer.headers().firstValue("Content-Type").orElse(""))
                    .as(what)
                    .startsWith("application/problem+json");
            JsonNode problem = JSON.readTree(answer.body());
            assertThat(problem.hasNonNull("type")
                            && problem.hasNonNull("title")
                            && problem.get("status").asInt() == answer.statusCode())
                    .as(what)
                    .isTrue();
        }
    }

    @Provide
    Arbitrary<Call> calls() {
        return Arbitraries.randomValue(this::call);
    }

    Call call(Random random) {
        Operation op = operations.get(random.nextInt(operations.size()));
        String path = op.path();
        StringBuilder query = new StringBuilder();
        for (JsonNode parameter : op.operation().path("parameters")) {
            JsonNode schema = resolve(parameter.path("schema"));
            String name = parameter.path("name").asString();
            String in = parameter.path("in").asString();
            String value = scalar(schema, random, name);
            if (in.equals("path")) {
                if ((name.equals("username") || name.equals("version")) && value.equalsIgnoreCase("admin")) {
                    value = "someone";
                }
                path = path.replace(
                        "{" + name + "}",
                        value.isEmpty()
                                ? "x"
                                : URLEncoder.encode(value, StandardCharsets.UTF_8)
                                        .replace("+", "%20"));
            } else if (in.equals("query") && random.nextInt(3) > 0) {
                query.append(query.isEmpty() ? "?" : "&")
                        .append(name)
                        .append('=')
                        .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        }
        String contentType = null;
        String body = null;
        JsonNode content = op.operation().path("requestBody").path("content");
        if (content.has("application/json")) {
            contentType = "application/json";
            body = JSON.writeValueAsString(
                    value(resolve(content.get("application/json").path("schema")), random, 0));
            int damage = random.nextInt(100);
            if (damage < 3) {
                body = body.substring(0, random.nextInt(Math.max(1, body.length()))); // broken JSON
            } else if (damage < 5) {
                contentType = "text/plain";
            } else if (damage < 6) {
                body = "";
            }
        } else if (content.has("multipart/form-data")) {
            contentType = "multipart/form-data; boundary=fuzz";
            body = "--fuzz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + text(random, 20)
                    + ".drl\"\r\n\r\n" + text(random, 200) + "\r\n--fuzz--\r\n";
        }
        List<String> callers = new ArrayList<>(
                List.of("X-API-Key: " + TestIncidents.API_KEY, "X-API-Key: wrong-" + random.nextInt(1000), "none"));
        if (!op.changesRules()) {
            callers.add("Authorization: " + RulePublisher.basic("admin", TestIncidents.ADMIN_PASSWORD));
            callers.add("Authorization: " + RulePublisher.basic("admin", TestIncidents.ADMIN_PASSWORD));
        }
        String auth = callers.get(random.nextInt(callers.size()));
        return new Call(op, cluster.balancerUrl() + path + query, contentType, body, auth.equals("none") ? null : auth);
    }

    JsonNode resolve(JsonNode schema) {
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asString().replace("#/components/schemas/", "");
            return resolve(document.path("components").path("schemas").path(name));
        }
        for (String any : List.of("oneOf", "anyOf", "allOf")) {
            if (schema.has(any) && schema.get(any).size() > 0) {
                return resolve(schema.get(any).get(0));
            }
        }
        return schema;
    }

    static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!t.asString().equals("null")) {
                    return t.asString();
                }
            }
        }
        if (type.isString()) {
            return type.asString();
        }
        return schema.has("properties") ? "object" : schema.has("items") ? "array" : "string";
    }

    JsonNode value(JsonNode schema, Random random, int depth) {
        schema = resolve(schema);
        if (random.nextInt(100) < 4 || depth > 5) {
            return wrongType(random);
        }
        if (schema.has("enum")) {
            return random.nextInt(10) == 0
                    ? NODES.stringNode(text(random, 8))
                    : schema.get("enum").get(random.nextInt(schema.get("enum").size()));
        }
        switch (type(schema)) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                List<String> required = new ArrayList<>();
                schema.path("required").forEach(r -> required.add(r.asString()));
                for (Map.Entry<String, JsonNode> property :
                        schema.path("properties").properties()) {
                    boolean wanted =
                            required.contains(property.getKey()) ? random.nextInt(100) < 97 : random.nextBoolean();
                    if (wanted) {
                        object.set(property.getKey(), value(property.getValue(), random, depth + 1));
                    }
                }
                if (random.nextInt(100) < 3) {
                    object.put(text(random, 10), text(random, 10));
                }
                return object;
            }
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    array.add(value(schema.path("items"), random, depth + 1));
                }
                return array;
            }
            case "integer", "number" -> {
                long min = schema.path("minimum").asLong(-5);
                long max = schema.path("maximum").asLong(min + 10);
                int pick = random.nextInt(10);
                return pick == 0
                        ? NODES.numberNode(Long.MAX_VALUE)
                        : pick == 1
                                ? NODES.numberNode(min - 1)
                                : pick == 2
                                        ? NODES.numberNode(max + 1)
                                        : NODES.numberNode(min
                                                + (long) random.nextInt(
                                                        (int) Math.min(1000, Math.max(1, max - min + 1))));
            }
            case "boolean" -> {
                return NODES.booleanNode(random.nextBoolean());
            }
            default -> {
                return NODES.stringNode(scalar(schema, random, ""));
            }
        }
    }

    String scalar(JsonNode schema, Random random, String name) {
        if (schema.has("enum") && random.nextInt(5) > 0) {
            return schema.get("enum")
                    .get(random.nextInt(schema.get("enum").size()))
                    .asString();
        }
        String type = type(schema);
        if (type.equals("integer") || type.equals("number")) {
            int pick = random.nextInt(8);
            return pick == 0
                    ? "-1"
                    : pick == 1
                            ? "99999999999999999999"
                            : pick == 2 ? text(random, 4) : String.valueOf(random.nextInt(60));
        }
        if (type.equals("boolean")) {
            return random.nextBoolean() ? "true" : text(random, 3);
        }
        String format = schema.path("format").asString("");
        if (format.equals("date-time")) {
            return random.nextInt(5) == 0
                    ? text(random, 12)
                    : OffsetDateTime.now(ZoneOffset.ofHours(8))
                            .plusMinutes(random.nextInt(20_000) - 19_000)
                            .toString();
        }
        if (format.equals("date")) {
            return random.nextInt(5) == 0
                    ? text(random, 10)
                    : "2026-" + (1 + random.nextInt(12)) + "-" + (1 + random.nextInt(28));
        }
        int max = schema.path("maxLength").asInt(120);
        int length = random.nextInt(10) == 0
                ? max + 1 + random.nextInt(50)
                : random.nextInt(Math.max(1, Math.min(max, 120)) + 1);
        if (name.equals("issue") || random.nextInt(4) == 0) {
            return List.of("lift-outage", "staff-attitude", "noise", "not-an-issue", "LIFT_OUTAGE")
                    .get(random.nextInt(5));
        }
        return text(random, length);
    }

    static JsonNode wrongType(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.numberNode(random.nextInt());
            case 2 -> NODES.numberNode(random.nextDouble() * 1e6);
            case 3 -> NODES.booleanNode(random.nextBoolean());
            case 4 -> NODES.arrayNode().add(random.nextInt());
            default -> NODES.objectNode().put("x", "y");
        };
    }

    static String text(Random random, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return text.toString();
    }
}
