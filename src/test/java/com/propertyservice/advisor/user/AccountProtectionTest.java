package com.propertyservice.advisor.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.propertyservice.advisor.TestDatabase;
import com.propertyservice.advisor.TestIncidents;
import com.propertyservice.advisor.engine.Channel;
import com.propertyservice.advisor.engine.Complainant;
import com.propertyservice.advisor.engine.ComplainantRole;
import com.propertyservice.advisor.engine.Emotion;
import com.propertyservice.advisor.engine.Incident;
import com.propertyservice.advisor.engine.Language;
import com.propertyservice.advisor.engine.ServiceArea;
import com.propertyservice.advisor.incident.IncidentService;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Accounts under attack and under change: failed log-ins are throttled per username and per address (429
 * with Retry-After, no bcrypt run), a disabled user or one whose password changed loses their web session at
 * once, names are case-insensitive, and the credentials cache cannot be fooled by where a colon falls.
 */
@SpringBootTest(
        properties = {
            TestDatabase.OWN_IN_MEMORY,
            "advisor.security.api-keys=" + TestIncidents.API_KEY,
            "advisor.security.bootstrap-admin-password=" + TestIncidents.ADMIN_PASSWORD,
            "advisor.security.throttle.per-user=3",
            "advisor.security.throttle.per-address=6",
            "advisor.security.throttle.window=10m"
        })
@AutoConfigureMockMvc
class AccountProtectionTest {

    static final String PASSWORD = "Duty-Desk-Secret-9";

    @Autowired
    MockMvc mvc;

    @Autowired
    UserService users;

    @Autowired
    IncidentService incidents;

    @Autowired
    JdbcTemplate jdbc;

    @MockitoSpyBean
    PasswordEncoder passwordEncoder;

    static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    int status(String username, String password, String address) throws Exception {
        return mvc.perform(get("/api/incidents")
                        .with(httpBasic(username, password))
                        .with(from(address)))
                .andReturn()
                .getResponse()
                .getStatus();
    }

    @Test
    void aUsernameThatFailedTooOftenIsAnswered429WithoutRunningBcrypt() throws Exception {
        users.create(new NewUser("guarded", PASSWORD, Set.of(Role.SUPERVISOR)), "test");
        for (int i = 0; i < 3; i++) {
            assertThat(status("guarded", "wrong-guess-" + i, "10.1.0." + i)).isEqualTo(401);
        }
        clearInvocations(passwordEncoder);
        MvcResult throttled = mvc.perform(get("/api/incidents")
                        .with(httpBasic("Guarded", PASSWORD))
                        .with(from("10.1.0.9")))
                .andReturn();
        assertThat(throttled.getResponse().getStatus()).isEqualTo(429);
        assertThat(Long.parseLong(throttled.getResponse().getHeader("Retry-After")))
                .isBetween(1L, 600L);
        assertThat(throttled.getResponse().getContentType()).startsWith("application/problem+json");
        assertThat(throttled.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("too-many-attempts");
        verify(passwordEncoder, never()).matches(any(), any());
    }

    @Test
    void anAddressThatFailedTooOftenIsThrottledForEveryName() throws Exception {
        for (int i = 0; i < 6; i++) {
            assertThat(status("nobody" + i, "wrong-guess", "10.2.0.1")).isEqualTo(401);
        }
        assertThat(status("admin", TestIncidents.ADMIN_PASSWORD, "10.2.0.1")).isEqualTo(429);
        assertThat(status("admin", TestIncidents.ADMIN_PASSWORD, "10.2.0.2")).isEqualTo(200);
    }

    @Test
    void aThrottledLogInFormSaysSoAndASuccessDoesNotCount() throws Exception {
        users.create(new NewUser("form.user", PASSWORD, Set.of(Role.SUPERVISOR)), "test");
        assertThat(formLogIn("wrong-1", "10.3.0.1")).contains("/login?error");
        assertThat(formLogIn("wrong-2", "10.3.0.2")).contains("/login?error");
        assertThat(formLogIn(PASSWORD, "10.3.0.3")).doesNotContain("/login"); // checked by bcrypt, token given back
        assertThat(formLogIn("wrong-3", "10.3.0.4")).contains("/login?error"); // the third failure, still checked
        String target = formLogIn("wrong-4", "10.3.0.5");
        assertThat(target).contains("/login?throttled=");
        String page = mvc.perform(get(target)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("登录失败次数过多");
    }

    String formLogIn(String password, String address) throws Exception {
        return mvc.perform(post("/login")
                        .param("username", "form.user")
                        .param("password", password)
                        .with(csrf())
                        .with(from(address)))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
    }

    @Test
    void disabledUserLosesTheirSession() throws Exception {
        users.create(new NewUser("leaving.soon", PASSWORD, Set.of(Role.SUPERVISOR)), "test");
        Cookie session = logIn("leaving.soon", PASSWORD);
        long id = incident();
        assertThat(followUp(session, id)).isEqualTo("/incidents/" + id);
        users.disable("Leaving.Soon", "admin");
        String after = followUp(session, id);
        assertThat(after).contains("/login?expired");
        assertThat(visits(id)).isEqualTo(1);
    }

    @Test
    void aChangedPasswordEndsTheSessionsAndTheOldPasswordStopsWorking() throws Exception {
        users.create(new NewUser("changing", PASSWORD, Set.of(Role.SUPERVISOR)), "test");
        Cookie session = logIn("changing", PASSWORD);
        long id = incident();
        assertThat(status("changing", PASSWORD, "10.4.0.1")).isEqualTo(200); // now in the credentials cache
        MvcResult changed = mvc.perform(post("/api/users/changing/password")
                        .with(httpBasic("changing", PASSWORD))
                        .contentType("application/json")
                        .content(
                                "{\"currentPassword\":\"" + PASSWORD + "\",\"newPassword\":\"Another-Long-Secret-7\"}"))
                .andReturn();
        assertThat(changed.getResponse().getStatus())
                .as(changed.getResponse().getContentAsString())
                .isEqualTo(200);
        assertThat(followUp(session, id)).contains("/login?expired");
        assertThat(visits(id)).isZero();
        assertThat(status("changing", PASSWORD, "10.4.0.2")).isEqualTo(401);
        assertThat(status("changing", "Another-Long-Secret-7", "10.4.0.3")).isEqualTo(200);
    }

    @Test
    void someoneElsesPasswordIsForAdministratorsOnly() throws Exception {
        users.create(new NewUser("victim.user", PASSWORD, Set.of(Role.SUPERVISOR)), "test");
        users.create(new NewUser("other.user", PASSWORD, Set.of(Role.TRAINER)), "test");
        String body = "{\"newPassword\":\"Taken-Over-Secret-5\"}";
        assertThat(mvc.perform(post("/api/users/victim.user/password")
                                .with(httpBasic("other.user", PASSWORD))
                                .contentType("application/json")
                                .content(body))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
        assertThat(mvc.perform(post("/api/users/victim.user/password")
                                .header("X-API-Key", TestIncidents.API_KEY)
                                .contentType("application/json")
                                .content(body))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
        assertThat(mvc.perform(post("/api/users/victim.user/password")
                                .with(httpBasic("admin", TestIncidents.ADMIN_PASSWORD))
                                .contentType("application/json")
                                .content(body))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
    }

    @Test
    void usernamesAreCaseInsensitive() throws Exception {
        UserView created = users.create(new NewUser("Zhang.Wei", PASSWORD, Set.of(Role.SUPERVISOR)), "test");
        assertThat(created.username()).isEqualTo("zhang.wei");
        MvcResult twin = mvc.perform(post("/api/users")
                        .with(httpBasic("ADMIN", TestIncidents.ADMIN_PASSWORD))
                        .contentType("application/json")
                        .content("{\"username\":\"ZHANG.WEI\",\"password\":\"" + PASSWORD
                                + "\",\"roles\":[\"SUPERVISOR\"]}"))
                .andReturn();
        assertThat(twin.getResponse().getStatus()).isEqualTo(409);
        assertThat(status("ZHANG.wei", PASSWORD, "10.5.0.1")).isEqualTo(200);
    }

    @Test
    void whereTheColonFallsDoesNotMatterToTheCredentialsCache() throws Exception {
        users.create(new NewUser("colu", "x:" + PASSWORD, Set.of(Role.SUPERVISOR)), "test");
        assertThat(status("colu", "x:" + PASSWORD, "10.6.0.1")).isEqualTo(200); // cached now
        MvcResult impostor = mvc.perform(post("/login")
                        .param("username", "colu:x")
                        .param("password", PASSWORD)
                        .with(csrf())
                        .with(from("10.6.0.2")))
                .andReturn();
        assertThat(impostor.getResponse().getRedirectedUrl()).contains("/login?error");
    }

    /** The session cookie a log-in gives (sessions live in the database, as with several instances). */
    Cookie logIn(String username, String password) throws Exception {
        MvcResult login = mvc.perform(post("/login")
                        .param("username", username)
                        .param("password", password)
                        .with(csrf()))
                .andReturn();
        assertThat(login.getResponse().getRedirectedUrl()).doesNotContain("error");
        Cookie session = login.getResponse().getCookie("SESSION");
        assertThat(session).as("the session cookie").isNotNull();
        return session;
    }

    String followUp(Cookie session, long id) throws Exception {
        return mvc.perform(post("/incidents/" + id + "/follow-ups")
                        .cookie(session)
                        .with(csrf())
                        .param("perception", "4"))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
    }

    long incident() {
        return incidents
                .record(
                        Incident.builder()
                                .channel(Channel.PHONE)
                                .community("阳光花园")
                                .serviceArea(ServiceArea.ENGINEERING)
                                .issue("lift-outage")
                                .summary("电梯停了")
                                .complainant(Complainant.of(ComplainantRole.OWNER, Emotion.UPSET))
                                .build(),
                        Language.ZH_CN,
                        "test")
                .id();
    }

    int visits(long id) {
        return jdbc.queryForObject("select count(*) from follow_ups where incident_id = ?", Integer.class, id);
    }
}
