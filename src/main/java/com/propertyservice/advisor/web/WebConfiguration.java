package com.propertyservice.advisor.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Languages: pages are Chinese until someone picks English with {@code ?lang=en}, which a cookie
 * remembers (a supervisor's browser language is no guide on a shared duty desk); the API keeps
 * following {@code Accept-Language}, as its contract says.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    static final String LANGUAGE_COOKIE = "advisor-lang";

    /** Replaces Boot's resolver (the bean name is what the DispatcherServlet looks up). */
    @Bean(name = "localeResolver")
    LocaleResolver localeResolver() {
        AcceptHeaderLocaleResolver api = new AcceptHeaderLocaleResolver();
        api.setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
        CookieLocaleResolver pages = new CookieLocaleResolver(LANGUAGE_COOKIE);
        pages.setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
        pages.setCookieMaxAge(Duration.ofDays(365));
        return new PageOrApiLocaleResolver(api, pages);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change).excludePathPatterns("/api/**");
    }

    private record PageOrApiLocaleResolver(LocaleResolver api, LocaleResolver pages) implements LocaleResolver {

        @Override
        public Locale resolveLocale(HttpServletRequest request) {
            return choose(request).resolveLocale(request);
        }

        @Override
        public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
            // only the two languages the texts exist in
            Locale supported =
                    locale != null && "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
            choose(request).setLocale(request, response, supported);
        }

        private LocaleResolver choose(HttpServletRequest request) {
            return request.getRequestURI().startsWith(request.getContextPath() + "/api/") ? api : pages;
        }
    }
}
