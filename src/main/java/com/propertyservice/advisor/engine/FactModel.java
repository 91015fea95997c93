package com.propertyservice.advisor.engine;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The fact model the rules work on: the engine's enums, by simple name, and the package the fact
 * types live in. What compiled rule code may call is in {@link AllowList}.
 */
final class FactModel {

    /** The engine's enums, by simple name, for the table checks' coverage of enum inputs. */
    static final Map<String, Class<? extends Enum<?>>> ENUMS = Stream.<Class<? extends Enum<?>>>of(
                    CausedBy.class,
                    Channel.class,
                    ComplainantRole.class,
                    ComplaintCause.class,
                    Emotion.class,
                    Escalation.class,
                    HandlingStep.class,
                    KanoFactor.class,
                    Language.class,
                    Principle.class,
                    Priority.class,
                    QualityDimension.class,
                    ServiceArea.class,
                    Temperament.class,
                    ContactKind.class,
                    ComplainantSide.class,
                    Fault.class,
                    Referral.class,
                    Weekday.class,
                    Deadline.class,
                    Recipient.class)
            .collect(Collectors.toMap(Class::getSimpleName, Function.identity()));

    /** The engine's package: rules may import its types ({@code engine.*} and {@code engine.fact.*}). */
    static final String ENGINE_PACKAGE = "com.propertyservice.advisor.engine.";

    private FactModel() {}

    /** The enum a decision-table template names ({@code KanoFactor.$param} gives KanoFactor). */
    static Optional<Class<? extends Enum<?>>> enumNamed(String simpleName) {
        return Optional.ofNullable(ENUMS.get(simpleName));
    }
}
