package com.propertyservice.advisor.user;

import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.List;

/** User administration, for ADMIN (enforced by the security configuration); one's own password for everyone. */
@RestController
@RequestMapping("/api/users")
class UserController {

    private final UserService users;

    UserController(UserService users) {
        this.users = users;
    }

    @PostMapping
    ResponseEntity<UserView> create(@Valid @RequestBody NewUser user, Authentication caller, UriComponentsBuilder uri) {
        UserView created = users.create(user, caller.getName());
        return ResponseEntity.created(uri.path("/api/users/{username}").buildAndExpand(created.username()).toUri())
                .body(created);
    }

    @GetMapping
    List<UserView> list() {
        return users.list();
    }

    @PostMapping("/{username}/disable")
    UserView disable(@PathVariable String username, Authentication caller) {
        return users.disable(username, caller.getName());
    }

    /** Anyone signed in may change their own password (giving the present one); ADMIN may set anyone's. */
    @PostMapping("/{username}/password")
    UserView changePassword(@PathVariable String username, @Valid @RequestBody PasswordChange change,
                            Authentication caller) {
        boolean admin = caller.getAuthorities().stream().anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()));
        return users.changePassword(username, change, caller.getName(), admin);
    }
}
