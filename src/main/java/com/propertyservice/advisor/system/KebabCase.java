package com.propertyservice.advisor.system;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A key such as {@code lift-outage}: groups of lower-case letters and digits joined by single hyphens, at most
 * {@link #max()} characters. Checked length first, then in one pass without a regular expression, so a value of
 * any length costs a single scan (a backtracking pattern overflowed the stack on 100,000 characters).
 * {@code null} is left to {@code @NotNull}/{@code @NotBlank}.
 */
@Documented
@Constraint(validatedBy = KebabCase.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface KebabCase {

    String message() default "{KebabCase}";

    int max() default 100;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The one-pass check. */
    class Validator implements ConstraintValidator<KebabCase, CharSequence> {

        private int max;

        @Override
        public void initialize(KebabCase annotation) {
            this.max = annotation.max();
        }

        @Override
        public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
            return value == null || value.length() <= max && isKebab(value);
        }

        static boolean isKebab(CharSequence value) {
            if (value.isEmpty()) {
                return false;
            }
            char previous = '-';
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                boolean word = c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
                if (!word && (c != '-' || previous == '-')) {
                    return false;
                }
                previous = c;
            }
            return previous != '-';
        }
    }
}
