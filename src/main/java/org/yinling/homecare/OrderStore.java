package org.yinling.homecare;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Work orders, their append-only events, the elders' home locations and service cards. Every read and every
 * transition takes a {@link HomeCareScope}: an order outside it is not found and not changed.
 */
@Repository
class OrderStore {

    private static final String SELECT = """
            SELECT o.id, o.elder_id, e.name AS elder_name, e.phone AS elder_phone, e.address AS elder_address,
                   e.resident_id AS elder_resident_id, o.community_code, o.month, o.item_id, i.name AS item_name,
                   i.standard_minutes, i.required_share, o.provider_id, p.name AS provider_name, o.worker_id,
                   w.display_name AS worker_name, o.scheduled_at, o.state, o.unit_price, o.quantity, o.amount,
                   o.government_share, o.ad_hoc, o.service_notes, o.check_in_at, o.check_in_latitude,
                   o.check_in_longitude, o.check_in_distance_m, o.check_out_at, o.work_done, o.confirmed_at,
                   o.confirmation, o.code_attempts, o.flag_distance, o.flag_duration, o.flag_code, o.flags_cleared_at,
                   o.flags_cleared_by, o.flags_note, o.close_reason, o.closed_at, o.digest, o.lock_version
            FROM home_care_order o
            JOIN elder e ON e.id = o.elder_id
            JOIN home_care_item i ON i.id = o.item_id
            LEFT JOIN home_care_provider p ON p.id = o.provider_id
            LEFT JOIN app_user w ON w.id = o.worker_id
            """;

    /** Flagged and not cleared, as SQL on alias o. */
    static final String FLAGS_OPEN = "(o.flag_distance OR o.flag_duration OR o.flag_code) AND o.flags_cleared_at IS NULL";

    /** The facts of an order (alias {@code o}) that its digest covers, as one text. */
    static final String DIGEST_FACTS = """
            concat_ws('|',
            coalesce(CAST(o.id AS text), '-'),
            coalesce(CAST(o.elder_id AS text), '-'),
            coalesce(CAST(o.item_id AS text), '-'),
            coalesce(CAST(o.provider_id AS text), '-'),
            coalesce(CAST(o.worker_id AS text), '-'),
            coalesce(CAST(extract(epoch FROM o.scheduled_at) AS text), '-'),
            coalesce(CAST(extract(epoch FROM o.check_in_at) AS text), '-'),
            coalesce(CAST(o.check_in_latitude AS text), '-'),
            coalesce(CAST(o.check_in_longitude AS text), '-'),
            coalesce(CAST(o.check_in_distance_m AS text), '-'),
            coalesce(CAST(extract(epoch FROM o.check_out_at) AS text), '-'),
            coalesce(CAST(o.work_done AS text), '-'),
            coalesce(CAST(extract(epoch FROM o.confirmed_at) AS text), '-'),
            coalesce(CAST(o.confirmation AS text), '-'),
            coalesce(CAST(o.unit_price AS text), '-'),
            coalesce(CAST(o.quantity AS text), '-'),
            coalesce(CAST(o.amount AS text), '-'),
            coalesce(CAST(o.government_share AS text), '-'),
            coalesce(CAST((SELECT md5(s.image) FROM home_care_signature s WHERE s.order_id = o.id) AS text), '-'))
            """;

    private final JdbcClient jdbc;
    private final ZoneId zone;

    OrderStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.zone = clock.getZone();
    }

    Optional<OrderView> find(long id, HomeCareScope scope) {
        return jdbc.sql(SELECT + " WHERE o.id = :id AND " + scope.orderCondition("o"))
                .param("id", id).params(scope.parameters()).query(this::map).optional();
    }

    /** A worker's order while they may still see it: open, or closed less than the setting's days ago. */
    Optional<OrderView> findForWorker(long id, HomeCareScope scope, OffsetDateTime now) {
        return jdbc.sql(SELECT + " WHERE o.id = :id AND " + scope.orderCondition("o") + " AND " + workerVisible())
                .param("id", id).param("now", now).param("zone", zone.getId()).params(scope.parameters())
                .query(this::map).optional();
    }

    private static String workerVisible() {
        return """
                (o.state IN ('ACCEPTED', 'CHECKED_IN', 'CHECKED_OUT')
                 OR (o.closed_at IS NOT NULL AND o.closed_at > CAST(:now AS timestamptz) - make_interval(days =>
                     (home_care_setting_on(o.community_code, (CAST(:now AS timestamptz) AT TIME ZONE :zone)::date)).closed_visible_days)))""";
    }

    /** One line of the orders list. */
    record OrderRow(long id, String elderName, String communityCode, String itemName, LocalDateTime scheduledAt,
                    OrderState state, String providerName, String workerName, BigDecimal amount, boolean flagsOpen) {
    }

    /** The list's filters; each null (or false) means "any". {@code region} is a street or a community code. */
    record OrderFilter(OrderState state, Long provider, String region, LocalDate from, LocalDate to, boolean flagged) {

        static OrderFilter of(String state, Long provider, String region, LocalDate from, LocalDate to, Boolean flagged) {
            String code = region != null && region.matches("\\d{12}") ? region : null;
            return new OrderFilter(OrderState.parse(state), provider, code, from, to, Boolean.TRUE.equals(flagged));
        }

        /** The community-code pattern of the region: a community itself, a street's communities. */
        String regionPattern() {
            if (region == null) {
                return null;
            }
            if (region.endsWith("000000")) {
                return region.substring(0, 6) + "%";
            }
            return region.endsWith("000") ? region.substring(0, 9) + "%" : region;
        }
    }

    Page<OrderRow> list(OrderFilter filter, HomeCareScope scope, Pageable pageable) {
        StringBuilder where = new StringBuilder(" WHERE " + scope.orderCondition("o"));
        Map<String, Object> params = new HashMap<>(scope.parameters());
        if (filter.state() != null) {
            where.append(" AND o.state = :state");
            params.put("state", filter.state().name());
        }
        if (filter.provider() != null) {
            where.append(" AND o.provider_id = :provider");
            params.put("provider", filter.provider());
        }
        if (filter.regionPattern() != null) {
            where.append(" AND o.community_code LIKE :region");
            params.put("region", filter.regionPattern());
        }
        if (filter.from() != null) {
            where.append(" AND o.scheduled_at >= :from");
            params.put("from", filter.from().atStartOfDay(zone).toOffsetDateTime());
        }
        if (filter.to() != null) {
            where.append(" AND o.scheduled_at < :to");
            params.put("to", filter.to().plusDays(1).atStartOfDay(zone).toOffsetDateTime());
        }
        if (filter.flagged()) {
            where.append(" AND ").append(FLAGS_OPEN);
        }
        long total = jdbc.sql("SELECT count(*) FROM home_care_order o" + where).params(params)
                .query(Long.class).single();
        List<OrderRow> rows = jdbc.sql("""
                        SELECT o.id, e.name, o.community_code, i.name, o.scheduled_at, o.state, p.name, w.display_name,
                               o.amount,\s""" + FLAGS_OPEN + """
                         AS flags_open
                        FROM home_care_order o
                        JOIN elder e ON e.id = o.elder_id
                        JOIN home_care_item i ON i.id = o.item_id
                        LEFT JOIN home_care_provider p ON p.id = o.provider_id
                        LEFT JOIN app_user w ON w.id = o.worker_id
                        """ + where + " ORDER BY o.scheduled_at DESC, o.id DESC LIMIT :limit OFFSET :offset")
                .params(params).param("limit", pageable.getPageSize()).param("offset", pageable.getOffset())
                .query((rs, n) -> new OrderRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        local(rs, 5), OrderState.valueOf(rs.getString(6)), rs.getString(7), rs.getString(8),
                        rs.getBigDecimal(9), rs.getBoolean(10)))
                .list();
        return new PageImpl<>(rows, pageable, total);
    }

    /** A care worker's orders: open ones up to {@code until}, closed ones for the setting's days. */
    List<OrderView> worklist(HomeCareScope scope, OffsetDateTime now, OffsetDateTime until) {
        return jdbc.sql(SELECT + " WHERE " + scope.orderCondition("o") + " AND " + workerVisible()
                        + " AND o.scheduled_at < :until ORDER BY o.scheduled_at, o.id LIMIT 200")
                .param("now", now).param("until", until).param("zone", zone.getId()).params(scope.parameters())
                .query(this::map).list();
    }

    /** One event of an order's log, with the names of the people and organisations in it. */
    record EventRow(long id, String event, OrderState fromState, OrderState toState, String providerName,
                    String workerName, String reason, LocalDateTime at, String byName) {

        public String eventKey() {
            return "homecare.order.event." + event;
        }
    }

    List<EventRow> events(long orderId) {
        return jdbc.sql("""
                        SELECT ev.id, ev.event, ev.from_state, ev.to_state, p.name, w.display_name, ev.reason, ev.at,
                               coalesce(u.display_name, ev.by_user)
                        FROM home_care_order_event ev
                        LEFT JOIN home_care_provider p ON p.id = ev.provider_id
                        LEFT JOIN app_user w ON w.id = ev.worker_id
                        LEFT JOIN app_user u ON u.username = ev.by_user
                        WHERE ev.order_id = :id ORDER BY ev.id
                        """)
                .param("id", orderId)
                .query((rs, n) -> new EventRow(rs.getLong(1), rs.getString(2), OrderState.parse(rs.getString(3)),
                        OrderState.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getString(7),
                        local(rs, 8), rs.getString(9)))
                .list();
    }

    /**
     * The one way an order changes: {@code UPDATE … WHERE id = ? AND state IN (expected) AND <scope> AND <extra>}
     * and, for the row changed, one row of the append-only log, in one statement. The row is locked first, so a
     * competing change waits and then finds the state no longer expected: 0 rows, nothing written.
     *
     * @param set    the SET clause (constant SQL of the caller; named parameters in {@code params})
     * @param extra  more conditions on alias {@code o} (constant SQL), or an empty string
     * @return the number of orders changed: 1 or 0
     */
    int transition(long id, HomeCareScope scope, Collection<OrderState> expected, String set, String extra,
                   Map<String, ?> params, String event, String reason, String actor, OffsetDateTime at) {
        return jdbc.sql("""
                        WITH old AS (
                            SELECT o.id, o.state, o.provider_id FROM home_care_order o
                            WHERE o.id = :id AND o.state IN (:expected) AND\s""" + scope.orderCondition("o") + " " + extra + """

                            FOR UPDATE OF o),
                        changed AS (
                            UPDATE home_care_order o SET\s""" + set + """
                        , lock_version = o.lock_version + 1
                            FROM old WHERE o.id = old.id
                            RETURNING o.id, o.state, coalesce(o.provider_id, old.provider_id) AS provider_id,
                                      o.worker_id, old.state AS from_state)
                        INSERT INTO home_care_order_event (order_id, event, from_state, to_state, provider_id,
                                                           worker_id, reason, at, by_user)
                        SELECT id, :event, from_state, state, provider_id, worker_id, :reason, :at, :actor FROM changed
                        """)
                .param("id", id).param("expected", expected.stream().map(Enum::name).toList())
                .params(scope.parameters()).params(params)
                .param("event", event).param("reason", reason).param("at", at).param("actor", actor)
                .update();
    }

    /** Whether the provider serves the community, is active and its contract is in force on the day. */
    boolean providerMayServe(long providerId, String communityCode, LocalDate day) {
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM home_care_provider p
                                       JOIN home_care_provider_community pc ON pc.provider_id = p.id
                                       WHERE p.id = :p AND pc.community_code = :c AND p.status = 'ACTIVE'
                                         AND p.contract_from <= :day AND p.contract_to >= :day)
                        """)
                .param("p", providerId).param("c", communityCode).param("day", day).query(Boolean.class).single();
    }

    /** The condition {@link #providerMayServe} as SQL on the order, with parameters :provider and :today. */
    static final String PROVIDER_MAY_SERVE = " AND EXISTS (SELECT 1 FROM home_care_provider p WHERE p.id = :provider AND "
            + ProviderContracts.takesOrders("p", "o.community_code", ":today") + ")";

    /** The worker condition, with parameter :worker: an enabled care worker of the order's provider. */
    static final String WORKER_OF_PROVIDER = """
             AND EXISTS (SELECT 1 FROM app_user u WHERE u.id = :worker AND u.role = 'CARE_WORKER' AND u.enabled
                           AND u.provider_id = o.provider_id)""";

    /** An option of a select: an id and a name. */
    record Choice(long id, String name) {
    }

    /** The providers that may take an order of the community on the day. */
    List<Choice> providersFor(String communityCode, LocalDate day) {
        return jdbc.sql("""
                        SELECT p.id, p.name FROM home_care_provider p
                        JOIN home_care_provider_community pc ON pc.provider_id = p.id
                        WHERE pc.community_code = :c AND p.status = 'ACTIVE' AND p.contract_from <= :day
                          AND p.contract_to >= :day
                        ORDER BY p.name, p.id
                        """)
                .param("c", communityCode).param("day", day).query((rs, n) -> new Choice(rs.getLong(1), rs.getString(2)))
                .list();
    }

    /** The providers a user may filter by. */
    List<Choice> providers(HomeCareScope scope) {
        return jdbc.sql("SELECT p.id, p.name FROM home_care_provider p WHERE " + scope.providerCondition("p")
                        + " ORDER BY p.name, p.id")
                .params(scope.parameters()).query((rs, n) -> new Choice(rs.getLong(1), rs.getString(2))).list();
    }

    /** The communities a provider serves. */
    List<String> communitiesOf(long providerId) {
        return jdbc.sql("SELECT community_code FROM home_care_provider_community WHERE provider_id = ? ORDER BY 1")
                .param(providerId).query(String.class).list();
    }

    /** A provider's enabled care workers. */
    List<Choice> workersOf(long providerId) {
        return jdbc.sql("""
                        SELECT id, display_name FROM app_user
                        WHERE provider_id = ? AND role = 'CARE_WORKER' AND enabled ORDER BY display_name, id
                        """)
                .param(providerId).query((rs, n) -> new Choice(rs.getLong(1), rs.getString(2))).list();
    }

    Optional<String> userName(long userId) {
        return jdbc.sql("SELECT display_name FROM app_user WHERE id = ?").param(userId).query(String.class).optional();
    }

    /** A missed visit: an order sent or accepted with no check-in long after its time. */
    record MissedRow(long id, String elderName, String communityCode, String itemName, LocalDateTime scheduledAt,
                     OrderState state, Long providerId, String providerName, String workerName) {
    }

    /** A missed visit as a condition on an order {@code o}, with parameters :now and :zone (the one rule). */
    static final String MISSED = """
             o.state IN ('DISPATCHED', 'ACCEPTED') AND o.check_in_at IS NULL AND o.scheduled_at < :now
             AND o.scheduled_at + make_interval(mins => (home_care_setting_on(o.community_code,
                 (o.scheduled_at AT TIME ZONE :zone)::date)).missed_after_minutes) < :now""";

    List<MissedRow> missed(HomeCareScope scope, OffsetDateTime now, int limit) {
        return jdbc.sql("""
                        SELECT o.id, e.name, o.community_code, i.name, o.scheduled_at, o.state, o.provider_id, p.name,
                               w.display_name
                        FROM home_care_order o
                        JOIN elder e ON e.id = o.elder_id
                        JOIN home_care_item i ON i.id = o.item_id
                        LEFT JOIN home_care_provider p ON p.id = o.provider_id
                        LEFT JOIN app_user w ON w.id = o.worker_id
                        WHERE\s""" + MISSED + " AND " + scope.orderCondition("o") + """

                        ORDER BY o.scheduled_at, o.id LIMIT :limit
                        """)
                .param("now", now).param("zone", zone.getId()).param("limit", limit).params(scope.parameters())
                .query((rs, n) -> new MissedRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        local(rs, 5), OrderState.valueOf(rs.getString(6)), (Long) rs.getObject(7), rs.getString(8),
                        rs.getString(9)))
                .list();
    }

    /**
     * How many visits are missed ({@link #MISSED}), with the missed-after minutes looked up once per community and
     * day rather than once per open order: this count is on every page of district, street and community staff.
     */
    long missedCount(HomeCareScope scope, OffsetDateTime now) {
        return jdbc.sql("""
                        WITH open AS MATERIALIZED (
                            SELECT o.community_code, CAST(o.scheduled_at AT TIME ZONE :zone AS date) AS day,
                                   o.scheduled_at
                            FROM home_care_order o
                            WHERE o.state IN ('DISPATCHED', 'ACCEPTED') AND o.check_in_at IS NULL
                              AND o.scheduled_at < :now AND\s""" + scope.orderCondition("o") + """
                        ),
                        -- MATERIALIZED: inlined, the planner moved the look-up into the join and ran it per order
                        late AS MATERIALIZED (
                            SELECT d.community_code, d.day,
                                   (home_care_setting_on(d.community_code, d.day)).missed_after_minutes AS minutes
                            FROM (SELECT DISTINCT community_code, day FROM open) d
                        )
                        SELECT count(*) FROM open JOIN late USING (community_code, day)
                        WHERE open.scheduled_at + make_interval(mins => late.minutes) < :now
                        """)
                .param("now", now).param("zone", zone.getId()).params(scope.parameters())
                .query(Long.class).single();
    }

    /** Missed visits per provider: its name and count. */
    record MissedCount(long providerId, String providerName, long count) {
    }

    List<MissedCount> missedPerProvider(HomeCareScope scope, OffsetDateTime now) {
        return jdbc.sql("""
                        SELECT p.id, p.name, count(*) FROM home_care_order o
                        JOIN home_care_provider p ON p.id = o.provider_id
                        WHERE\s""" + MISSED + " AND " + scope.orderCondition("o") + """

                        GROUP BY p.id, p.name ORDER BY count(*) DESC, p.name
                        """)
                .param("now", now).param("zone", zone.getId()).params(scope.parameters())
                .query((rs, n) -> new MissedCount(rs.getLong(1), rs.getString(2), rs.getLong(3))).list();
    }

    /** The condition of a missed visit on alias o, with parameters :now and :zone. */
    static String missedCondition() {
        return " AND " + MISSED;
    }

    String zoneId() {
        return zone.getId();
    }

    void setDigest(long id, String digest) {
        jdbc.sql("UPDATE home_care_order SET digest = ? WHERE id = ?").params(digest, id).update();
    }

    void insertSignature(long orderId, byte[] png, OffsetDateTime at) {
        jdbc.sql("INSERT INTO home_care_signature (order_id, image, signed_at) VALUES (?, ?, ?)")
                .params(orderId, png, at).update();
    }

    Optional<byte[]> signature(long orderId) {
        return jdbc.sql("SELECT image FROM home_care_signature WHERE order_id = ?").param(orderId)
                .query((rs, n) -> rs.getBytes(1)).optional();
    }

    /** An elder's home location, as latitude and longitude. */
    record Location(BigDecimal latitude, BigDecimal longitude, String source, LocalDateTime setAt) {
    }

    Optional<Location> location(long elderId) {
        return jdbc.sql("SELECT latitude, longitude, source, set_at FROM home_care_elder_location WHERE elder_id = ?")
                .param(elderId)
                .query((rs, n) -> new Location(rs.getBigDecimal(1), rs.getBigDecimal(2), rs.getString(3), local(rs, 4)))
                .optional();
    }

    /** Sets the home location; the first visit's only when none is set yet. */
    int setLocation(long elderId, BigDecimal lat, BigDecimal lon, String source, String actor, OffsetDateTime at) {
        String conflict = source.equals("FIRST_VISIT") ? "DO NOTHING" : """
                DO UPDATE SET latitude = EXCLUDED.latitude, longitude = EXCLUDED.longitude, source = EXCLUDED.source,
                              set_at = EXCLUDED.set_at, set_by = EXCLUDED.set_by""";
        return jdbc.sql("""
                        INSERT INTO home_care_elder_location (elder_id, latitude, longitude, source, set_at, set_by)
                        VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (elder_id)
                        """ + conflict)
                .params(elderId, lat, lon, source, at, actor).update();
    }

    /** An elder of the user's region (staff only): id, name, community; empty outside it. */
    record Elder(long id, String name, String communityCode) {
    }

    Optional<Elder> elder(long elderId, String regionPattern) {
        return jdbc.sql("SELECT id, name, community_code FROM elder WHERE id = ? AND community_code LIKE ?")
                .params(elderId, regionPattern)
                .query((rs, n) -> new Elder(rs.getLong(1), rs.getString(2), rs.getString(3))).optional();
    }

    Optional<String> cardHash(long elderId) {
        return jdbc.sql("SELECT code_hash FROM home_care_service_card WHERE elder_id = ?").param(elderId)
                .query(String.class).optional();
    }

    Optional<LocalDateTime> cardIssuedAt(long elderId) {
        return jdbc.sql("SELECT issued_at FROM home_care_service_card WHERE elder_id = ?").param(elderId)
                .query((rs, n) -> local(rs, 1)).optional();
    }

    void setCard(long elderId, String hash, String actor, OffsetDateTime at) {
        jdbc.sql("""
                        INSERT INTO home_care_service_card (elder_id, code_hash, issued_at, issued_by) VALUES (?, ?, ?, ?)
                        ON CONFLICT (elder_id) DO UPDATE SET code_hash = EXCLUDED.code_hash,
                            issued_at = EXCLUDED.issued_at, issued_by = EXCLUDED.issued_by
                        """)
                .params(elderId, hash, at, actor).update();
    }

    private LocalDateTime local(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.atZoneSameInstant(zone).toLocalDateTime();
    }

    private LocalDateTime local(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.atZoneSameInstant(zone).toLocalDateTime();
    }

    private OrderView map(ResultSet rs, int row) throws SQLException {
        return new OrderView(rs.getLong("id"), rs.getLong("elder_id"), rs.getString("elder_name"),
                rs.getString("elder_phone"), rs.getString("elder_address"), rs.getString("elder_resident_id"),
                rs.getString("community_code"), rs.getObject("month", LocalDate.class), rs.getLong("item_id"),
                rs.getString("item_name"), rs.getInt("standard_minutes"), rs.getBigDecimal("required_share"),
                (Long) rs.getObject("provider_id"), rs.getString("provider_name"), (Long) rs.getObject("worker_id"),
                rs.getString("worker_name"), local(rs, "scheduled_at"), OrderState.valueOf(rs.getString("state")),
                rs.getBigDecimal("unit_price"), rs.getBigDecimal("quantity"), rs.getBigDecimal("amount"),
                rs.getBigDecimal("government_share"), rs.getBoolean("ad_hoc"), rs.getString("service_notes"),
                local(rs, "check_in_at"), rs.getBigDecimal("check_in_latitude"), rs.getBigDecimal("check_in_longitude"),
                (Integer) rs.getObject("check_in_distance_m"), local(rs, "check_out_at"), rs.getString("work_done"),
                local(rs, "confirmed_at"), rs.getString("confirmation"), rs.getInt("code_attempts"),
                rs.getBoolean("flag_distance"), rs.getBoolean("flag_duration"), rs.getBoolean("flag_code"),
                local(rs, "flags_cleared_at"), rs.getString("flags_cleared_by"), rs.getString("flags_note"),
                rs.getString("close_reason"), local(rs, "closed_at"), rs.getString("digest"), rs.getLong("lock_version"));
    }

    /** The facts the digest covers, read raw from the row (no rounding, no time zone). */
    Optional<String> digestFacts(long id) {
        return jdbc.sql("SELECT " + DIGEST_FACTS + " FROM home_care_order o WHERE o.id = ?")
                .param(id).query(String.class).optional();
    }

    /**
     * Seals the closed orders that have no digest yet (orders written by the demo data, not by a confirmation) with
     * the same SHA-256 as {@link OrderWorkflow#digest(long)} computes, in one statement.
     */
    int sealClosedWithoutDigest() {
        return jdbc.sql("UPDATE home_care_order o SET digest = encode(sha256(convert_to(" + DIGEST_FACTS
                        + ", 'UTF8')), 'hex') WHERE o.digest IS NULL AND o.state IN ('CONFIRMED', 'CALLED_BACK')")
                .update();
    }
}
