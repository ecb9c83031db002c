package org.yinling.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yinling.audit.AuditLog;

/**
 * Access tokens: short-lived JWTs (HS256) that this application signs itself and Spring Security's resource server
 * checks (signature, issuer, expiry by the application's clock). The token names the client ({@code sub}); what the
 * client may do is read from its record on every call, so a revocation or a narrowed scope counts at once.
 */
@Component
class ApiTokens {

    static final String ISSUER = "yinling";
    static final Duration LIFETIME = Duration.ofMinutes(10);
    /** Tolerance for clocks of other nodes; an expired token is refused once this has passed too. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

    private final ApiSigningKeyStore keys;
    private final ApiClients clients;
    private final AuditLog audit;
    private final Clock clock;
    private volatile JwtDecoder decoder;

    ApiTokens(ApiSigningKeyStore keys, ApiClients clients, AuditLog audit, Clock clock) {
        this.keys = keys;
        this.clients = clients;
        this.audit = audit;
        this.clock = clock;
    }

    /** A token's answer at the token endpoint (RFC 6749 §5.1). */
    record Issued(String accessToken, long expiresIn) {
    }

    /** A token for the client with this id and secret; empty when they do not match an active client. */
    @Transactional
    Optional<Issued> issue(String clientId, String secret) {
        return clients.authenticate(clientId, secret).map(client -> {
            Issued issued = issueAt(client, clock.instant());
            audit.recordAs("api:" + client.name(), "API_TOKEN_ISSUED", "api_client", client.id(), null);
            return issued;
        });
    }

    /** A token issued at {@code now} (tests: a token issued in the past to see it expire). */
    Issued issueAt(ApiClientStore.Credentials client, Instant now) {
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(ISSUER)
                .subject(Long.toString(client.id()))
                .audience(List.of("yinling-api"))
                .issuedAt(now)
                .expiresAt(now.plus(LIFETIME))
                .id(UUID.randomUUID().toString())
                .claim("scope", String.join(" ", client.scopes()))
                .build();
        JwsHeader header = JwsHeader.with(MacAlgorithm.HS256).type("JWT").build();
        String token = NimbusJwtEncoder.withSecretKey(keys.key()).build()
                .encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
        return new Issued(token, LIFETIME.toSeconds());
    }

    /** The resource server's decoder: HS256 with the shared key, our issuer, expiry by the application's clock. */
    JwtDecoder decoder() {
        return token -> {
            JwtDecoder current = decoder;
            if (current == null) {
                NimbusJwtDecoder built = NimbusJwtDecoder.withSecretKey(keys.key()).macAlgorithm(MacAlgorithm.HS256).build();
                JwtTimestampValidator timestamps = new JwtTimestampValidator(CLOCK_SKEW);
                timestamps.setClock(clock);
                built.setJwtValidator(new DelegatingOAuth2TokenValidator<>(timestamps, new JwtIssuerValidator(ISSUER)));
                current = built;
                decoder = current;
            }
            return current.decode(token);
        };
    }

    /** The client a checked token names, if it is still active (one primary-key lookup per call). */
    Optional<ApiClientStore.Credentials> client(Jwt jwt) {
        Long id = ApiClients.parseId(jwt.getSubject());
        if (id == null) {
            throw new BadJwtException("A token without a client");
        }
        return clients.active(id);
    }

    static Map<String, Object> answer(Issued issued) {
        return Map.of("access_token", issued.accessToken(), "token_type", "Bearer", "expires_in", issued.expiresIn());
    }
}
