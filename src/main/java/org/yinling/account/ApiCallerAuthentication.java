package org.yinling.account;

import java.io.Serial;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * An API request's authentication once its bearer token is checked: the principal is the {@link ApiCaller}, and each
 * of its scopes is an authority {@code SCOPE_<scope>} (the resource server's convention), so a route or a method
 * says {@code hasAuthority('SCOPE_elders:read')}.
 */
public final class ApiCallerAuthentication extends AbstractAuthenticationToken {

    @Serial
    private static final long serialVersionUID = 1L;

    private final transient ApiCaller caller;

    public ApiCallerAuthentication(ApiCaller caller) {
        super(caller.scopes().stream().sorted().map(scope -> new SimpleGrantedAuthority("SCOPE_" + scope)).toList());
        this.caller = caller;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public ApiCaller getPrincipal() {
        return caller;
    }

    @Override
    public String getName() {
        return caller.auditActor();
    }
}
