package com.propertyservice.advisor.user;

import com.propertyservice.advisor.system.LoginThrottledException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checks a username and password (HTTP Basic and the login form) against the users table: names are
 * case-insensitive, a pair that passed its stored hash is remembered for a minute ({@link CredentialsCache}; the
 * row itself is read on every request, so a change made on another instance counts at once), and every
 * other check first passes the {@link LoginThrottle}, so a throttled attempt never runs bcrypt.
 */
@Component
class UserAuthenticationProvider implements AuthenticationProvider {

    // compared against when the user does not exist, so an unknown name costs as much as a wrong password
    private final String dummyHash;
    private final UserRepository users;
    private final PasswordEncoder passwordEncoder;
    private final CredentialsCache cache;
    private final LoginThrottle throttle;

    UserAuthenticationProvider(
            UserRepository users, PasswordEncoder passwordEncoder, CredentialsCache cache, LoginThrottle throttle) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.cache = cache;
        this.throttle = throttle;
        this.dummyHash = passwordEncoder.encode("not-a-real-password-" + System.nanoTime());
    }

    @Override
    @Transactional(readOnly = true)
    public Authentication authenticate(Authentication authentication) {
        String username = Usernames.canonical(authentication.getName());
        String password = authentication.getCredentials() == null
                ? ""
                : authentication.getCredentials().toString();
        // the row is read on every request, cached or not: a user disabled or a password changed on another
        // instance takes effect here at once, and the roles are the ones stored now
        Optional<UserAccount> account = users.findById(username);
        if (account.isPresent()
                && cache.matches(username, password, account.get().passwordHash())) {
            if (!account.get().enabled()) {
                throw new DisabledException("user disabled");
            }
            return authenticated(username, account.get().roles());
        }
        String address = authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress()
                : null;
        Optional<Duration> wait = throttle.acquire(username, address);
        if (wait.isPresent()) {
            throw new LoginThrottledException(wait.get());
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > PasswordPolicy.MAX_BYTES) {
            throw new BadCredentialsException("bad credentials"); // no stored password is that long
        }
        if (account.isEmpty()) {
            passwordEncoder.matches(password, dummyHash);
            throw new BadCredentialsException("bad credentials");
        }
        if (!passwordEncoder.matches(password, account.get().passwordHash())) {
            throw new BadCredentialsException("bad credentials");
        }
        throttle.succeeded(username, address);
        if (!account.get().enabled()) {
            throw new DisabledException("user disabled");
        }
        Set<Role> roles = account.get().roles();
        cache.remember(username, password, account.get().passwordHash());
        return authenticated(username, roles);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private static Authentication authenticated(String username, Set<Role> roles) {
        List<GrantedAuthority> authorities = roles.stream()
                .map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role.name()))
                .toList();
        return UsernamePasswordAuthenticationToken.authenticated(username, null, authorities);
    }
}
