package com.propertyservice.advisor.kano;

import java.util.Locale;

/**
 * A survey row that could not be read, with why. Stored with the survey and shown in the caller's
 * language (messages {@code kano.row.<reason>}).
 *
 * @param line      the row's line (CSV) or row number (XLSX)
 * @param column    the column at fault ({@code respondent}, {@code item}, {@code functional}, {@code dysfunctional})
 * @param value     what the cell held, shortened
 * @param reason    why the row cannot be used
 * @param firstLine for a {@link Reason#DUPLICATE}, the line of the answer that counts; else {@code null}
 */
record RowProblem(int line, String column, String value, Reason reason, Integer firstLine) {

    /** The longest cell value a problem repeats. */
    static final int VALUE_SHOWN = 40;

    enum Reason {
        /** The cell is empty. */
        EMPTY,
        /** The text is longer than the service keeps. */
        TOO_LONG,
        /** An answer that is not a whole number from 1 to 5. */
        NOT_AN_ANSWER,
        /** The same respondent answered the same item before; the first answer counts. */
        DUPLICATE;

        /** The message key of its explanation. */
        String messageKey() {
            return "kano.row." + name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    static RowProblem of(int line, String column, String value, Reason reason) {
        return new RowProblem(line, column, shorten(value), reason, null);
    }

    static String shorten(String value) {
        if (value == null) {
            return "";
        }
        return value.length() <= VALUE_SHOWN ? value : value.substring(0, VALUE_SHOWN) + "…";
    }
}
