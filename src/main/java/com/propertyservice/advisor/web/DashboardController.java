package com.propertyservice.advisor.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import tools.jackson.databind.json.JsonMapper;

import java.time.OffsetDateTime;
import java.util.Locale;

/** The satisfaction dashboard: the figures as a JSON island for the charts, and as tables for everyone. */
@Controller
class DashboardController {

    private final DashboardService dashboards;
    private final JsonMapper json;

    DashboardController(DashboardService dashboards, JsonMapper json) {
        this.dashboards = dashboards;
        this.json = json;
    }

    @GetMapping("/dashboard")
    String dashboard(Model model, Locale locale) {
        Dashboard dashboard = dashboards.dashboard(locale, OffsetDateTime.now());
        model.addAttribute("dashboard", dashboard);
        // inside <script>: no "<" may end the element early
        model.addAttribute("dashboardJson", json.writeValueAsString(dashboard).replace("<", "\\u003c"));
        return "dashboard";
    }
}
