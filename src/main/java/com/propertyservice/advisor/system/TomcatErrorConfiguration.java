package com.propertyservice.advisor.system;

import jakarta.servlet.RequestDispatcher;
import org.apache.catalina.Host;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Requests refused before Spring MVC still get the service's answers: Tomcat's (oversized headers, encoded
 * slashes) through {@link ProblemErrorReportValve}, Spring Security's firewall ({@code ..}, {@code %25},
 * {@code ;} in paths) through a rejected-request handler: a problem detail on the API, the error page elsewhere.
 */
@Configuration(proxyBeanMethods = false)
class TomcatErrorConfiguration {

    /** After Boot's own customizer, which installs Tomcat's error report valve; this one replaces it. */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports(Problems problems) {
        return factory -> factory.addContextCustomizers(context -> {
            Host host = (Host) context.getParent();
            for (Valve valve : host.getPipeline().getValves()) {
                if (valve instanceof ErrorReportValve) {
                    host.getPipeline().removeValve(valve);
                }
            }
            if (host instanceof StandardHost standard) {
                standard.setErrorReportValveClass(
                        ProblemErrorReportValve.class.getName()); // so Tomcat adds none of its own
            }
            host.getPipeline().addValve(new ProblemErrorReportValve(problems));
        });
    }

    @Bean
    RequestRejectedHandler problemForRejectedRequests(Problems problems) {
        return (request, response, rejected) -> {
            if (Problems.isApi(request)) {
                problems.write(
                        response,
                        problems.problem(
                                HttpStatus.BAD_REQUEST,
                                "bad-request",
                                Problems.locale(request),
                                "problem.rejected-path.detail"));
            } else {
                request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, HttpStatus.BAD_REQUEST.value());
                response.sendError(HttpStatus.BAD_REQUEST.value());
            }
        };
    }
}
