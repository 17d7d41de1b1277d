package dev.hashi.gateway.security;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import dev.hashi.identity.Identity;

/** An authenticated caller: the {@link Identity} the gateway will forward, with its roles as authorities. */
public final class IdentityAuthentication extends AbstractAuthenticationToken {

    private final Identity identity;
    private final String method;

    /**
     * @param method how the caller authenticated: {@code jwt} or {@code api-token}
     */
    public IdentityAuthentication(Identity identity, String method) {
        super(authorities(identity));
        this.identity = identity;
        this.method = method;
        setAuthenticated(true);
    }

    private static List<GrantedAuthority> authorities(Identity identity) {
        return identity.roles().stream()
                .<GrantedAuthority>map(role -> new SimpleGrantedAuthority("ROLE_" + role.name()))
                .toList();
    }

    public Identity identity() {
        return identity;
    }

    public String method() {
        return method;
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return identity.subject();
    }
}
