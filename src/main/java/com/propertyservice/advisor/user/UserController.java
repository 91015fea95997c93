package com.propertyservice.advisor.user;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/** User administration, for ADMIN (enforced by the security configuration); one's own password for everyone. */
@RestController
@RequestMapping("/api/users")
class UserController {

    /** Answers several operations document (OpenAPI). */
    private static final String NOT_ADMIN = "Not ADMIN (`forbidden`)";

    private static final String NO_USER = "No such user (`not-found`)";
    private static final String NOT_JSON = "The body is not application/json (`unsupported-media-type`)";

    private final UserService users;

    UserController(UserService users) {
        this.users = users;
    }

    @Operation(summary = "Create a user (ADMIN)")
    @ApiResponse(responseCode = "201", description = "Created; Location names the user", useReturnTypeSchema = true)
    @ApiResponse(
            responseCode = "400",
            description =
                    "A bad username, password (the policy) or role, or a body that is not JSON (`invalid-request`, `malformed-body`)")
    @ApiResponse(responseCode = "403", description = NOT_ADMIN)
    @ApiResponse(responseCode = "409", description = "The username is taken, in any case (`conflict`)")
    @ApiResponse(responseCode = "415", description = NOT_JSON)
    @PostMapping
    ResponseEntity<UserView> create(@Valid @RequestBody NewUser user, Authentication caller, UriComponentsBuilder uri) {
        UserView created = users.create(user, caller.getName());
        return ResponseEntity.created(uri.path("/api/users/{username}")
                        .buildAndExpand(created.username())
                        .toUri())
                .body(created);
    }

    @Operation(summary = "The users (ADMIN)")
    @ApiResponse(responseCode = "200", description = "The users", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "403", description = NOT_ADMIN)
    @GetMapping
    List<UserView> list() {
        return users.list();
    }

    @Operation(summary = "Disable a user; their sessions end (ADMIN)")
    @ApiResponse(responseCode = "200", description = "Disabled", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "403", description = NOT_ADMIN)
    @ApiResponse(responseCode = "404", description = NO_USER)
    @ApiResponse(responseCode = "409", description = "Disabling yourself (`conflict`)")
    @PostMapping("/{username}/disable")
    UserView disable(@PathVariable String username, Authentication caller) {
        return users.disable(username, caller.getName());
    }

    /** Anyone signed in may change their own password (giving the present one); ADMIN may set anyone's. */
    @Operation(summary = "Change a password: one's own, giving the present one, or anyone's as ADMIN")
    @ApiResponse(responseCode = "200", description = "Changed; the user's sessions end", useReturnTypeSchema = true)
    @ApiResponse(
            responseCode = "400",
            description =
                    "A wrong present password, a new one that breaks the policy, or a body that is not JSON (`invalid-request`, `malformed-body`)")
    @ApiResponse(
            responseCode = "403",
            description = "Someone else's password without being ADMIN, or an API key (`forbidden`)")
    @ApiResponse(responseCode = "404", description = NO_USER)
    @ApiResponse(responseCode = "415", description = NOT_JSON)
    @PostMapping("/{username}/password")
    UserView changePassword(
            @PathVariable String username, @Valid @RequestBody PasswordChange change, Authentication caller) {
        boolean admin = caller.getAuthorities().stream().anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()));
        return users.changePassword(username, change, caller.getName(), admin);
    }
}
