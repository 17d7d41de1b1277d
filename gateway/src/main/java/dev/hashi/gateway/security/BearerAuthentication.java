package dev.hashi.gateway.security;

import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtReactiveAuthenticationManager;

import dev.hashi.gateway.tokens.ApiTokens;

import reactor.core.publisher.Mono;

/** Authenticates a bearer token: API tokens by their prefix, everything else as a JWT. */
final class BearerAuthentication implements ReactiveAuthenticationManager {

    private final JwtReactiveAuthenticationManager jwt;
    private final ApiTokens tokens;

    BearerAuthentication(ReactiveJwtDecoder decoder, SecurityProperties.Jwt claims, ApiTokens tokens) {
        this.tokens = tokens;
        if (decoder == null) {
            this.jwt = null;
        } else {
            this.jwt = new JwtReactiveAuthenticationManager(decoder);
            this.jwt.setJwtAuthenticationConverter(token ->
                    Mono.fromCallable(() -> new IdentityAuthentication(JwtIdentities.identity(token, claims), "jwt")));
        }
    }

    @Override
    public Mono<Authentication> authenticate(Authentication authentication) {
        if (!(authentication instanceof BearerTokenAuthenticationToken bearer)) {
            return Mono.empty();
        }
        String token = bearer.getToken();
        if (token.startsWith(ApiTokens.PREFIX)) {
            return tokens.authenticate(token).map(identity -> new IdentityAuthentication(identity, "api-token"));
        }
        if (jwt == null) {
            return Mono.error(
                    new InvalidBearerTokenException("JWTs are not accepted: no identity provider is configured"));
        }
        return jwt.authenticate(authentication);
    }
}
