package com.propertyservice.advisor.system;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.propertyservice.advisor.engine.Language;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;

import java.time.Duration;

/**
 * JSON details the engine cannot declare itself (it has no Jackson): a {@link Language} is written
 * and read as its contract tag ({@code zh-CN}, {@code en}), not as the constant's name; a
 * {@link Duration} of whole days is written as the contract writes it ({@code P3D}, not {@code PT72H}).
 */
@Configuration(proxyBeanMethods = false)
class JacksonConfiguration {

    @Bean
    JsonMapperBuilderCustomizer contractTags() {
        return builder -> builder.addMixIn(Language.class, LanguageMixin.class)
                .addModule(new SimpleModule("contract-durations").addSerializer(Duration.class, new DaysFirstDurationSerializer()));
    }

    /** ISO-8601 with whole days as days: P1D, P3D; PT30M and PT4H as Java writes them. */
    static String contractForm(Duration duration) {
        if (!duration.isZero() && !duration.isNegative() && duration.toSeconds() % 86_400 == 0 && duration.getNano() == 0) {
            return "P" + duration.toDays() + "D";
        }
        return duration.toString();
    }

    static final class DaysFirstDurationSerializer extends ValueSerializer<Duration> {
        @Override
        public void serialize(Duration value, JsonGenerator gen, SerializationContext ctxt) {
            gen.writeString(contractForm(value));
        }
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
