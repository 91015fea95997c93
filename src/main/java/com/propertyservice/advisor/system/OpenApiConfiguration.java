package com.propertyservice.advisor.system;

import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;

/**
 * The OpenAPI document at {@code /v3/api-docs}: the contract's endpoints with both ways to authenticate, and their
 * errors as problem details. The build lints it with Redocly's recommended rules (OpenApiDocumentTest).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    private static final String PROBLEM_SCHEMA = "ProblemDetail";
    private static final String MULTIPART = org.springframework.http.MediaType.MULTIPART_FORM_DATA_VALUE;
    private static final String JSON = org.springframework.http.MediaType.APPLICATION_JSON_VALUE;
    private static final String UNAUTHORIZED = "No or wrong credentials (`unauthorized`)";
    private static final String CROSS_ORIGIN =
            "a browser sent the request on behalf of another origin (`cross-origin-request`)";
    private static final Set<PathItem.HttpMethod> READS = Set.of(
            PathItem.HttpMethod.GET, PathItem.HttpMethod.HEAD, PathItem.HttpMethod.OPTIONS, PathItem.HttpMethod.TRACE);

    @Bean
    OpenAPI advisorOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Service-quality advisor API")
                        .version("1")
                        .description(
                                "Handling advice for property-service incidents and owner complaints. "
                                        + "Errors are RFC 9457 problem details; texts follow Accept-Language (zh-CN default, en).")
                        // the service is not published for others to use (src/test/tools/package.json: UNLICENSED)
                        .license(new License()
                                .name("Proprietary, all rights reserved")
                                .identifier("LicenseRef-Proprietary")))
                // relative: the document describes the instance that serves it, wherever that is deployed
                .addServersItem(new Server().url("/").description("The instance serving this document"))
                .components(new Components()
                        .addExamples("incident", example("lift outage, angry owner", "openapi/incident-example.json"))
                        .addExamples("follow-up", example("satisfied owner", "openapi/follow-up-example.json"))
                        .addSecuritySchemes(
                                "basic",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("basic"))
                        .addSecuritySchemes(
                                "apiKey",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.APIKEY)
                                        .in(SecurityScheme.In.HEADER)
                                        .name(ApiKeyAuthenticationFilter.HEADER)))
                .addSecurityItem(new SecurityRequirement().addList("basic"))
                .addSecurityItem(new SecurityRequirement().addList("apiKey"));
    }

    /**
     * What every operation shares, added here rather than on each method: all of {@code /api/**} needs credentials
     * (401), every write is refused for a cross-origin browser request (403, beside any 403 for the role that the
     * operation documents itself), and every 4xx an operation documents is a problem detail.
     */
    @Bean
    OpenApiCustomizer problemResponses() {
        return openApi -> {
            openApi.getComponents().addSchemas(PROBLEM_SCHEMA, problemSchema());
            openApi.getPaths()
                    .values()
                    .forEach(path -> path.readOperationsMap().forEach((method, operation) -> {
                        uploadsAreMultipart(operation);
                        ApiResponses responses = operation.getResponses();
                        if (!responses.containsKey("401")) {
                            responses.addApiResponse("401", new ApiResponse().description(UNAUTHORIZED));
                        }
                        if (!READS.contains(method)) {
                            ApiResponse forbidden = responses.get("403");
                            if (forbidden == null) {
                                responses.addApiResponse(
                                        "403", new ApiResponse().description("Refused: " + CROSS_ORIGIN));
                            } else if (!forbidden
                                    .getDescription()
                                    .contains(CROSS_ORIGIN)) { // the document is built per locale
                                forbidden.setDescription(forbidden.getDescription() + "; or " + CROSS_ORIGIN);
                            }
                        }
                        ApiResponses sorted = new ApiResponses();
                        responses.entrySet().stream()
                                .sorted(Map.Entry.comparingByKey())
                                .forEach(response -> {
                                    if (response.getKey().startsWith("4")) {
                                        response.getValue()
                                                .setContent(new Content()
                                                        .addMediaType(
                                                                "application/problem+json",
                                                                new MediaType()
                                                                        .schema(new Schema<>()
                                                                                .$ref("#/components/schemas/"
                                                                                        + PROBLEM_SCHEMA))));
                                    }
                                    sorted.addApiResponse(response.getKey(), response.getValue());
                                });
                        operation.setResponses(sorted);
                    }));
        };
    }

    /**
     * An upload operation names multipart/form-data in its annotation, but springdoc also infers an application/json
     * body holding the form's fields (the mappings take any content type, so that a request without a file gets a
     * problem rather than a 415); no JSON body is accepted, so the form's schema moves to the multipart entry.
     */
    private static void uploadsAreMultipart(Operation operation) {
        Content body = operation.getRequestBody() == null
                ? null
                : operation.getRequestBody().getContent();
        if (body != null && body.containsKey(MULTIPART) && body.containsKey(JSON)) {
            MediaType form = body.get(MULTIPART);
            if (form.getSchema() == null) {
                form.setSchema(body.get(JSON).getSchema());
            }
            body.remove(JSON);
        }
    }

    /** RFC 9457 with the members every problem of this service may carry (see {@link Problems}). */
    private static Schema<Object> problemSchema() {
        return new Schema<>()
                .types(Set.of("object"))
                .type("object")
                .description("An RFC 9457 problem detail. Some types add members, e.g. knownIssues, problems, rows.")
                .addProperty(
                        "type",
                        text("A stable URI naming the kind of problem, under " + Problems.TYPE_BASE)
                                .format("uri"))
                .addProperty("title", text("The kind of problem, in the caller's language"))
                .addProperty(
                        "status",
                        new Schema<>()
                                .types(Set.of("integer"))
                                .type("integer")
                                .format("int32")
                                .description("The HTTP status"))
                .addProperty("detail", text("What went wrong and how to fix it, in the caller's language"))
                .addProperty("instance", text("The request's path").format("uri-reference"))
                .addProperty("correlationId", text("The request's correlation id, also in the X-Correlation-Id header"))
                .addProperty(
                        "errors",
                        new Schema<>()
                                .types(Set.of("array"))
                                .type("array")
                                .description("For a bad request: what is wrong with each field or parameter")
                                .items(new Schema<>()
                                        .types(Set.of("object"))
                                        .type("object")
                                        .addProperty("field", text("The field's path in the request, or the parameter"))
                                        .addProperty("message", text("Why it is wrong, in the caller's language"))))
                .required(List.of("type", "title", "status"));
    }

    private static Schema<Object> text(String description) {
        return new Schema<>().types(Set.of("string")).type("string").description(description);
    }

    /** Example bodies live in resources (they are sample data in Chinese, not code). */
    private static Example example(String summary, String resource) {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            return new Example().summary(summary).value(Json.mapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("missing OpenAPI example " + resource, e);
        }
    }
}
