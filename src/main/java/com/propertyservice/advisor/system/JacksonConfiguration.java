package com.propertyservice.advisor.system;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.propertyservice.advisor.engine.Language;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.module.SimpleModule;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * JSON details the engine cannot declare itself (it has no Jackson): a {@link Language} is written
 * and read as its contract tag ({@code zh-CN}, {@code en}), not as the constant's name; a
 * {@link Duration} of whole days is written as the contract writes it ({@code P3D}, not {@code PT72H});
 * a timestamp keeps the offset it was given ({@code 05:50+08:00} stays 05:50, never 21:50 UTC, because
 * time rules read the incident's local hour), and one without an offset is read in
 * {@code advisor.default-zone}.
 */
@Configuration(proxyBeanMethods = false)
class JacksonConfiguration {

    @Bean
    JsonMapperBuilderCustomizer contractTags(AdvisorProperties properties) {
        return builder -> builder.addMixIn(Language.class, LanguageMixin.class)
                .disable(DateTimeFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .addModule(new SimpleModule("contract-durations").addSerializer(Duration.class, new DaysFirstDurationSerializer()))
                .addModule(new SimpleModule("local-timestamps")
                        .addDeserializer(OffsetDateTime.class, new OffsetKeepingDeserializer(properties.defaultZone())));
    }

    /**
     * An ISO-8601 timestamp with its offset as given, or a local one ({@code 2026-05-12T05:50:00})
     * placed in the default zone. Anything else is the caller's mistake, reported on the field.
     */
    static final class OffsetKeepingDeserializer extends ValueDeserializer<OffsetDateTime> {

        private final ZoneId zone;

        OffsetKeepingDeserializer(ZoneId zone) {
            this.zone = zone;
        }

        @Override
        public OffsetDateTime deserialize(JsonParser p, DeserializationContext ctxt) {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return (OffsetDateTime) ctxt.handleUnexpectedToken(OffsetDateTime.class, p);
            }
            String text = p.getString().strip();
            try {
                return OffsetDateTime.parse(text);
            } catch (DateTimeParseException withoutOffset) {
                try {
                    return LocalDateTime.parse(text).atZone(zone).toOffsetDateTime();
                } catch (DateTimeParseException e) {
                    throw ctxt.weirdStringException(text, OffsetDateTime.class,
                            "not an ISO-8601 timestamp such as 2026-05-12T05:50:00+08:00");
                }
            }
        }
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
