package com.propertyservice.advisor.user;

import com.propertyservice.advisor.system.ApiProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

/** Creates, lists and disables users; used by the user API and by the pages. */
@Service
public class UserService {

    private final UserRepository users;
    private final PasswordEncoder passwordEncoder;
    private final CredentialsCache credentials;

    UserService(UserRepository users, PasswordEncoder passwordEncoder, CredentialsCache credentials) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.credentials = credentials;
    }

    /**
     * Creates a user.
     *
     * @param actor who creates it, recorded with the user
     * @throws ApiProblemException 409 when the username is taken
     */
    @Transactional
    public UserView create(NewUser user, String actor) {
        if (users.existsById(user.username())) {
            throw new ApiProblemException(HttpStatus.CONFLICT, "conflict", "user.exists", user.username());
        }
        UserAccount account = new UserAccount(user.username(), passwordEncoder.encode(user.password()), user.roles(),
                actor, OffsetDateTime.now());
        users.insert(account);
        return account.view();
    }

    /** Every user, by name. */
    @Transactional(readOnly = true)
    public List<UserView> list() {
        return users.findAllByUsername().stream().map(UserAccount::view).toList();
    }

    /**
     * Disables a user at once: their cached credentials are dropped, so the next call is refused.
     *
     * @throws ApiProblemException 404 when there is no such user, 409 when an administrator disables themself
     */
    @Transactional
    public UserView disable(String username, String actor) {
        UserAccount account = users.findById(username)
                .orElseThrow(() -> new ApiProblemException(HttpStatus.NOT_FOUND, "not-found", "user.not-found", username));
        if (username.equals(actor)) {
            throw new ApiProblemException(HttpStatus.CONFLICT, "conflict", "user.disable-self", username);
        }
        UserAccount disabled = account.disabled(OffsetDateTime.now());
        users.update(disabled);
        credentials.invalidate(username);
        return disabled.view();
    }

    /** Whether any user exists (the first administrator is created only when none does). */
    @Transactional(readOnly = true)
    boolean anyUser() {
        return users.count() > 0;
    }

    @Transactional
    void createFirstAdmin(String password) {
        users.insert(new UserAccount("admin", passwordEncoder.encode(password), Set.of(Role.ADMIN), "system",
                OffsetDateTime.now()));
    }
}
