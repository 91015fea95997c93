package com.propertyservice.advisor.kano;

import java.util.Locale;

/**
 * A survey file that cannot be used at all: nothing of it is analysed or stored. The reason names
 * the problem type and the message the caller sees.
 */
class SurveyFileException extends RuntimeException {

    /** Why the file is refused; each is a problem type {@code kano-<reason>} with a message {@code kano.file.<reason>}. */
    enum Reason {
        /** No byte, or only white space. */
        EMPTY_FILE,
        /** Neither CSV text nor an Excel workbook that can be opened. */
        UNREADABLE_FILE,
        /** An Excel 97–2003 (.xls) or encrypted workbook. */
        OLD_EXCEL,
        /** Text that is neither UTF-8 nor GBK/GB18030. */
        UNKNOWN_ENCODING,
        /** The first row does not name the four columns. */
        WRONG_COLUMNS,
        /** A cell Excel or WPS would run as a formula. */
        FORMULA_CELL,
        /** More rows than the service analyses in one file. */
        TOO_MANY_ROWS;

        /** The last segment of the problem type. */
        String slug() {
            return "kano-" + name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** The message key of the problem's detail. */
        String messageKey() {
            return "kano.file." + name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private final Reason reason;
    private final transient Object[] arguments;

    SurveyFileException(Reason reason, Object... arguments) {
        super(reason.name());
        this.reason = reason;
        this.arguments = arguments.clone();
    }

    Reason reason() {
        return reason;
    }

    Object[] arguments() {
        return arguments.clone();
    }
}
