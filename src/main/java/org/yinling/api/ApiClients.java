package org.yinling.api;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;
import org.yinling.audit.AuditLog;
import org.yinling.region.RegionView;
import org.yinling.region.Regions;

/**
 * API clients: registration, rotation of the secret with an overlap, revocation, each audited in the change's
 * transaction; and the check of a client's secret at the token endpoint. A secret is 256 random bits, shown once
 * and stored only as a BCrypt hash.
 */
@Service
class ApiClients {

    /** The longest overlap a rotation may give the previous secret. */
    static final int MAX_OVERLAP_DAYS = 30;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ApiClientStore store;
    private final Regions regions;
    private final PasswordEncoder encoder;
    private final AuditLog audit;
    private final Clock clock;

    ApiClients(ApiClientStore store, Regions regions, PasswordEncoder encoder, AuditLog audit, Clock clock) {
        this.store = store;
        this.regions = regions;
        this.encoder = encoder;
        this.audit = audit;
        this.clock = clock;
    }

    /** A client and, once, its secret in clear (after registration or rotation). */
    record Issued(ApiClient client, String secret) {
    }

    @Transactional(readOnly = true)
    Page<ApiClient> search(String text, Pageable page) {
        return store.search(text, page);
    }

    @Transactional(readOnly = true)
    ApiClient get(long id) {
        return store.find(id).orElseThrow(() -> new ApiClientNotFoundException(id));
    }

    /** Registers a client; empty (with {@code errors}) when the form is refused. */
    @Transactional
    Optional<Issued> register(ApiClientForm form, Errors errors) {
        check(form, null, errors);
        if (errors.hasErrors()) {
            return Optional.empty();
        }
        return Optional.of(insert(form, actor(), false));
    }

    /** The demo client (demo mode only): inserted with the given secret. */
    @Transactional
    Issued registerDemo(ApiClientForm form, String secret) {
        long id = store.insert(form.name().strip(), form.regionCode(), sorted(form.scopes()), form.rateLimitPerMinute(),
                encoder.encode(secret), clock.instant(), AuditLog.SYSTEM, true);
        ApiClient client = get(id);
        audit.recordAs(AuditLog.SYSTEM, "API_CLIENT_REGISTERED", "api_client", id, Map.of("after", snapshot(client)));
        return new Issued(client, secret);
    }

    /** The demo client's id, if it is registered. */
    @Transactional(readOnly = true)
    Optional<Long> findDemo(String name) {
        return store.findByName(name).filter(ApiClient::demo).map(ApiClient::id);
    }

    @Transactional
    boolean update(long id, ApiClientForm form, Errors errors) {
        ApiClient before = get(id);
        if (before.revoked()) {
            errors.reject("api.client.revoked.noChange");
            return false;
        }
        check(form, id, errors);
        if (errors.hasErrors()) {
            return false;
        }
        store.update(id, form.name().strip(), form.regionCode(), sorted(form.scopes()), form.rateLimitPerMinute());
        audit.record("API_CLIENT_UPDATED", "api_client", id,
                Map.of("before", snapshot(before), "after", snapshot(get(id))));
        return true;
    }

    /**
     * A new secret; the previous one keeps working for {@code overlapDays} days (0: stops at once). Empty when the
     * client is revoked or the overlap is out of range.
     */
    @Transactional
    Optional<Issued> rotate(long id, int overlapDays) {
        ApiClient client = get(id);
        if (client.revoked() || overlapDays < 0 || overlapDays > MAX_OVERLAP_DAYS) {
            return Optional.empty();
        }
        String secret = newSecret();
        Instant now = clock.instant();
        Instant until = now.plus(Duration.ofDays(overlapDays));
        store.rotate(id, encoder.encode(secret), now, until);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("name", client.name());
        details.put("overlapDays", overlapDays);
        details.put("previousSecretUntil", overlapDays == 0 ? null : until.toString());
        audit.record("API_CLIENT_SECRET_ROTATED", "api_client", id, details);
        return Optional.of(new Issued(get(id), secret));
    }

    /** Revokes the client at once: no new token, and its tokens are refused at their next call. */
    @Transactional
    boolean revoke(long id) {
        ApiClient client = get(id);
        if (!store.revoke(id, clock.instant(), actor())) {
            return false;
        }
        audit.record("API_CLIENT_REVOKED", "api_client", id, Map.of("name", client.name()));
        return true;
    }

    /**
     * The client whose id and secret these are, if it is not revoked: the current secret, or the previous one within
     * its overlap. A failed attempt on an existing client is audited (without the secret).
     */
    @Transactional
    Optional<ApiClientStore.Credentials> authenticate(String clientId, String secret) {
        Long id = parseId(clientId);
        if (id == null || secret == null || secret.isEmpty() || secret.length() > 200) {
            return Optional.empty();
        }
        Optional<ApiClientStore.Credentials> found = store.credentials(id);
        if (found.isEmpty()) {
            // as slow as a real check, so that timing does not tell which client ids exist
            encoder.matches(secret, dummyHash());
            return Optional.empty();
        }
        ApiClientStore.Credentials client = found.get();
        boolean matches = encoder.matches(secret, client.secretHash())
                || client.previousSecretHash() != null && clock.instant().isBefore(client.previousSecretUntil())
                && encoder.matches(secret, client.previousSecretHash());
        if (!matches || client.revoked()) {
            audit.recordAs("api:" + client.name(), "API_TOKEN_REFUSED", "api_client", id,
                    Map.of("reason", client.revoked() ? "revoked" : "secret"));
            return Optional.empty();
        }
        return found;
    }

    /**
     * The client a token's subject names, as checked on every call: one primary-key lookup, outside any transaction
     * (one statement in autocommit; a transaction would add its own round trips to every call).
     */
    Optional<ApiClientStore.Credentials> active(long id) {
        return store.credentials(id).filter(client -> !client.revoked());
    }

    /** A hash no secret matches, checked when the client id is unknown (made once, lazily). */
    private volatile String dummyHash;

    private String dummyHash() {
        String hash = dummyHash;
        if (hash == null) {
            hash = encoder.encode(newSecret());
            dummyHash = hash;
        }
        return hash;
    }

    private static String actor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? AuditLog.SYSTEM : authentication.getName();
    }

    static Long parseId(String clientId) {
        if (clientId == null || !clientId.matches("[0-9]{1,18}")) {
            return null;
        }
        return Long.valueOf(clientId);
    }

    private Issued insert(ApiClientForm form, String actor, boolean demo) {
        String secret = newSecret();
        long id = store.insert(form.name().strip(), form.regionCode(), sorted(form.scopes()), form.rateLimitPerMinute(),
                encoder.encode(secret), clock.instant(), actor, demo);
        ApiClient client = get(id);
        audit.record("API_CLIENT_REGISTERED", "api_client", id, Map.of("after", snapshot(client)));
        return new Issued(client, secret);
    }

    private void check(ApiClientForm form, Long id, Errors errors) {
        if (!errors.hasFieldErrors("name") && form.name() != null
                && store.nameTaken(form.name().strip(), id)) {
            errors.rejectValue("name", "api.client.name.taken");
        }
        if (form.regionCode() == null || form.regionCode().isBlank()) {
            errors.rejectValue("regionCode", "api.client.region.required");
        }
        else {
            Optional<RegionView> region = form.regionCode().matches("[0-9]{12}") ? regions.find(form.regionCode())
                    : Optional.empty();
            if (region.isEmpty()) {
                errors.rejectValue("regionCode", "api.client.region.unknown");
            }
        }
        if (form.scopes().isEmpty()) {
            errors.rejectValue("scopes", "api.client.scopes.required");
        }
        else if (form.scopes().stream().anyMatch(scope -> ApiScope.of(scope).isEmpty())) {
            errors.rejectValue("scopes", "api.client.scopes.unknown");
        }
    }

    private static List<String> sorted(List<String> scopes) {
        return scopes.stream().distinct().sorted().toList();
    }

    private static Map<String, Object> snapshot(ApiClient client) {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("name", client.name());
        snapshot.put("regionCode", client.regionCode());
        snapshot.put("scopes", client.scopes());
        snapshot.put("rateLimitPerMinute", client.rateLimitPerMinute());
        return snapshot;
    }

    static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
