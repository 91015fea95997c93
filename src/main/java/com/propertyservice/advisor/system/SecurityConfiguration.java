package com.propertyservice.advisor.system;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.security.SpringSessionBackedSessionRegistry;

/**
 * Who may call what. The API ({@code /api/**}) is stateless: HTTP Basic sent explicitly by people's tools,
 * {@code X-API-Key} for systems, no session, 401/403 as problem details. Its 401 never carries a
 * {@code WWW-Authenticate: Basic} challenge, so a browser never asks for, caches and later replays Basic
 * credentials on another site's behalf. Everything else is for browsers: a login form, a session
 * registered so it can be ended, CSRF tokens, a Content-Security-Policy. On both, a state-changing request
 * a browser sends for another origin is refused before any credential is read ({@link CrossOriginWriteFilter}).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /** The role an integrating system's key carries. */
    static final String API_CLIENT = "API_CLIENT";

    static final String SUPERVISOR = "SUPERVISOR";
    static final String TRAINER = "TRAINER";
    static final String ADMIN = "ADMIN";
    /** A Prometheus server holding a metrics key: {@code /actuator/prometheus} only. */
    static final String METRICS = "METRICS";

    // every page's resources are the application's own (ECharts from its webjar): nothing else may load or run;
    // ECharts sets style attributes on the elements it draws (style-src-attr), no <style> element is allowed
    static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "style-src-attr 'unsafe-inline'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'";
    // Swagger UI adds <style> elements of its own: it alone may use inline styles (never inline script)
    static final String SWAGGER_POLICY =
            PAGE_POLICY.replace("style-src 'self'; style-src-attr 'unsafe-inline'", "style-src 'self' 'unsafe-inline'");
    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories
                .createDelegatingPasswordEncoder(); // bcrypt, with its {id} prefix for later upgrades
    }

    /**
     * The web sessions of each user, so disabling a user or changing a password can end them: read from the
     * sessions in the database (Spring Session JDBC, indexed by user name), so ending them works whichever
     * instance holds them, and a session created on one instance is served by every other. Where no session
     * store runs (a web slice test), an in-memory registry.
     */
    @Bean
    SessionRegistry sessionRegistry(ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> sessions) {
        FindByIndexNameSessionRepository<? extends Session> store = sessions.getIfAvailable();
        return store != null ? new SpringSessionBackedSessionRegistry<>(store) : new SessionRegistryImpl();
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, ApiKeys keys, Problems problems) throws Exception {
        AuthenticationEntryPoint unauthorized = (request, response, e) -> {
            if (e instanceof LoginThrottledException throttled) {
                response.setHeader("Retry-After", String.valueOf(throttled.retryAfterSeconds()));
                problems.write(
                        response,
                        problems.problem(
                                HttpStatus.TOO_MANY_REQUESTS,
                                "too-many-attempts",
                                Problems.locale(request),
                                "problem.too-many-attempts.detail",
                                throttled.retryAfterSeconds()));
                return;
            }
            // a scheme browsers do not prompt for: Basic is sent explicitly (curl -u), never after a challenge
            response.setHeader(
                    "WWW-Authenticate",
                    "ApiKey realm=\"advisor\", header=\"" + ApiKeyAuthenticationFilter.HEADER + "\"");
            problems.write(
                    response,
                    problems.problem(
                            HttpStatus.UNAUTHORIZED,
                            "unauthorized",
                            Problems.locale(request),
                            "problem.unauthorized.detail"));
        };
        AccessDeniedHandler forbidden = (request, response, e) -> problems.write(
                response,
                problems.problem(
                        HttpStatus.FORBIDDEN, "forbidden", Problems.locale(request), "problem.forbidden.detail"));
        http.securityMatcher("/api/**")
                .csrf(csrf -> csrf.disable()) // no cookie authenticates here; CrossOriginWriteFilter guards writes
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(API_POLICY))
                        .referrerPolicy(
                                referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)))
                .httpBasic(basic -> basic.authenticationEntryPoint(unauthorized))
                .exceptionHandling(handling ->
                        handling.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
                .addFilterBefore(new CrossOriginWriteFilter(problems), CsrfFilter.class)
                .addFilterBefore(new ApiKeyAuthenticationFilter(keys, unauthorized), BasicAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests
                        // one's own password: people only (the service checks whose and the present password)
                        .requestMatchers(HttpMethod.POST, "/api/users/*/password")
                        .hasAnyRole(SUPERVISOR, TRAINER, ADMIN)
                        .requestMatchers("/api/users", "/api/users/**")
                        .hasRole(ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/rules", "/api/rules/**")
                        .hasAnyRole(API_CLIENT, SUPERVISOR, TRAINER, ADMIN)
                        .requestMatchers("/api/rules", "/api/rules/**")
                        .hasAnyRole(TRAINER, ADMIN)
                        .requestMatchers("/api/advice", "/api/incidents", "/api/incidents/**")
                        .hasAnyRole(API_CLIENT, SUPERVISOR, TRAINER, ADMIN)
                        // evidence for changing the rules: for those who change them (see docs/api.md)
                        .requestMatchers("/api/kano/**", "/api/insights/**")
                        .hasAnyRole(TRAINER, ADMIN)
                        .anyRequest()
                        .authenticated());
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain webSecurity(
            HttpSecurity http, SessionRegistry sessions, Problems problems, AdvisorProperties properties)
            throws Exception {
        AuthenticationFailureHandler loginFailed =
                (request, response, e) -> response.sendRedirect(request.getContextPath()
                        + (e instanceof LoginThrottledException throttled
                                ? "/login?throttled=" + Math.max(1, (throttled.retryAfterSeconds() + 59) / 60)
                                : "/login?error"));
        // Basic on pages (tools reading /actuator) answers 401 without a challenge, as on the API
        AuthenticationEntryPoint noChallenge =
                (request, response, e) -> response.sendError(HttpStatus.UNAUTHORIZED.value());
        http.authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/actuator/health",
                                "/actuator/health/**",
                                "/v3/api-docs",
                                "/v3/api-docs/**",
                                "/swagger-ui/**",
                                "/swagger-ui.html",
                                "/webjars/**",
                                "/css/**",
                                "/js/**",
                                "/login",
                                "/error",
                                "/favicon.ico")
                        .permitAll()
                        .requestMatchers(MetricsKeyFilter.PATH)
                        .hasAnyRole(METRICS, ADMIN)
                        .requestMatchers("/actuator/**")
                        .hasRole(ADMIN)
                        .requestMatchers("/trainer", "/trainer/**")
                        .hasAnyRole(TRAINER, ADMIN)
                        .anyRequest()
                        .authenticated())
                .formLogin(form ->
                        form.loginPage("/login").failureHandler(loginFailed).permitAll())
                // a session ends when its user is disabled or changes password (UserService expires it here)
                .sessionManagement(session ->
                        session.maximumSessions(-1).sessionRegistry(sessions).expiredUrl("/login?expired"))
                .headers(headers -> headers.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                                swagger(), new ContentSecurityPolicyHeaderWriter(SWAGGER_POLICY)))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                                new NegatedRequestMatcher(swagger()),
                                new ContentSecurityPolicyHeaderWriter(PAGE_POLICY)))
                        .referrerPolicy(
                                referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .addFilterBefore(new CrossOriginWriteFilter(problems), CsrfFilter.class)
                .addFilterBefore(
                        new MetricsKeyFilter(properties.security().metricsKeys()), BasicAuthenticationFilter.class)
                // a signed-in user without the role sees a page that says so, with a 403
                .exceptionHandling(handling -> handling.accessDeniedPage("/denied"))
                .httpBasic(basic -> basic.authenticationEntryPoint(noChallenge))
                .logout(Customizer.withDefaults());
        return http.build();
    }

    private static RequestMatcher swagger() {
        return PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui/**");
    }
}
