package com.propertyservice.advisor.incident;

import com.propertyservice.advisor.web.ServesPages;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import tools.jackson.databind.json.JsonMapper;

/**
 * The satisfaction dashboard: the figures as a JSON island for the charts, and as tables for everyone. "Overdue" is
 * measured against the service's clock, the one its deadlines are kept by.
 */
@Controller
class DashboardController implements ServesPages {

    private final DashboardService dashboards;
    private final JsonMapper json;
    private final Clock clock;

    DashboardController(DashboardService dashboards, JsonMapper json, Clock clock) {
        this.dashboards = dashboards;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping("/dashboard")
    String dashboard(Model model, Locale locale) {
        Dashboard dashboard = dashboards.dashboard(locale, OffsetDateTime.now(clock));
        model.addAttribute("dashboard", dashboard);
        // inside <script>: no "<" may end the element early
        model.addAttribute("dashboardJson", json.writeValueAsString(dashboard).replace("<", "\\u003c"));
        return "incident/dashboard";
    }
}
