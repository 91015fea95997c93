package com.propertyservice.advisor.system;

import java.beans.PropertyDescriptor;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Map;
import org.springframework.beans.BeanWrapper;
import org.springframework.beans.PropertyAccessorFactory;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Text that reaches storage and other people's screens must be plain: no control characters (NUL, escape,
 * ... except tab and line breaks), no bidirectional overrides or isolates (U+202A–U+202E, U+2066–U+2069, which
 * reorder what a reader sees: an RTL override can make a name or a comment read backwards or hide part of it),
 * no unpaired surrogates (not text at all), no U+FFFE/U+FFFF. Such text is refused, not cleaned: a 400 that
 * names the field and the first character at fault, so the sender can see what they sent. Applied to every
 * request body and form of the service (records and JavaBeans, nested ones and lists included) by
 * {@link PlainTextBinding}.
 */
public class PlainText implements Validator {

    private static final String OWN_PACKAGE = "com.propertyservice.advisor.";

    @Override
    public boolean supports(Class<?> type) {
        return type.getName().startsWith(OWN_PACKAGE);
    }

    @Override
    public void validate(Object target, Errors errors) {
        walk(target, "", errors, new IdentityHashMap<>());
    }

    /** The index of the first character not allowed in plain text, or -1. */
    public static int firstForbidden(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return i;
            }
            if (Character.isLowSurrogate(c) || forbidden(c)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean forbidden(char c) {
        if (c == '\t' || c == '\n' || c == '\r') {
            return false;
        }
        return Character.getType(c) == Character.CONTROL
                || c >= '\u202A' && c <= '\u202E'
                || c >= '\u2066' && c <= '\u2069'
                || c == '\uFFFE'
                || c == '\uFFFF';
    }

    private void walk(Object value, String path, Errors errors, Map<Object, Boolean> seen) {
        if (value == null || seen.put(value, Boolean.TRUE) != null) {
            return;
        }
        if (value instanceof CharSequence text) {
            int at = firstForbidden(text);
            if (at >= 0) {
                errors.rejectValue(
                        path.isEmpty() ? null : path,
                        "PlainText",
                        new Object[] {path, at, "U+%04X".formatted((int) text.charAt(at))},
                        "not plain text");
            }
            return;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                walk(item, path + "[" + i++ + "]", errors, seen);
            }
            return;
        }
        Class<?> type = value.getClass();
        if (!type.getName().startsWith(OWN_PACKAGE) || type.isEnum()) {
            return;
        }
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                try {
                    Method accessor = component.getAccessor();
                    accessor.trySetAccessible(); // request records are package-private
                    walk(accessor.invoke(value), join(path, component.getName()), errors, seen);
                } catch (ReflectiveOperationException unreadable) {
                    // a component we cannot read is not ours to judge
                }
            }
            return;
        }
        BeanWrapper bean = PropertyAccessorFactory.forBeanPropertyAccess(value);
        for (PropertyDescriptor property : bean.getPropertyDescriptors()) {
            if (property.getReadMethod() != null && !"class".equals(property.getName())) {
                walk(bean.getPropertyValue(property.getName()), join(path, property.getName()), errors, seen);
            }
        }
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
