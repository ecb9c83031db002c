package org.yinling.homecare;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of call-backs (回访): the month's overview per provider, the draws (set-based for all providers at once:
 * one statement reads each provider's confirmed orders once and writes the draws and the sampled orders), the sampled
 * orders of a provider and the recorded calls. The population of a draw is the provider's orders of the month
 * confirmed (or already called back) when it was drawn; the sample is the first n by {@link #SAMPLE_ORDER}, so the
 * stored seed reproduces it.
 */
@Repository
class CallbackStore {

    static final String POPULATION_STATES = "('CONFIRMED', 'CALLED_BACK')";

    /**
     * The repeatable order of a draw's population (on {@code o}, with the draw's ordering and seed): an integer hash
     * of the order id and the seed. Draws made before V34 ({@code sample_order = 'MD5'}) keep theirs,
     * {@code md5(seed || ':' || id)}, so that their re-check still gives the same orders.
     */
    private static final String SAMPLE_ORDER =
            "CASE WHEN %1$s = 'MD5' THEN md5(%2$s || ':' || o.id) END, hashint8extended(o.id, %2$s), o.id";

    private final JdbcClient jdbc;

    CallbackStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One provider's month: its confirmed orders, its draw if any, calls recorded and to do, complaints. */
    record ProviderMonth(long providerId, String providerName, int confirmed, Integer sampleSize, Instant drawnAt,
                         String drawnBy, int called, int toCall, int complaints) {

        public boolean isDrawn() {
            return sampleSize != null;
        }
    }

    /**
     * The providers the scope sees with orders confirmed in the month (counted by the order tally, V34), or a draw
     * of it.
     */
    List<ProviderMonth> month(HomeCareScope scope, LocalDate month) {
        Map<String, Object> params = new HashMap<>(scope.parameters());
        params.put("month", month);
        return jdbc.sql("""
                        SELECT p.id, p.name, COALESCE(o.n, 0), d.sample_size, d.drawn_at, d.drawn_by,
                               COALESCE(c.called, 0), COALESCE(c.to_call, 0), COALESCE(c.complaints, 0)
                        FROM home_care_provider p
                        LEFT JOIN (SELECT provider_id, sum(visits) AS n FROM home_care_order_tally
                                   WHERE month = :month GROUP BY provider_id HAVING sum(visits) > 0) o
                               ON o.provider_id = p.id
                        LEFT JOIN home_care_callback_draw d ON d.provider_id = p.id AND d.month = :month
                        LEFT JOIN (SELECT draw_id, count(*) FILTER (WHERE outcome IS NOT NULL) AS called,
                                          count(*) FILTER (WHERE outcome IS NULL) AS to_call,
                                          count(*) FILTER (WHERE outcome = 'COMPLAINT') AS complaints
                                   FROM home_care_callback
                                   WHERE draw_id IN (SELECT id FROM home_care_callback_draw WHERE month = :month)
                                   GROUP BY draw_id) c ON c.draw_id = d.id
                        WHERE %s AND (o.n IS NOT NULL OR d.id IS NOT NULL)
                        ORDER BY p.name, p.id
                        """.formatted(scope.providerCondition("p")))
                .params(params)
                .query((rs, row) -> new ProviderMonth(rs.getLong(1), rs.getString(2), rs.getInt(3),
                        (Integer) rs.getObject(4), rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant(),
                        rs.getString(6), rs.getInt(7), rs.getInt(8), rs.getInt(9)))
                .list();
    }

    /** The provider's orders of the month confirmed or called back: the population a draw would have. */
    int population(long providerId, LocalDate month) {
        return jdbc.sql("SELECT count(*) FROM home_care_order WHERE provider_id = ? AND month = ? AND state IN "
                        + POPULATION_STATES)
                .params(providerId, month).query(Integer.class).single();
    }

    /** A provider the scope sees. */
    record Provider(long id, String name, String regionCode) {
    }

    Optional<Provider> provider(HomeCareScope scope, long id) {
        Map<String, Object> params = new HashMap<>(scope.parameters());
        params.put("id", id);
        return jdbc.sql("SELECT p.id, p.name, p.region_code FROM home_care_provider p WHERE p.id = :id AND "
                        + scope.providerCondition("p"))
                .params(params)
                .query((rs, row) -> new Provider(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .optional();
    }

    /** A stored draw. */
    record Draw(long id, long providerId, LocalDate month, long seed, int population, int sampleSize, Instant drawnAt,
                String drawnBy) {
    }

    Optional<Draw> draw(long providerId, LocalDate month) {
        return jdbc.sql("""
                        SELECT id, provider_id, month, seed, population, sample_size, drawn_at, drawn_by
                        FROM home_care_callback_draw WHERE provider_id = ? AND month = ?
                        """)
                .params(providerId, month)
                .query((rs, row) -> new Draw(rs.getLong(1), rs.getLong(2), rs.getObject(3, LocalDate.class),
                        rs.getLong(4), rs.getInt(5), rs.getInt(6), rs.getTimestamp(7).toInstant(), rs.getString(8)))
                .optional();
    }

    /**
     * Draws the month for the providers the scope sees (all of them, or only {@code providerId}) that have confirmed
     * orders and no draw yet: one statement writes the draws (each seed derived from {@code baseSeed}, which comes
     * from a SecureRandom, and the provider), one the sampled orders. Returns the number of draws written.
     */
    int draw(HomeCareScope scope, LocalDate month, Long providerId, long baseSeed, String actor) {
        Map<String, Object> params = new HashMap<>(scope.parameters());
        params.put("month", month);
        params.put("baseSeed", Long.toString(baseSeed));
        params.put("actor", actor);
        params.put("provider", providerId == null ? -1L : providerId);
        params.put("allProviders", providerId == null);
        // each provider's orders read once (provider index) and ranked in memory; a draw's drawn_at is now(), too
        return jdbc.sql("""
                        WITH providers AS MATERIALIZED (
                            SELECT p.id, hashtextextended(CAST(:baseSeed AS text) || ':' || p.id, 0) AS seed
                            FROM home_care_provider p
                            WHERE %1$s AND (CAST(:allProviders AS boolean) OR p.id = :provider)
                              AND NOT EXISTS (SELECT 1 FROM home_care_callback_draw d
                                              WHERE d.provider_id = p.id AND d.month = :month)
                        ),
                        -- the sample of each provider: its first n orders, n from the population
                        sample AS MATERIALIZED (
                            SELECT p.id AS provider_id, p.seed, s.order_id, s.rank, s.population, s.size
                            FROM providers p
                            CROSS JOIN LATERAL (
                                SELECT r.*, %4$s AS size FROM (
                                    SELECT o.id AS order_id, count(*) OVER () AS population,
                                           row_number() OVER (ORDER BY %2$s) AS rank
                                    FROM home_care_order o
                                    WHERE o.provider_id = p.id AND o.month = :month AND o.state IN %3$s
                                      AND o.confirmed_at <= now()) r) s
                            WHERE s.rank <= s.size
                        ),
                        draws AS (
                            INSERT INTO home_care_callback_draw (provider_id, month, seed, population, sample_size,
                                                                 drawn_by)
                            SELECT provider_id, :month, seed, population, size, :actor
                            FROM sample WHERE rank = 1
                            ORDER BY provider_id
                            ON CONFLICT (provider_id, month) DO NOTHING
                            RETURNING id, provider_id
                        ),
                        sampled AS (
                            INSERT INTO home_care_callback (order_id, draw_id)
                            SELECT s.order_id, d.id FROM sample s JOIN draws d ON d.provider_id = s.provider_id
                        )
                        SELECT count(*) FROM draws
                        """.formatted(scope.providerCondition("p"), SAMPLE_ORDER.formatted("'INT8HASH'", "p.seed"),
                                POPULATION_STATES, CallbackSample.sql("r.population")))
                .params(params)
                .query(Integer.class).single();
    }

    /**
     * The sample of the draw {@code :draw} computed again from its seed: the orders of the month confirmed by the
     * time of the draw, the first {@code sample_size} by {@link #SAMPLE_ORDER}.
     */
    private static String sampleSelect() {
        return """
                SELECT s.order_id FROM home_care_callback_draw d
                CROSS JOIN LATERAL (
                    SELECT o.id AS order_id FROM home_care_order o
                    WHERE o.provider_id = d.provider_id AND o.month = d.month
                      AND o.state IN %s AND o.confirmed_at <= d.drawn_at
                    ORDER BY %s
                    LIMIT d.sample_size) s
                WHERE d.id = :draw
                """.formatted(POPULATION_STATES, SAMPLE_ORDER.formatted("d.sample_order", "d.seed"));
    }

    /** The sample recomputed from the stored seed, and the one stored: whether they are the same orders. */
    record Recheck(int stored, int recomputed, int population, boolean matches) {
    }

    Recheck recheck(long drawId) {
        return jdbc.sql("""
                        WITH again AS (%s),
                             stored AS (SELECT order_id FROM home_care_callback WHERE draw_id = :draw)
                        SELECT (SELECT count(*) FROM stored), (SELECT count(*) FROM again),
                               (SELECT count(*) FROM home_care_callback_draw d JOIN home_care_order o
                                    ON o.provider_id = d.provider_id AND o.month = d.month AND o.state IN %s
                                   AND o.confirmed_at <= d.drawn_at WHERE d.id = :draw),
                               NOT EXISTS (SELECT order_id FROM stored EXCEPT SELECT order_id FROM again)
                               AND NOT EXISTS (SELECT order_id FROM again EXCEPT SELECT order_id FROM stored)
                        """.formatted(sampleSelect(), POPULATION_STATES))
                .param("draw", drawId)
                .query((rs, row) -> new Recheck(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getBoolean(4)))
                .single();
    }

    /** A sampled order with its call, as the caller sees it (the elder's phone in full). */
    record Sampled(long orderId, String elderName, String phone, String address, String communityCode, String itemName,
                   LocalDateTime scheduledAt, String workerName, String state, CallbackOutcome outcome,
                   Integer satisfaction, String note, Instant calledAt, String calledBy) {

        public boolean isCalled() {
            return outcome != null;
        }
    }

    /** The draw's sampled orders within the scope (a community clerk calls their community's elders). */
    List<Sampled> sampled(HomeCareScope scope, long drawId) {
        Map<String, Object> params = new HashMap<>(scope.parameters());
        params.put("draw", drawId);
        return jdbc.sql("""
                        SELECT o.id, e.name, e.phone, e.address, o.community_code, i.name,
                               o.scheduled_at AT TIME ZONE 'Asia/Shanghai', w.display_name, o.state, c.outcome,
                               c.satisfaction, c.note, c.called_at, coalesce(caller.display_name, c.called_by)
                        FROM home_care_callback c
                        JOIN home_care_order o ON o.id = c.order_id
                        JOIN elder e ON e.id = o.elder_id
                        JOIN home_care_item i ON i.id = o.item_id
                        LEFT JOIN app_user w ON w.id = o.worker_id
                        LEFT JOIN app_user caller ON caller.username = c.called_by
                        WHERE c.draw_id = :draw AND %s
                        ORDER BY o.community_code, e.name, o.id
                        """.formatted(scope.orderCondition("o")))
                .params(params)
                .query((rs, row) -> new Sampled(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getObject(7, LocalDateTime.class), rs.getString(8),
                        rs.getString(9), rs.getString(10) == null ? null : CallbackOutcome.valueOf(rs.getString(10)),
                        (Integer) rs.getObject(11), rs.getString(12),
                        rs.getTimestamp(13) == null ? null : rs.getTimestamp(13).toInstant(), rs.getString(14)))
                .list();
    }

    /** A complaint found by a call-back. */
    record Complaint(long orderId, LocalDate month, String elderName, String itemName, Integer satisfaction,
                     String note, Instant calledAt, String calledBy) {
    }

    /** The provider's complaints (all months, newest first) within the scope. */
    List<Complaint> complaints(HomeCareScope scope, long providerId) {
        Map<String, Object> params = new HashMap<>(scope.parameters());
        params.put("provider", providerId);
        return jdbc.sql("""
                        SELECT o.id, o.month, e.name, i.name, c.satisfaction, c.note, c.called_at,
                               coalesce(caller.display_name, c.called_by)
                        FROM home_care_callback c
                        JOIN home_care_callback_draw d ON d.id = c.draw_id
                        JOIN home_care_order o ON o.id = c.order_id
                        JOIN elder e ON e.id = o.elder_id
                        JOIN home_care_item i ON i.id = o.item_id
                        LEFT JOIN app_user caller ON caller.username = c.called_by
                        WHERE d.provider_id = :provider AND c.outcome = 'COMPLAINT' AND %s
                        ORDER BY c.called_at DESC, o.id
                        LIMIT 200
                        """.formatted(scope.orderCondition("o")))
                .params(params)
                .query((rs, row) -> new Complaint(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getString(3),
                        rs.getString(4), (Integer) rs.getObject(5), rs.getString(6),
                        rs.getTimestamp(7).toInstant(), rs.getString(8)))
                .list();
    }

    /** Records the call on a sampled order of the draw, once; false when it is not sampled, not in scope or called. */
    boolean record(HomeCareScope scope, long drawId, long orderId, CallbackOutcome outcome, int satisfaction,
                   String note, String actor) {
        Map<String, Object> params = new HashMap<>(scope.parameters());
        params.put("draw", drawId);
        params.put("order", orderId);
        params.put("outcome", outcome.name());
        params.put("satisfaction", satisfaction);
        params.put("note", note);
        params.put("actor", actor);
        return jdbc.sql("""
                        UPDATE home_care_callback c SET outcome = :outcome, satisfaction = :satisfaction, note = :note,
                               called_at = now(), called_by = :actor
                        FROM home_care_order o
                        WHERE c.order_id = :order AND c.draw_id = :draw AND c.outcome IS NULL AND o.id = c.order_id
                          AND %s
                        """.formatted(scope.orderCondition("o")))
                .params(params).update() == 1;
    }

    /** The order's transition CONFIRMED → CALLED_BACK with its event; false when it was not CONFIRMED. */
    boolean calledBack(long orderId, String actor) {
        int changed = jdbc.sql("""
                        UPDATE home_care_order SET state = 'CALLED_BACK', lock_version = lock_version + 1
                        WHERE id = ? AND state = 'CONFIRMED'
                        """)
                .param(orderId).update();
        if (changed == 0) {
            return false;
        }
        jdbc.sql("""
                        INSERT INTO home_care_order_event (order_id, event, from_state, to_state, provider_id, worker_id,
                            by_user)
                        SELECT id, 'CALLED_BACK', 'CONFIRMED', 'CALLED_BACK', provider_id, worker_id, ?
                        FROM home_care_order WHERE id = ?
                        """)
                .params(actor, orderId).update();
        return true;
    }
}
