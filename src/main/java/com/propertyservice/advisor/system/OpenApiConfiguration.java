package com.propertyservice.advisor.system;

import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The OpenAPI document at {@code /v3/api-docs}: the contract's endpoints with both ways to authenticate. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI advisorOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Service-quality advisor API").version("1")
                        .description("Handling advice for property-service incidents and owner complaints. "
                                + "Errors are RFC 9457 problem details; texts follow Accept-Language (zh-CN default, en)."))
                .components(new Components()
                        .addExamples("incident", example("lift outage, angry owner", "openapi/incident-example.json"))
                        .addExamples("follow-up", example("satisfied owner", "openapi/follow-up-example.json"))
                        .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"))
                        .addSecuritySchemes("apiKey", new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.HEADER).name(ApiKeyAuthenticationFilter.HEADER)))
                .addSecurityItem(new SecurityRequirement().addList("basic"))
                .addSecurityItem(new SecurityRequirement().addList("apiKey"));
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
