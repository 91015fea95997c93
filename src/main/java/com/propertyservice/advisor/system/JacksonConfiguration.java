package com.propertyservice.advisor.system;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.propertyservice.advisor.engine.Language;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * JSON details the engine cannot declare itself (it has no Jackson): a {@link Language} is written
 * and read as its contract tag ({@code zh-CN}, {@code en}), not as the constant's name.
 */
@Configuration(proxyBeanMethods = false)
class JacksonConfiguration {

    @Bean
    JsonMapperBuilderCustomizer contractTags() {
        return builder -> builder.addMixIn(Language.class, LanguageMixin.class);
    }

    abstract static class LanguageMixin {

        @JsonValue
        abstract String tag();

        @JsonCreator
        static Language ofTag(String tag) {
            return Language.ofTag(tag);
        }
    }
}
