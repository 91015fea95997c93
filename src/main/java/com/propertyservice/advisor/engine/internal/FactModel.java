package com.propertyservice.advisor.engine.internal;

import com.propertyservice.advisor.engine.Advice;
import com.propertyservice.advisor.engine.CausedBy;
import com.propertyservice.advisor.engine.Channel;
import com.propertyservice.advisor.engine.Complainant;
import com.propertyservice.advisor.engine.ComplainantRole;
import com.propertyservice.advisor.engine.ComplainantSide;
import com.propertyservice.advisor.engine.ContactKind;
import com.propertyservice.advisor.engine.ComplaintCause;
import com.propertyservice.advisor.engine.Emotion;
import com.propertyservice.advisor.engine.Escalation;
import com.propertyservice.advisor.engine.Fault;
import com.propertyservice.advisor.engine.HandlingStep;
import com.propertyservice.advisor.engine.Incident;
import com.propertyservice.advisor.engine.KanoFactor;
import com.propertyservice.advisor.engine.Language;
import com.propertyservice.advisor.engine.Principle;
import com.propertyservice.advisor.engine.Priority;
import com.propertyservice.advisor.engine.Promise;
import com.propertyservice.advisor.engine.QualityDimension;
import com.propertyservice.advisor.engine.Referral;
import com.propertyservice.advisor.engine.ServiceArea;
import com.propertyservice.advisor.engine.Temperament;
import com.propertyservice.advisor.engine.Weekday;
import com.propertyservice.advisor.engine.fact.Assessment;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The types a rule file may name: the fact model and a small allow-list of plain value and
 * collection types. Rule files are code that trainers (and anyone who can upload) write, so
 * everything else (system, reflection, files, network, threads) stays out of reach.
 */
final class FactModel {

    /** The engine's enums, by simple name, for the table checks' coverage of enum inputs. */
    static final Map<String, Class<? extends Enum<?>>> ENUMS = Stream.<Class<? extends Enum<?>>>of(
                    CausedBy.class, Channel.class, ComplainantRole.class, ComplaintCause.class, Emotion.class,
                    Escalation.class, HandlingStep.class, KanoFactor.class, Language.class, Principle.class,
                    Priority.class, QualityDimension.class, ServiceArea.class, Temperament.class,
                    ContactKind.class, ComplainantSide.class, Fault.class, Referral.class, Weekday.class)
            .collect(Collectors.toMap(Class::getSimpleName, Function.identity()));

    /** Package prefix whose every type belongs to the fact model. */
    static final String ENGINE_PACKAGE = "com.propertyservice.advisor.engine.";

    /** Types outside the engine that a rule may import, name, call statically or create. */
    static final Set<String> ALLOWED_JDK = Set.of(
            "java.lang.String", "java.lang.Math", "java.lang.Integer", "java.lang.Boolean",
            "java.time.Duration",
            "java.util.List", "java.util.Map", "java.util.Set", "java.util.Collection", "java.util.Collections",
            "java.util.Arrays", "java.util.ArrayList", "java.util.HashMap", "java.util.HashSet",
            "java.util.LinkedHashMap", "java.util.LinkedHashSet", "java.util.TreeMap", "java.util.TreeSet",
            "java.util.EnumSet", "java.util.EnumMap", "java.util.Objects", "java.util.Optional");

    /** Simple names a rule may use as a type: the fact model, its nested records, and the allow-list. */
    static final Set<String> ALLOWED_SIMPLE_NAMES;

    static {
        Set<String> names = new TreeSet<>(ENUMS.keySet());
        for (Class<?> type : List.of(Assessment.class, Incident.class, Complainant.class, Promise.class, Advice.class)) {
            names.add(type.getSimpleName());
            Arrays.stream(type.getDeclaredClasses()).map(Class::getSimpleName).forEach(names::add);
        }
        ALLOWED_JDK.forEach(n -> names.add(n.substring(n.lastIndexOf('.') + 1)));
        ALLOWED_SIMPLE_NAMES = Set.copyOf(names);
    }

    private FactModel() {
    }

    /** Whether a fully qualified type (or {@code pkg.*} import) lies inside the fact model or the allow-list. */
    static boolean allowsQualified(String name) {
        if (name.startsWith(ENGINE_PACKAGE) && !name.startsWith(ENGINE_PACKAGE + "internal.")) {
            return true;
        }
        return ALLOWED_JDK.contains(name);
    }

    /** The enum a decision-table template names ({@code KanoFactor.$param} gives KanoFactor). */
    static Optional<Class<? extends Enum<?>>> enumNamed(String simpleName) {
        return Optional.ofNullable(ENUMS.get(simpleName));
    }
}
