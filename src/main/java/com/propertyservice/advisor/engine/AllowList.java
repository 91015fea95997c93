package com.propertyservice.advisor.engine;

import com.propertyservice.advisor.engine.fact.Assessment;
import com.propertyservice.advisor.engine.fact.Day;
import com.propertyservice.advisor.engine.fact.LocalTimeOfReport;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What compiled rule code may touch, member by member: the fact model, a few value and collection
 * types of the JDK, and the parts of Drools that the executable model's generated scaffolding
 * calls. Anything else (system, runtime, reflection, class loading, files, network, threads,
 * scripting engines, serialization, logging, other libraries on the class path) is out of reach.
 *
 * <p>Per member, not per class: {@code java.lang.Class} or {@code org.kie.api.KieServices} appear in
 * benign generated code and also give the way to everything else; only the members the generated
 * code needs are allowed. Members are matched by owner and name, all overloads alike. Methods that
 * hide an unbounded loop or allocation inside the JDK ({@code String.repeat}, {@code forEach},
 * regular expressions, sized constructors) are left out, so that code without loops of its own
 * stays bounded by its length.
 */
final class AllowList {

    /** Any member of the owner. */
    private static final String ANY = "*";

    private static final Map<String, Set<String>> MEMBERS = new HashMap<>();

    static {
        // the fact model: the one fact and the records it reads from; not Assessment.firing, which the engine calls
        allowPublicMethods(Assessment.class, "firing");
        allowPublicMethods(Assessment.Weighted.class);
        allowPublicMethods(Assessment.Proposed.class);
        allowPublicMethods(Day.class); // the calendar rules: rules/calendar/ mark, type and give working hours to a day
        allowPublicMethods(
                LocalTimeOfReport.class); // the clock of time rules: reportedLocally.between("22:00", "06:00")
        allowPublicMethods(Incident.class, "builder");
        allowPublicMethods(Complainant.class);
        allowPublicMethods(Promise.class);
        for (Class<? extends Enum<?>> type : FactModel.ENUMS.values()) {
            allow(type, "values", "valueOf", "name", "ordinal", "compareTo", "equals", "hashCode", "toString");
            allow(type, Stream.of(type.getFields()).map(Field::getName).toArray(String[]::new)); // the constants
        }

        allow("java/lang/Object", "<init>", "equals", "hashCode", "toString");
        allow(
                "java/lang/String",
                "equals",
                "equalsIgnoreCase",
                "length",
                "isEmpty",
                "isBlank",
                "contains",
                "startsWith",
                "endsWith",
                "indexOf",
                "lastIndexOf",
                "charAt",
                "substring",
                "trim",
                "strip",
                "toLowerCase",
                "toUpperCase",
                "compareTo",
                "compareToIgnoreCase",
                "valueOf",
                "concat",
                "hashCode",
                "toString");
        allow("java/lang/CharSequence", "length", "charAt", "toString", "isEmpty");
        allow("java/lang/Comparable", "compareTo");
        allow("java/lang/StringBuilder", "<init>()", "append", "toString", "length");
        for (String box :
                List.of("Integer", "Long", "Short", "Byte", "Double", "Float", "Character", "Boolean", "Number")) {
            allow(
                    "java/lang/" + box,
                    "valueOf",
                    "intValue",
                    "longValue",
                    "shortValue",
                    "byteValue",
                    "doubleValue",
                    "floatValue",
                    "booleanValue",
                    "charValue",
                    "compare",
                    "compareTo",
                    "equals",
                    "hashCode",
                    "toString",
                    "parseInt",
                    "parseLong",
                    "TYPE",
                    "MAX_VALUE",
                    "MIN_VALUE",
                    "TRUE",
                    "FALSE");
        }
        allow("java/lang/Math", "min", "max", "abs", "floorDiv", "floorMod");
        allow("java/lang/Enum", "<init>", "valueOf", "name", "ordinal", "compareTo", "equals", "hashCode", "toString");
        allow("java/lang/System", "arraycopy"); // the generated enum lambdas copy their values() array
        for (String thrown : List.of(
                "RuntimeException",
                "IllegalArgumentException",
                "IllegalStateException",
                "UnsupportedOperationException",
                "NullPointerException")) {
            allow("java/lang/" + thrown, "<init>");
        }

        allow("java/util/Collection", "contains", "containsAll", "size", "isEmpty", "equals", "hashCode");
        allow(
                "java/util/List",
                "of",
                "contains",
                "containsAll",
                "size",
                "isEmpty",
                "get",
                "indexOf",
                "equals",
                "hashCode");
        allow("java/util/Set", "of", "contains", "containsAll", "size", "isEmpty", "equals", "hashCode");
        allow(
                "java/util/Map",
                "of",
                "containsKey",
                "containsValue",
                "get",
                "getOrDefault",
                "size",
                "isEmpty",
                "equals",
                "hashCode");
        allow("java/util/Arrays", "asList");
        allow(
                "java/util/Collections",
                "emptyList",
                "emptySet",
                "emptyMap",
                "singletonList",
                "singleton",
                "unmodifiableList");
        allow("java/util/Objects", "equals", "isNull", "nonNull", "requireNonNull", "toString", "hashCode");
        allow("java/util/Locale", "ENGLISH", "ROOT", "CHINA", "SIMPLIFIED_CHINESE");

        allow(
                "java/time/Duration",
                "parse",
                "ofMinutes",
                "ofHours",
                "ofDays",
                "ofSeconds",
                "compareTo",
                "equals",
                "toMinutes",
                "toHours",
                "toDays",
                "isNegative",
                "isZero",
                "plus",
                "minus");
        for (String value : List.of("LocalTime", "LocalDate", "LocalDateTime", "OffsetDateTime", "MonthDay")) {
            allow(
                    "java/time/" + value,
                    "of",
                    "parse",
                    "getHour",
                    "getMinute",
                    "getDayOfWeek",
                    "getDayOfMonth",
                    "getMonth",
                    "getMonthValue",
                    "getYear",
                    "isBefore",
                    "isAfter",
                    "isEqual",
                    "equals",
                    "compareTo",
                    "toLocalDate",
                    "toLocalTime");
        }
        allow("java/time/DayOfWeek", ANY);
        allow("java/time/Month", ANY);
        // the executable model's scaffolding: a date format for date attributes
        allow(
                "java/time/format/DateTimeFormatterBuilder",
                "<init>",
                "appendPattern",
                "parseCaseInsensitive",
                "toFormatter");
        allow("org/drools/util/DateUtils", "getDateFormatMask");

        // invokedynamic: string concatenation and lambdas (whose targets are checked like calls)
        allow("java/lang/invoke/StringConcatFactory", "makeConcatWithConstants");
        allow("java/lang/invoke/LambdaMetafactory", "metafactory", "altMetafactory");

        // the executable model's rule-building DSL: it only describes rules
        for (String owner : List.of(
                "org/drools/modelcompiler/dsl/pattern/D",
                "org/drools/model/PatternDSL",
                "org/drools/model/PatternDSL$PatternDef",
                "org/drools/model/PatternDSL$PatternDefImpl",
                "org/drools/model/PatternDSL$ReactOn",
                "org/drools/model/impl/RuleBuilder",
                "org/drools/model/DSL",
                "org/drools/model/BitMask",
                "org/drools/model/DomainClassMetadata",
                "org/drools/model/Index$ConstraintType",
                "org/drools/model/Rule$Attribute",
                "org/drools/model/functions/PredicateInformation",
                "org/drools/modelcompiler/util/EvaluationUtil",
                "org/drools/model/AlphaIndex",
                "org/drools/model/BetaIndex",
                "org/drools/model/Variable",
                "org/drools/model/Declaration",
                "org/drools/model/Rule",
                "org/drools/model/RuleItemBuilder",
                "org/drools/model/Model",
                "org/drools/model/view/ViewItem",
                "org/drools/model/view/ExprViewItem")) {
            allow(owner, ANY);
        }
        for (String consequence : List.of("_1", "_2", "_3", "_4", "_5", "_N")) {
            allow("org/drools/model/consequences/ConsequenceBuilder$" + consequence, ANY);
        }
        for (String operator : List.of(
                "ContainsOperator",
                "InOperator",
                "ExcludesOperator",
                "MemberOfOperator",
                "MatchesOperator",
                "StartsWithOperator",
                "EndsWithOperator",
                "StringLengthWithOperator")) {
            allow("org/drools/model/operators/" + operator, "INSTANCE");
        }
        allow("org/drools/model/functions/Operator", "eval", "test");
        // @Propagation(IMMEDIATE), which the compiler puts on every rule (RuleSetCompiler.withImmediatePropagation)
        allow("org/kie/api/definition/rule/Propagation$Type", "IMMEDIATE", "EAGER", "LAZY");
        // what a consequence may do with the session: tell it that a fact changed, nothing else
        allow("org/drools/model/Drools", "update");

        // the executable model's project description (one generated class): the kie base and session models
        allow("org/kie/api/KieServices", "get", "newKieModuleModel");
        for (String owner : List.of(
                "org/kie/api/builder/model/KieModuleModel",
                "org/kie/api/builder/model/KieBaseModel",
                "org/kie/api/builder/model/KieSessionModel",
                "org/kie/api/builder/model/KieSessionModel$KieSessionType",
                "org/kie/api/conf/EventProcessingOption",
                "org/kie/api/conf/KieBaseMutabilityOption",
                "org/kie/api/conf/EqualityBehaviorOption",
                "org/kie/api/conf/SequentialOption",
                "org/kie/api/runtime/conf/ClockTypeOption",
                "org/drools/modelcompiler/CanonicalKieModuleModel")) {
            allow(owner, ANY);
        }
        allow("org/kie/util/maven/support/ReleaseIdImpl", "<init>");
    }

    private AllowList() {}

    /** Whether compiled rule code may use this member ({@code /}-separated owner, member name). */
    static boolean allows(String owner, String member) {
        Set<String> members = MEMBERS.get(owner);
        return members != null && (members.contains(ANY) || members.contains(member));
    }

    /** Whether the constructor taking these arguments may be called ({@code <init>()} allows the no-argument one only). */
    static boolean allowsConstructor(String owner, String descriptor) {
        Set<String> members = MEMBERS.get(owner);
        return members != null
                && (members.contains(ANY)
                        || members.contains("<init>")
                        || (descriptor.startsWith("()") && members.contains("<init>()")));
    }

    /** Whether the type may be named (created, cast to, written as a literal): any type with an allowed member. */
    static boolean allowsType(String owner) {
        if (!owner.startsWith("[")) {
            return MEMBERS.containsKey(owner);
        }
        String element = owner.replaceFirst("^\\[+", "");
        return element.length() == 1
                || MEMBERS.containsKey(element.substring(1, element.length() - 1)); // I, J... or Lname;
    }

    private static void allow(Class<?> type, String... members) {
        allow(type.getName().replace('.', '/'), members);
    }

    private static void allow(String owner, String... members) {
        MEMBERS.computeIfAbsent(owner, o -> new HashSet<>()).addAll(List.of(members));
    }

    private static void allowPublicMethods(Class<?> type, String... except) {
        Set<String> denied = Set.of(except);
        Set<String> names = new HashSet<>();
        for (Method method : type.getMethods()) {
            if (method.getDeclaringClass() == type
                    && Modifier.isPublic(method.getModifiers())
                    && !denied.contains(method.getName())) {
                names.add(method.getName());
            }
        }
        allow(type, names.toArray(String[]::new));
    }
}
