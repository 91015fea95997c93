package com.propertyservice.advisor.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;

/**
 * A request with no fields at all, so an error page can be drawn for a request whose body was refused unread (a form
 * or an upload past its limit): nothing the page does may try to read the body.
 */
class WithoutFields extends HttpServletRequestWrapper {

    WithoutFields(HttpServletRequest request) {
        super(request);
    }

    @Override
    public String getParameter(String name) {
        return null;
    }

    @Override
    public Map<String, String[]> getParameterMap() {
        return Map.of();
    }

    @Override
    public Enumeration<String> getParameterNames() {
        return Collections.emptyEnumeration();
    }

    @Override
    public String[] getParameterValues(String name) {
        return null;
    }
}
