package org.yinling.homecare;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.imageio.ImageIO;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;
import org.yinling.account.CurrentUser;
import org.yinling.audit.AuditLog;

import static org.yinling.homecare.OrderState.ACCEPTED;
import static org.yinling.homecare.OrderState.CHECKED_IN;
import static org.yinling.homecare.OrderState.CHECKED_OUT;
import static org.yinling.homecare.OrderState.DISPATCHED;
import static org.yinling.homecare.OrderState.PENDING_DISPATCH;

/**
 * Every change of a work order: each is one guarded UPDATE (the expected state, the user's scope) plus one event row
 * ({@link OrderStore#transition}) and the audit record, in one transaction. When the order is no longer in the
 * expected state (someone else was quicker) nothing is written and the user is told what happened instead. The
 * database refuses illegal transitions as well (V28's trigger).
 */
@Service
class OrderWorkflow {

    static final String ENTITY = "home_care_order";
    /** Wrong service-card codes before the order is flagged and the card refused for it. */
    static final int CODE_TRIES = 3;
    /** The largest signature image accepted (the table's limit). */
    static final int SIGNATURE_MAX_BYTES = 256 * 1024;
    private static final String PNG_PREFIX = "data:image/png;base64,";
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final Set<OrderState> ALL = Set.of(OrderState.values());
    private static final SecureRandom RANDOM = new SecureRandom();

    private final OrderStore store;
    private final AuditLog audit;
    private final Clock clock;
    private final HomeCareSettings settings;
    private final PasswordEncoder encoder;

    OrderWorkflow(OrderStore store, AuditLog audit, Clock clock, PasswordEncoder encoder, HomeCareSettings settings) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
        this.settings = settings;
        this.encoder = encoder;
    }

    // ---- reading

    /** An order in the user's scope (staff, managers, the provider's manager); 404 outside it. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('DISTRICT_STAFF', 'STREET_REVIEWER', 'COMMUNITY_CLERK', 'MANAGER', 'PROVIDER_MANAGER')")
    OrderView view(long id, CurrentUser user) {
        return load(id, HomeCareScope.of(user));
    }

    /** The care worker's own order while they may see it, with its elder's phone: the view is audited. */
    @Transactional
    @PreAuthorize("hasRole('CARE_WORKER')")
    OrderView workerView(long id, CurrentUser user) {
        OrderView order = store.findForWorker(id, HomeCareScope.of(user), now())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        audit.record("HOME_CARE_ORDER_VIEWED", ENTITY, id, Map.of("elder", order.elderId()));
        return order;
    }

    /** Whether a closed order's facts still give its stored digest: "unchanged", "changed", or null before closing. */
    @Transactional(readOnly = true)
    String digestStatus(OrderView order) {
        if (order.digest() == null) {
            return null;
        }
        return order.digest().equals(digest(order.id())) ? "unchanged" : "changed";
    }

    /** The SHA-256 (hex) over the order's facts as they are now in the database. */
    String digest(long id) {
        String facts = store.digestFacts(id).orElseThrow();
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(facts.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- staff

    @Transactional
    @PreAuthorize("hasAnyRole('DISTRICT_STAFF', 'STREET_REVIEWER', 'COMMUNITY_CLERK')")
    OrderOutcome dispatch(long id, Long providerId, CurrentUser user) {
        HomeCareScope scope = HomeCareScope.of(user);
        OrderView order = load(id, scope);
        LocalDate today = LocalDate.now(clock);
        if (order.state() != PENDING_DISPATCH) {
            return refusal(order);
        }
        if (providerId == null || !store.providerMayServe(providerId, order.communityCode(), today)) {
            return OrderOutcome.refused("homecare.order.provider.invalid");
        }
        int changed = store.transition(id, scope, Set.of(PENDING_DISPATCH),
                "state = 'DISPATCHED', provider_id = :provider", OrderStore.PROVIDER_MAY_SERVE,
                Map.of("provider", providerId, "today", today), "DISPATCHED", null, user.getUsername(), now());
        if (changed == 0) {
            return refusal(load(id, scope));
        }
        audit.record("HOME_CARE_ORDER_DISPATCHED", ENTITY, id, Map.of("provider", providerId));
        return OrderOutcome.done("homecare.order.dispatched");
    }

    @Transactional
    @PreAuthorize("hasAnyRole('DISTRICT_STAFF', 'STREET_REVIEWER', 'COMMUNITY_CLERK')")
    OrderOutcome cancel(long id, String reason, CurrentUser user) {
        HomeCareScope scope = HomeCareScope.of(user);
        OrderView order = load(id, scope);
        String why = text(reason, 200);
        if (why == null) {
            return OrderOutcome.refused("homecare.order.reason.required");
        }
        if (!OrderState.OPEN.contains(order.state())) {
            return refusal(order);
        }
        int changed = store.transition(id, scope, OrderState.OPEN,
                "state = 'CANCELLED', close_reason = :reason, closed_at = :at", "", Map.of(), "CANCELLED", why,
                user.getUsername(), now());
        if (changed == 0) {
            return refusal(load(id, scope));
        }
        audit.record("HOME_CARE_ORDER_CANCELLED", ENTITY, id, Map.of("reason", why));
        return OrderOutcome.done("homecare.order.cancelled");
    }

    /** Staff of the region or the provider's manager: an order sent or accepted and not begun long after its time. */
    @Transactional
    @PreAuthorize("hasAnyRole('DISTRICT_STAFF', 'STREET_REVIEWER', 'COMMUNITY_CLERK', 'PROVIDER_MANAGER')")
    OrderOutcome markMissed(long id, CurrentUser user) {
        HomeCareScope scope = HomeCareScope.of(user);
        OrderView order = load(id, scope);
        if (order.state() != DISPATCHED && order.state() != ACCEPTED) {
            return refusal(order);
        }
        int changed = store.transition(id, scope, Set.of(DISPATCHED, ACCEPTED),
                "state = 'MISSED', closed_at = :at", OrderStore.missedCondition(), Map.of("now", now(),
                        "zone", store.zoneId()), "MISSED", null, user.getUsername(), now());
        if (changed == 0) {
            OrderView again = load(id, scope);
            return again.state() == order.state() ? OrderOutcome.refused("homecare.order.missed.notYet")
                    : refusal(again);
        }
        audit.record("HOME_CARE_ORDER_MISSED", ENTITY, id, Map.of());
        return OrderOutcome.done("homecare.order.missedDone");
    }

    @Transactional
    @PreAuthorize("hasRole('DISTRICT_STAFF')")
    OrderOutcome clearFlags(long id, String note, CurrentUser user) {
        HomeCareScope scope = HomeCareScope.of(user);
        load(id, scope);
        String why = text(note, 500);
        if (why == null) {
            return OrderOutcome.refused("homecare.order.flags.noteRequired");
        }
        int changed = store.transition(id, scope, ALL,
                "flags_cleared_at = :at, flags_cleared_by = :actor, flags_note = :note",
                " AND " + OrderStore.FLAGS_OPEN, Map.of("note", why), "FLAGS_CLEARED", truncate(why, 200),
                user.getUsername(), now());
        if (changed == 0) {
            return OrderOutcome.refused("homecare.order.flags.none");
        }
        audit.record("HOME_CARE_ORDER_FLAGS_CLEARED", ENTITY, id, Map.of("note", why));
        return OrderOutcome.done("homecare.order.flags.cleared");
    }

    // ---- the provider's manager

    /** Accepts a dispatched order for the provider and assigns it to one of its care workers. */
    @Transactional
    @PreAuthorize("hasRole('PROVIDER_MANAGER')")
    OrderOutcome assign(long id, Long workerId, CurrentUser user) {
        HomeCareScope scope = HomeCareScope.of(user);
        OrderView order = load(id, scope);
        if (order.state() != DISPATCHED) {
            return refusal(order);
        }
        if (!isWorkerOf(workerId, scope)) {
            return OrderOutcome.refused("homecare.order.worker.invalid");
        }
        int changed = store.transition(id, scope, Set.of(DISPATCHED), "state = 'ACCEPTED', worker_id = :worker",
                OrderStore.WORKER_OF_PROVIDER, Map.of("worker", workerId), "ACCEPTED", null, user.getUsername(), now());
        if (changed == 0) {
            return refusal(load(id, scope));
        }
        audit.record("HOME_CARE_ORDER_ACCEPTED", ENTITY, id, Map.of("worker", workerId));
        return OrderOutcome.done("homecare.order.assigned");
    }

    /** 改派: an accepted order to another care worker of the same provider. */
    @Transactional
    @PreAuthorize("hasRole('PROVIDER_MANAGER')")
    OrderOutcome reassign(long id, Long workerId, CurrentUser user) {
        HomeCareScope scope = HomeCareScope.of(user);
        OrderView order = load(id, scope);
        if (order.state() != ACCEPTED) {
            return refusal(order);
        }
        if (!isWorkerOf(workerId, scope)) {
            return OrderOutcome.refused("homecare.order.worker.invalid");
        }
        if (workerId.equals(order.workerId())) {
            return OrderOutcome.refused("homecare.order.reassign.same");
        }
        int changed = store.transition(id, scope, Set.of(ACCEPTED), "worker_id = :worker",
                OrderStore.WORKER_OF_PROVIDER + " AND o.worker_id <> :worker", Map.of("worker", workerId),
                "REASSIGNED", null, user.getUsername(), now());
        if (changed == 0) {
            return refusal(load(id, scope));
        }
        audit.record("HOME_CARE_ORDER_REASSIGNED", ENTITY, id, Map.of("from", order.workerId(), "to", workerId));
        return OrderOutcome.done("homecare.order.reassigned");
    }

    /** 拒单: the provider gives the order back, with a reason; it waits for dispatch again. */
    @Transactional
    @PreAuthorize("hasRole('PROVIDER_MANAGER')")
    OrderOutcome refuse(long id, String reason, CurrentUser user) {
        HomeCareScope scope = HomeCareScope.of(user);
        OrderView order = load(id, scope);
        String why = text(reason, 200);
        if (why == null) {
            return OrderOutcome.refused("homecare.order.reason.required");
        }
        if (order.state() != DISPATCHED && order.state() != ACCEPTED) {
            return refusal(order);
        }
        int changed = store.transition(id, scope, Set.of(DISPATCHED, ACCEPTED),
                "state = 'PENDING_DISPATCH', provider_id = NULL, worker_id = NULL", "", Map.of(), "REJECTED", why,
                user.getUsername(), now());
        if (changed == 0) {
            return refusal(load(id, scope));
        }
        audit.record("HOME_CARE_ORDER_REFUSED", ENTITY, id, Map.of("provider", order.providerId(), "reason", why));
        return OrderOutcome.done("homecare.order.refusedDone");
    }

    // ---- the care worker

    /**
     * Checks in at the server's time. The phone's location is optional; farther from the home than the setting's
     * radius flags the order (never refuses it); with no home location yet, this first visit's becomes the home.
     */
    @Transactional
    @PreAuthorize("hasRole('CARE_WORKER')")
    OrderOutcome checkIn(long id, String latitude, String longitude, CurrentUser user) {
        HomeCareScope scope = HomeCareScope.of(user);
        OrderView order = loadForWorker(id, scope);
        if (order.state() != ACCEPTED) {
            return order.checkInAt() != null ? OrderOutcome.refused("homecare.work.alreadyCheckedIn")
                    : refusal(order);
        }
        Optional<BigDecimal[]> location;
        try {
            location = Coordinates.parse(latitude, longitude);
        } catch (IllegalArgumentException e) {
            return OrderOutcome.refused("homecare.work.location.invalid");
        }
        OffsetDateTime at = now();
        Optional<OrderStore.Location> home = store.location(order.elderId());
        Integer distance = null;
        boolean far = false;
        if (location.isPresent() && home.isPresent()) {
            distance = (int) Math.round(Haversine.metres(location.get()[0].doubleValue(),
                    location.get()[1].doubleValue(), home.get().latitude().doubleValue(),
                    home.get().longitude().doubleValue()));
            far = distance > settings.on(order.communityCode(), LocalDate.now(clock)).checkinRadiusM();
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("lat", location.map(l -> l[0]).orElse(null));
        params.put("lon", location.map(l -> l[1]).orElse(null));
        params.put("distance", distance);
        params.put("far", far);
        int changed = store.transition(id, scope, Set.of(ACCEPTED), """
                        state = 'CHECKED_IN', check_in_at = :at, check_in_latitude = CAST(:lat AS numeric),
                        check_in_longitude = CAST(:lon AS numeric), check_in_distance_m = CAST(:distance AS integer),
                        flag_distance = :far""", "", params, "CHECKED_IN", null, user.getUsername(), at);
        if (changed == 0) {
            return OrderOutcome.refused("homecare.work.alreadyCheckedIn");
        }
        if (location.isPresent() && home.isEmpty()) {
            store.setLocation(order.elderId(), location.get()[0], location.get()[1], "FIRST_VISIT",
                    user.getUsername(), at);
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("distance", distance);
        details.put("flagDistance", far);
        audit.record("HOME_CARE_ORDER_CHECKED_IN", ENTITY, id, details);
        return far ? OrderOutcome.done("homecare.work.checkedIn.far")
                : OrderOutcome.done("homecare.work.checkedIn");
    }

    /** Checks out at the server's time with what was done; shorter than the item's required share is flagged. */
    @Transactional
    @PreAuthorize("hasRole('CARE_WORKER')")
    OrderOutcome checkOut(long id, String workDone, CurrentUser user) {
        HomeCareScope scope = HomeCareScope.of(user);
        OrderView order = loadForWorker(id, scope);
        if (order.state() == ACCEPTED) {
            return OrderOutcome.refused("homecare.work.checkInFirst");
        }
        if (order.state() != CHECKED_IN) {
            return order.checkOutAt() != null ? OrderOutcome.refused("homecare.work.alreadyCheckedOut")
                    : refusal(order);
        }
        String done = text(workDone, 1000);
        if (done == null) {
            return OrderOutcome.refused("homecare.work.workDone.required");
        }
        int changed = store.transition(id, scope, Set.of(CHECKED_IN), """
                        state = 'CHECKED_OUT', check_out_at = :at, work_done = :done,
                        flag_duration = (CAST(:at AS timestamptz) - o.check_in_at) <
                            (SELECT make_interval(secs => i.standard_minutes * 60 * i.required_share)
                             FROM home_care_item i WHERE i.id = o.item_id)""", "", Map.of("done", done),
                "CHECKED_OUT", null, user.getUsername(), now());
        if (changed == 0) {
            return OrderOutcome.refused("homecare.work.alreadyCheckedOut");
        }
        OrderView after = load(id, scope);
        audit.record("HOME_CARE_ORDER_CHECKED_OUT", ENTITY, id, Map.of("minutes", after.durationMinutes(),
                "flagDuration", after.flagDuration()));
        return after.flagDuration() ? OrderOutcome.done("homecare.work.checkedOut.short") : OrderOutcome.done("homecare.work.checkedOut");
    }

    /** The elder's signature drawn on the worker's screen: a PNG data URL of at most 256 KB. */
    @Transactional
    @PreAuthorize("hasRole('CARE_WORKER')")
    OrderOutcome confirmBySignature(long id, String dataUrl, CurrentUser user) {
        HomeCareScope scope = HomeCareScope.of(user);
        OrderView order = loadForWorker(id, scope);
        if (order.state() != CHECKED_OUT) {
            return confirmRefusal(order);
        }
        byte[] png = png(dataUrl);
        if (png == null) {
            return OrderOutcome.refused("homecare.work.signature.invalid");
        }
        OffsetDateTime at = now();
        if (!confirm(id, scope, "SIGNATURE", user, at)) {
            return confirmRefusal(load(id, scope));
        }
        store.insertSignature(id, png, at);
        return confirmed(id, "SIGNATURE");
    }

    /** The code of the elder's service card, checked against its hash; the third wrong code flags the order. */
    @Transactional
    @PreAuthorize("hasRole('CARE_WORKER')")
    OrderOutcome confirmByCode(long id, String code, CurrentUser user) {
        HomeCareScope scope = HomeCareScope.of(user);
        OrderView order = loadForWorker(id, scope);
        if (order.state() != CHECKED_OUT) {
            return confirmRefusal(order);
        }
        if (order.codeAttempts() >= CODE_TRIES) {
            return OrderOutcome.refused("homecare.work.code.locked");
        }
        Optional<String> hash = store.cardHash(order.elderId());
        if (hash.isEmpty()) {
            return OrderOutcome.refused("homecare.work.code.noCard");
        }
        String given = code == null ? "" : code.strip();
        if (given.matches("\\d{6}") && encoder.matches(given, hash.get())) {
            if (!confirm(id, scope, "CARD_CODE", user, now())) {
                return confirmRefusal(load(id, scope));
            }
            return confirmed(id, "CARD_CODE");
        }
        int changed = store.transition(id, scope, Set.of(CHECKED_OUT),
                "code_attempts = o.code_attempts + 1, flag_code = (o.code_attempts + 1 >= " + CODE_TRIES + ")",
                " AND o.code_attempts < " + CODE_TRIES, Map.of(), "CODE_FAILED", null, user.getUsername(), now());
        if (changed == 0) {
            return OrderOutcome.refused("homecare.work.code.locked");
        }
        int tries = order.codeAttempts() + 1;
        audit.record("HOME_CARE_ORDER_CODE_FAILED", ENTITY, id, Map.of("attempt", tries));
        return tries >= CODE_TRIES ? OrderOutcome.refused("homecare.work.code.locked")
                : OrderOutcome.refused("homecare.work.code.wrong", CODE_TRIES - tries);
    }

    private boolean confirm(long id, HomeCareScope scope, String how, CurrentUser user, OffsetDateTime at) {
        return store.transition(id, scope, Set.of(CHECKED_OUT),
                "state = 'CONFIRMED', confirmed_at = :at, closed_at = :at, confirmation = :how", "",
                Map.of("how", how), "CONFIRMED", null, user.getUsername(), at) == 1;
    }

    private OrderOutcome confirmed(long id, String how) {
        String digest = digest(id);
        store.setDigest(id, digest);
        audit.record("HOME_CARE_ORDER_CONFIRMED", ENTITY, id, Map.of("confirmation", how, "digest", digest));
        return OrderOutcome.done("homecare.work.confirmed");
    }

    private OrderOutcome confirmRefusal(OrderView order) {
        if (order.state() == ACCEPTED || order.state() == CHECKED_IN) {
            return OrderOutcome.refused("homecare.work.checkOutFirst");
        }
        return order.confirmedAt() != null ? OrderOutcome.refused("homecare.work.alreadyConfirmed") : refusal(order);
    }

    // ---- elders' homes and service cards

    /** An elder of the staff user's region (404 outside it), with the home location and card facts. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('DISTRICT_STAFF', 'STREET_REVIEWER', 'COMMUNITY_CLERK')")
    OrderStore.Elder elder(long elderId, CurrentUser user) {
        return store.elder(elderId, user.scope().likePattern())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    @Transactional
    @PreAuthorize("hasAnyRole('STREET_REVIEWER', 'COMMUNITY_CLERK')")
    OrderOutcome setLocation(long elderId, String latitude, String longitude, CurrentUser user) {
        OrderStore.Elder elder = store.elder(elderId, user.scope().likePattern())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Optional<BigDecimal[]> location;
        try {
            location = Coordinates.parse(latitude, longitude);
        } catch (IllegalArgumentException e) {
            return OrderOutcome.refused("homecare.work.location.invalid");
        }
        if (location.isEmpty()) {
            return OrderOutcome.refused("homecare.work.location.invalid");
        }
        store.setLocation(elder.id(), location.get()[0], location.get()[1], "COMMUNITY", user.getUsername(), now());
        audit.record("HOME_CARE_LOCATION_SET", "elder", elder.id(), Map.of("latitude", location.get()[0],
                "longitude", location.get()[1]));
        return OrderOutcome.done("homecare.elder.location.saved");
    }

    /** Issues (or rotates) the elder's 6-digit service-card code; the code is returned once and stored hashed. */
    @Transactional
    @PreAuthorize("hasRole('DISTRICT_STAFF')")
    String issueCard(long elderId, CurrentUser user) {
        OrderStore.Elder elder = store.elder(elderId, user.scope().likePattern())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        String code = String.format("%06d", RANDOM.nextInt(1_000_000));
        boolean rotated = store.cardHash(elder.id()).isPresent();
        store.setCard(elder.id(), encoder.encode(code), user.getUsername(), now());
        audit.record("HOME_CARE_CARD_ISSUED", "elder", elder.id(), Map.of("rotated", rotated));
        return code;
    }

    // ---- helpers

    private OrderView load(long id, HomeCareScope scope) {
        return store.find(id, scope).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private OrderView loadForWorker(long id, HomeCareScope scope) {
        return store.findForWorker(id, scope, now()).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private boolean isWorkerOf(Long workerId, HomeCareScope scope) {
        return workerId != null && store.workersOf(scope.provider()).stream().anyMatch(w -> w.id() == workerId);
    }

    /** Why an order in this state cannot take the action: who has it now, or its state. */
    private OrderOutcome refusal(OrderView order) {
        if (order.state() == ACCEPTED && order.workerName() != null) {
            return OrderOutcome.refused("homecare.order.refused.accepted", order.workerName());
        }
        return OrderOutcome.refused("homecare.order.refused.state",
                new DefaultMessageSourceResolvable(order.state().messageKey()));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    private static String text(String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        return stripped.length() > max ? null : stripped;
    }

    private static String truncate(String value, int max) {
        return value.length() > max ? value.substring(0, max) : value;
    }

    /** The PNG bytes of a data URL, or null when it is not a PNG of at most 256 KB. */
    static byte[] png(String dataUrl) {
        if (dataUrl == null || !dataUrl.startsWith(PNG_PREFIX)
                || dataUrl.length() > PNG_PREFIX.length() + (SIGNATURE_MAX_BYTES / 3 + 1) * 4) {
            return null;
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(dataUrl.substring(PNG_PREFIX.length()));
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (bytes.length > SIGNATURE_MAX_BYTES || bytes.length < PNG_MAGIC.length) {
            return null;
        }
        for (int i = 0; i < PNG_MAGIC.length; i++) {
            if (bytes[i] != PNG_MAGIC[i]) {
                return null;
            }
        }
        try {
            return ImageIO.read(new ByteArrayInputStream(bytes)) == null ? null : bytes;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Latitude and longitude from a request. */
    static final class Coordinates {

        private Coordinates() {
        }

        /**
         * Both blank: no location. Otherwise both must be decimal numbers within range (rounded to the table's 6
         * decimals); anything else is an {@link IllegalArgumentException}.
         */
        static Optional<BigDecimal[]> parse(String latitude, String longitude) {
            boolean noLat = latitude == null || latitude.isBlank();
            boolean noLon = longitude == null || longitude.isBlank();
            if (noLat && noLon) {
                return Optional.empty();
            }
            if (noLat || noLon) {
                throw new IllegalArgumentException("one coordinate");
            }
            BigDecimal lat = number(latitude, 90);
            BigDecimal lon = number(longitude, 180);
            return Optional.of(new BigDecimal[] {lat, lon});
        }

        private static BigDecimal number(String value, int limit) {
            String v = value.strip();
            if (v.length() > 24 || !v.matches("-?\\d{1,3}(\\.\\d{1,15})?")) {
                throw new IllegalArgumentException("not a coordinate");
            }
            BigDecimal number = new BigDecimal(v).setScale(6, RoundingMode.HALF_UP);
            if (number.abs().compareTo(BigDecimal.valueOf(limit)) > 0) {
                throw new IllegalArgumentException("out of range");
            }
            return number;
        }
    }

    /** Missed visits of the user's region or provider, and their count per provider. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('DISTRICT_STAFF', 'STREET_REVIEWER', 'COMMUNITY_CLERK', 'PROVIDER_MANAGER')")
    Missed missed(CurrentUser user) {
        HomeCareScope scope = HomeCareScope.of(user);
        return new Missed(store.missed(scope, now(), 500), store.missedPerProvider(scope, now()));
    }

    record Missed(List<OrderStore.MissedRow> orders, List<OrderStore.MissedCount> perProvider) {
    }

    List<OrderStore.Choice> workersOf(CurrentUser user) {
        return user.providerId() == null ? List.of() : store.workersOf(user.providerId());
    }
}
