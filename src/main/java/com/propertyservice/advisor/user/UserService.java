package com.propertyservice.advisor.user;

import com.propertyservice.advisor.system.ApiProblemException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, lists and disables users and changes passwords; used by the user API and by the pages. Names are
 * case-insensitive ({@link Usernames}); passwords follow the {@link PasswordPolicy}. Disabling a user or
 * changing a password ends that user's web sessions and drops their cached credentials at once.
 */
@Service
public class UserService {

    private final UserRepository users;
    private final PasswordEncoder passwordEncoder;
    private final CredentialsCache credentials;
    private final PasswordPolicy policy;
    private final SessionRegistry sessions;
    private final Clock clock;

    UserService(
            UserRepository users,
            PasswordEncoder passwordEncoder,
            CredentialsCache credentials,
            PasswordPolicy policy,
            SessionRegistry sessions,
            Clock clock) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.credentials = credentials;
        this.policy = policy;
        this.sessions = sessions;
        this.clock = clock;
    }

    /**
     * Creates a user under the canonical (lower-case) form of the name.
     *
     * @param actor who creates it, recorded with the user
     * @throws ApiProblemException 409 when the username is taken in any case, 400 when the password breaks the policy
     */
    @Transactional
    public UserView create(NewUser user, String actor) {
        String username = Usernames.canonical(user.username());
        if (users.existsById(username)) {
            throw new ApiProblemException(HttpStatus.CONFLICT, "conflict", "user.exists", username);
        }
        policy.check(username, user.password());
        UserAccount account = new UserAccount(
                username, passwordEncoder.encode(user.password()), user.roles(), actor, OffsetDateTime.now(clock));
        users.insert(account);
        return account.view();
    }

    /** Every user, by name. */
    @Transactional(readOnly = true)
    public List<UserView> list() {
        return users.findAllByUsername().stream().map(UserAccount::view).toList();
    }

    /**
     * Disables a user at once: their sessions end and their cached credentials are dropped, so the next
     * request is refused.
     *
     * @throws ApiProblemException 404 when there is no such user, 409 when an administrator disables themself
     */
    @Transactional
    public UserView disable(String username, String actor) {
        String name = Usernames.canonical(username);
        UserAccount account = find(name);
        if (name.equals(Usernames.canonical(actor))) {
            throw new ApiProblemException(HttpStatus.CONFLICT, "conflict", "user.disable-self", name);
        }
        UserAccount disabled = account.disabled(OffsetDateTime.now(clock));
        users.update(disabled);
        forget(name);
        return disabled.view();
    }

    /**
     * Sets a new password. An administrator may set anyone's; everyone else only their own, giving the
     * present one. The user's sessions end (also the caller's own, who logs in again) and cached
     * credentials are dropped.
     *
     * @param actor      who asks
     * @param actorAdmin whether the caller is an administrator
     * @throws ApiProblemException 403 for someone else's password without being ADMIN, 400 for a wrong present
     *                             password or a new one that breaks the policy, 404 when there is no such user
     */
    @Transactional
    public UserView changePassword(String username, PasswordChange change, String actor, boolean actorAdmin) {
        String name = Usernames.canonical(username);
        boolean own = name.equals(Usernames.canonical(actor));
        if (!own && !actorAdmin) {
            throw new ApiProblemException(HttpStatus.FORBIDDEN, "forbidden", "problem.forbidden.detail");
        }
        UserAccount account = find(name);
        if (own
                && (change.currentPassword() == null
                        || !passwordEncoder.matches(change.currentPassword(), account.passwordHash()))) {
            throw ApiProblemException.invalidField("currentPassword", "password.current-wrong");
        }
        policy.check(name, change.newPassword());
        UserAccount changed =
                account.withPassword(passwordEncoder.encode(change.newPassword()), OffsetDateTime.now(clock));
        users.update(changed);
        forget(name);
        return changed.view();
    }

    /** Whether any user exists (the first administrator is created only when none does). */
    @Transactional(readOnly = true)
    boolean anyUser() {
        return users.count() > 0;
    }

    /** @throws ApiProblemException 400 when the password breaks the policy */
    @Transactional
    void createFirstAdmin(String password) {
        policy.check("admin", password);
        users.insert(new UserAccount(
                "admin", passwordEncoder.encode(password), Set.of(Role.ADMIN), "system", OffsetDateTime.now(clock)));
    }

    /** The user's name as stored when such a user exists and may log in (an incident's assignee); empty otherwise. */
    @Transactional(readOnly = true)
    public Optional<String> enabledUser(String username) {
        return users.findById(username).filter(UserAccount::enabled).map(UserAccount::username);
    }

    private UserAccount find(String name) {
        return users.findById(name)
                .orElseThrow(() -> new ApiProblemException(HttpStatus.NOT_FOUND, "not-found", "user.not-found", name));
    }

    private void forget(String name) {
        credentials.invalidate(name);
        for (SessionInformation session : sessions.getAllSessions(name, false)) {
            session.expireNow();
        }
    }
}
