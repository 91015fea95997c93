package com.propertyservice.advisor.system;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Who may call what. The API ({@code /api/**}) is stateless: HTTP Basic for people, {@code X-API-Key}
 * for systems, no session, no CSRF (no cookie to forge with), 401/403 as problem details. Everything
 * else is for browsers: a login form, a session and CSRF protection.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /** The role an integrating system's key carries. */
    static final String API_CLIENT = "API_CLIENT";
    static final String SUPERVISOR = "SUPERVISOR";
    static final String TRAINER = "TRAINER";
    static final String ADMIN = "ADMIN";

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder(); // bcrypt, with its {id} prefix for later upgrades
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, ApiKeys keys, Problems problems) throws Exception {
        AuthenticationEntryPoint unauthorized = (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"advisor\"");
            problems.write(response, problems.problem(HttpStatus.UNAUTHORIZED, "unauthorized",
                    Problems.locale(request), "problem.unauthorized.detail"));
        };
        AccessDeniedHandler forbidden = (request, response, e) ->
                problems.write(response, problems.problem(HttpStatus.FORBIDDEN, "forbidden",
                        Problems.locale(request), "problem.forbidden.detail"));
        http.securityMatcher("/api/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .httpBasic(basic -> basic.authenticationEntryPoint(unauthorized))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
                .addFilterBefore(new ApiKeyAuthenticationFilter(keys, unauthorized), BasicAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/api/users", "/api/users/**").hasRole(ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/rules", "/api/rules/**")
                        .hasAnyRole(API_CLIENT, SUPERVISOR, TRAINER, ADMIN)
                        .requestMatchers("/api/rules", "/api/rules/**").hasAnyRole(TRAINER, ADMIN)
                        .requestMatchers("/api/advice", "/api/incidents", "/api/incidents/**")
                        .hasAnyRole(API_CLIENT, SUPERVISOR, TRAINER, ADMIN)
                        // evidence for changing the rules: for those who change them (see docs/api.md)
                        .requestMatchers("/api/kano/**", "/api/insights/**").hasAnyRole(TRAINER, ADMIN)
                        .anyRequest().authenticated());
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain webSecurity(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/v3/api-docs", "/v3/api-docs/**",
                                "/swagger-ui/**", "/swagger-ui.html", "/webjars/**", "/css/**", "/js/**", "/login",
                                "/error", "/favicon.ico").permitAll()
                        .requestMatchers("/actuator/**").hasRole(ADMIN)
                        .requestMatchers("/trainer", "/trainer/**").hasAnyRole(TRAINER, ADMIN)
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").permitAll())
                // a signed-in user without the role sees a page that says so, with a 403
                .exceptionHandling(handling -> handling.accessDeniedPage("/denied"))
                .httpBasic(Customizer.withDefaults())
                .logout(Customizer.withDefaults());
        return http.build();
    }
}
