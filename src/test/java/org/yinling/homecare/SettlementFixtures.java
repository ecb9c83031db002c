package org.yinling.homecare;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Providers, elders and orders of call-back and settlement tests written straight into the tables: each test gets a
 * provider of its own (serving 蓝天), so its months are its own; orders are CONFIRMED with their check-in, check-out
 * and confirmation in the month, and their events.
 */
public class SettlementFixtures {

    public static final String LANTIAN = "330105001001";
    public static final String DISTRICT = "330105000000";
    private static final String CODE_CHARACTERS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final AtomicInteger SEQUENCE = new AtomicInteger(ThreadLocalRandom.current().nextInt(1000) * 100);

    private final JdbcClient jdbc;

    public SettlementFixtures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A provider of the district serving 蓝天, with a bank account. */
    public long provider(String name) {
        StringBuilder code = new StringBuilder("52");
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (code.length() < 18) {
            code.append(CODE_CHARACTERS.charAt(random.nextInt(CODE_CHARACTERS.length())));
        }
        long id = jdbc.sql("""
                        INSERT INTO home_care_provider (name, credit_code, kind, region_code, contract_from, contract_to,
                            payee_bank, payee_account, created_by, updated_by)
                        VALUES (?, ?, 'HOME_SERVICE', ?, DATE '2018-01-01', DATE '2099-12-31', '测试银行', '6222000099990000',
                            'test', 'test') RETURNING id
                        """)
                .params(name, code.toString(), DISTRICT).query(Long.class).single();
        jdbc.sql("INSERT INTO home_care_provider_community (provider_id, community_code) VALUES (?, ?)")
                .params(id, LANTIAN).update();
        return id;
    }

    public long item() {
        int n = SEQUENCE.incrementAndGet();
        return jdbc.sql("""
                        INSERT INTO home_care_item (code, name, category, unit, standard_minutes, updated_by)
                        VALUES (?, '结算测试助洁', 'CLEANING', 'VISIT', 60, 'test') RETURNING id
                        """)
                .param(("ST" + Integer.toString(n, 36) + "-" + System.nanoTime() % 100000).toUpperCase())
                .query(Long.class).single();
    }

    /** An elder of 蓝天 with a phone. */
    public long elder(String name) {
        int n = SEQUENCE.incrementAndGet();
        String residentId = "110105" + "1941" + "%02d%02d".formatted(1 + n % 12, 1 + n % 28) + "%03d".formatted(n % 1000)
                + "%d".formatted(n / 1000 % 10);
        return jdbc.sql("""
                        INSERT INTO elder (resident_id, name, sex, birth_date, hukou_local, community_code,
                            living_arrangement, economic_status, phone, created_by, updated_by)
                        VALUES (?, ?, 'FEMALE', DATE '1941-01-01', TRUE, ?, 'ALONE', 'NONE', ?, 'test', 'test')
                        ON CONFLICT (resident_id) DO NOTHING RETURNING id
                        """)
                .params(residentId, name, LANTIAN, "1390571" + "%04d".formatted(n % 10000))
                .query(Long.class).optional().orElseGet(() -> elder(name));
    }

    /** A CONFIRMED order of the month (visited on its 10th), with its events. */
    public long confirmed(long elder, long provider, long item, LocalDate month, String amount, String share) {
        return order(elder, provider, item, month, amount, share, true);
    }

    /** An order of the month checked out but not yet confirmed by the elder. */
    public long checkedOut(long elder, long provider, long item, LocalDate month, String amount, String share) {
        return order(elder, provider, item, month, amount, share, false);
    }

    private long order(long elder, long provider, long item, LocalDate month, String amount, String share,
                       boolean confirmed) {
        long id = jdbc.sql("""
                        INSERT INTO home_care_order (elder_id, community_code, month, item_id, provider_id, worker_id,
                            scheduled_at, state, unit_price, quantity, amount, government_share, check_in_at,
                            check_out_at, confirmed_at, confirmation, created_by)
                        SELECT ?, ?, ?, ?, ?, u.id, t.at, CASE WHEN ? THEN 'CONFIRMED' ELSE 'CHECKED_OUT' END, ?, 1,
                               ?, ?, t.at, t.at + INTERVAL '1 hour',
                               CASE WHEN ? THEN t.at + INTERVAL '1 hour' END, CASE WHEN ? THEN 'SIGNATURE' END, 'test'
                        FROM app_user u, (SELECT CAST(? AS timestamp) AT TIME ZONE 'Asia/Shanghai' AS at) t
                        WHERE u.username = 'worker'
                        RETURNING id
                        """)
                .params(elder, LANTIAN, month, item, provider, confirmed, new BigDecimal(amount), new BigDecimal(amount),
                        new BigDecimal(share), confirmed, confirmed, month.plusDays(9).atTime(9, 0))
                .query(Long.class).single();
        jdbc.sql("""
                        INSERT INTO home_care_order_event (order_id, event, from_state, to_state, provider_id, worker_id,
                            at, by_user)
                        SELECT o.id, e.event, e.from_state, e.to_state, o.provider_id, o.worker_id, e.at, 'test'
                        FROM home_care_order o CROSS JOIN LATERAL (VALUES
                            ('CREATED', NULL, 'PENDING_DISPATCH', o.scheduled_at - INTERVAL '5 days'),
                            ('DISPATCHED', 'PENDING_DISPATCH', 'DISPATCHED', o.scheduled_at - INTERVAL '4 days'),
                            ('ACCEPTED', 'DISPATCHED', 'ACCEPTED', o.scheduled_at - INTERVAL '3 days'),
                            ('CHECKED_IN', 'ACCEPTED', 'CHECKED_IN', o.check_in_at),
                            ('CHECKED_OUT', 'CHECKED_IN', 'CHECKED_OUT', o.check_out_at),
                            ('CONFIRMED', 'CHECKED_OUT', 'CONFIRMED', o.confirmed_at)) e(event, from_state, to_state, at)
                        WHERE o.id = ? AND e.at IS NOT NULL
                        """)
                .param(id).update();
        return id;
    }
}
