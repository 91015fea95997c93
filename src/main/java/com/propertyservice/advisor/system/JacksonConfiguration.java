package com.propertyservice.advisor.system;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.propertyservice.advisor.engine.Language;
import com.propertyservice.advisor.engine.Problem;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.Temporal;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextHolder;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.cfg.MutableCoercionConfig;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.deser.std.StdDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * Strict scalars in requests, and JSON details the engine cannot declare itself (it has no Jackson): a {@link Language} is written
 * and read as its contract tag ({@code zh-CN}, {@code en}), not as the constant's name; a
 * {@link Duration} of whole days is written as the contract writes it ({@code P3D}, not {@code PT72H});
 * a timestamp keeps the offset it was given ({@code 05:50+08:00} stays 05:50, never 21:50 UTC, because
 * time rules read the incident's local hour), and one without an offset is read in
 * {@code advisor.default-zone}.
 */
@Configuration(proxyBeanMethods = false)
class JacksonConfiguration {

    /**
     * Scalars as the contract types them, nothing guessed: no number for an enum ({@code "channel": 1}), no
     * fraction for an integer ({@code 3.7}), no number or string for a boolean ({@code 1}, {@code "true"}), no
     * string for a number ({@code "3"}), no number for a timestamp. Each is a 400 naming the field.
     */
    @Bean
    JsonMapperBuilderCustomizer strictScalars() {
        return builder -> builder.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .withCoercionConfig(
                        LogicalType.Integer,
                        refuse(CoercionInputShape.Float, CoercionInputShape.String, CoercionInputShape.Boolean))
                .withCoercionConfig(LogicalType.Float, refuse(CoercionInputShape.String, CoercionInputShape.Boolean))
                .withCoercionConfig(
                        LogicalType.Boolean,
                        refuse(CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.String))
                .withCoercionConfig(LogicalType.Enum, refuse(CoercionInputShape.Integer, CoercionInputShape.Float))
                .withCoercionConfig(LogicalType.DateTime, refuse(CoercionInputShape.Integer, CoercionInputShape.Float))
                // the java.time readers take a number as epoch seconds whatever the coercion settings say
                .addModule(new SimpleModule("timestamps-as-text")
                        .setDeserializerModifier(new ValueDeserializerModifier() {
                            @Override
                            public ValueDeserializer<?> modifyDeserializer(
                                    DeserializationConfig config,
                                    BeanDescription.Supplier bean,
                                    ValueDeserializer<?> deserializer) {
                                return Temporal.class.isAssignableFrom(bean.getBeanClass())
                                        ? new TextOnly(deserializer)
                                        : deserializer;
                            }
                        }));
    }

    /** A timestamp must be written as text (ISO-8601); a number is refused, naming the field. */
    static final class TextOnly extends DelegatingDeserializer {

        TextOnly(ValueDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
            return new TextOnly(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) {
            if (parser.currentToken() != null && parser.currentToken().isNumeric()) {
                return context.handleUnexpectedToken(handledType(), parser);
            }
            return _delegatee.deserialize(parser, context);
        }
    }

    private static Consumer<MutableCoercionConfig> refuse(CoercionInputShape... shapes) {
        return config -> {
            for (CoercionInputShape shape : shapes) {
                config.setCoercion(shape, CoercionAction.Fail);
            }
        };
    }

    @Bean
    JsonMapperBuilderCustomizer contractTags(AdvisorProperties properties) {
        return builder -> builder.addMixIn(Language.class, LanguageMixin.class)
                .disable(DateTimeFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .addModule(new SimpleModule("contract-durations")
                        .addSerializer(Duration.class, new DaysFirstDurationSerializer()))
                .addModule(new SimpleModule("local-timestamps")
                        .addDeserializer(OffsetDateTime.class, new OffsetKeepingDeserializer(properties.defaultZone())))
                .addModule(new SimpleModule("rule-problems")
                        .addSerializer(Problem.class, new ProblemSerializer())
                        .addDeserializer(Problem.class, new ProblemDeserializer()));
    }

    /**
     * An ISO-8601 timestamp with its offset as given, or a local one ({@code 2026-05-12T05:50:00})
     * placed in the default zone. Anything else is the caller's mistake, reported on the field.
     */
    static final class OffsetKeepingDeserializer extends StdDeserializer<OffsetDateTime> {

        private final ZoneId zone;

        OffsetKeepingDeserializer(ZoneId zone) {
            super(OffsetDateTime.class); // a handled type, so the strict-scalar wrapper can wrap it
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
                    throw ctxt.weirdStringException(
                            text, OffsetDateTime.class, "not an ISO-8601 timestamp such as 2026-05-12T05:50:00+08:00");
                }
            }
        }
    }

    /**
     * A rule-set problem as the contract has it ({@code file, line, column, rule, message}), the
     * message in the request's language, and beside it {@code messages} in every language it was
     * written in (so a stored history entry keeps both).
     */
    static final class ProblemSerializer extends ValueSerializer<Problem> {
        @Override
        public void serialize(Problem value, JsonGenerator gen, SerializationContext ctxt) {
            gen.writeStartObject();
            gen.writeStringProperty("file", value.file());
            if (value.line() == null) {
                gen.writeNullProperty("line");
            } else {
                gen.writeNumberProperty("line", value.line());
            }
            gen.writeStringProperty("column", value.column());
            gen.writeStringProperty("rule", value.rule());
            gen.writeStringProperty("message", value.message(Language.of(LocaleContextHolder.getLocale())));
            if (!value.messages().isEmpty()) {
                gen.writeObjectPropertyStart("messages");
                value.messages().forEach((language, text) -> gen.writeStringProperty(language.tag(), text));
                gen.writeEndObject();
            }
            gen.writeEndObject();
        }
    }

    /** Reads what {@link ProblemSerializer} wrote (history entries); the English message is the canonical one. */
    static final class ProblemDeserializer extends ValueDeserializer<Problem> {
        @Override
        public Problem deserialize(JsonParser parser, DeserializationContext context) {
            JsonNode node = context.readTree(parser);
            Map<Language, String> messages = new EnumMap<>(Language.class);
            node.path("messages").properties().forEach(entry -> {
                Language language = Language.ofTag(entry.getKey());
                if (language != null) {
                    messages.put(language, entry.getValue().asString());
                }
            });
            String message = messages.getOrDefault(Language.EN, text(node, "message"));
            return new Problem(
                    text(node, "file"),
                    node.path("line").isNumber() ? node.path("line").asInt() : null,
                    text(node, "column"),
                    text(node, "rule"),
                    message,
                    messages);
        }

        private static String text(JsonNode node, String name) {
            JsonNode value = node.path(name);
            return value.isNull() || value.isMissingNode() ? null : value.asString();
        }
    }

    /** ISO-8601 with whole days as days: P1D, P3D; PT30M and PT4H as Java writes them. */
    static String contractForm(Duration duration) {
        if (!duration.isZero()
                && !duration.isNegative()
                && duration.toSeconds() % 86_400 == 0
                && duration.getNano() == 0) {
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
