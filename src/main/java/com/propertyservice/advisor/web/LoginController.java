package com.propertyservice.advisor.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The log-in form (Spring Security processes the POST) and the page shown when a role is missing. */
@Controller
class LoginController {

    /** {@code ?throttled=N}: the log-in was refused before any check; N minutes to wait (a figure, 1..60). */
    @GetMapping("/login")
    String login(@RequestParam(required = false) String throttled, Model model) {
        if (throttled != null) {
            int minutes = throttled.matches("\\d{1,2}") ? Integer.parseInt(throttled) : 15;
            model.addAttribute("throttledMinutes", Math.max(1, minutes));
        }
        return "login";
    }

    /** Where Spring Security forwards a signed-in user who lacks the role; any method may arrive here. */
    @RequestMapping("/denied")
    String denied(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        return "denied";
    }
}
