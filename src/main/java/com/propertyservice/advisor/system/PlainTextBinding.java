package com.propertyservice.advisor.system;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Adds the {@link PlainText} check to every binder of a request body or form the service validates, so a
 * {@code @Valid} JSON body and a page form alike refuse control and bidi-override characters with a field error.
 */
@ControllerAdvice
class PlainTextBinding {

    private final PlainText plainText = new PlainText();

    @InitBinder
    void plainText(WebDataBinder binder) {
        Object target = binder.getTarget();
        if (target != null && plainText.supports(target.getClass())) {
            binder.addValidators(plainText);
        }
    }
}
