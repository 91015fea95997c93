package com.propertyservice.advisor.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** The log-in form (Spring Security processes the POST) and the page shown when a role is missing. */
@Controller
class LoginController {

    @GetMapping("/login")
    String login() {
        return "login";
    }

    /** Where Spring Security forwards a signed-in user who lacks the role; any method may arrive here. */
    @RequestMapping("/denied")
    String denied(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        return "denied";
    }
}
