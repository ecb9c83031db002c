package org.yinling.homecare;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yinling.region.RegionLevel;
import org.yinling.region.RegionScope;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Not part of the suite (no Test suffix): the scale of issue 18 for call-backs and settlements, run by hand with
 * {@code ./mvnw -q -B -o test -Dtest=SettlementScaleCheck}: 200 providers and 400,000 confirmed orders in one
 * month; the draw for all providers (target < 2 s) and all providers' settlement drafts (target < 10 s).
 */
@SpringBootTest
class SettlementScaleCheck {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    CallbackStore callbacks;
    @Autowired
    SettlementStore settlements;

    @Test
    void drawAndSettleAMonthOf400000Orders() {
        LocalDate month = LocalDate.of(2017, 3, 1);
        SettlementFixtures f = new SettlementFixtures(jdbc);
        long first = f.provider("规模0");
        for (int i = 1; i < 200; i++) {
            f.provider("规模" + i);
        }
        long item = f.item();
        long elder = f.elder("规模老人");
        jdbc.sql("""
                INSERT INTO home_care_order (elder_id, community_code, month, item_id, provider_id, worker_id,
                    scheduled_at, state, unit_price, quantity, amount, government_share, check_in_at, check_out_at,
                    confirmed_at, confirmation, created_by, flag_duration)
                SELECT ?, '330105001001', ?, ?, ? + (g % 200), u.id, TIMESTAMPTZ '2017-03-10 09:00+08', 'CONFIRMED', 40, 1,
                       40, 1.00, TIMESTAMPTZ '2017-03-10 09:00+08', TIMESTAMPTZ '2017-03-10 10:00+08',
                       TIMESTAMPTZ '2017-03-10 10:00+08', 'SIGNATURE', 'scale', g % 97 = 0
                FROM generate_series(1, 400000) g, app_user u WHERE u.username = 'worker'
                """).params(elder, month, item, first).update();
        jdbc.sql("ANALYZE home_care_order").update();
        HomeCareScope scope = new HomeCareScope(RegionScope.of("330105000000", RegionLevel.DISTRICT), null, null);

        long start = System.nanoTime();
        int drawn = callbacks.draw(scope, month, null, 42L, "scale");
        long drawMs = (System.nanoTime() - start) / 1_000_000;
        assertThat(drawn).isEqualTo(200);
        jdbc.sql("""
                UPDATE home_care_callback c SET outcome = CASE WHEN c.order_id % 10 = 0 THEN 'NOT_DELIVERED' ELSE 'DELIVERED' END,
                       satisfaction = 4, called_at = now(), called_by = 'scale'
                FROM home_care_callback_draw d WHERE d.id = c.draw_id AND d.month = ?
                """).param(month).update();

        start = System.nanoTime();
        var rows = settlements.month(scope, month, null);
        long settleMs = (System.nanoTime() - start) / 1_000_000;
        assertThat(rows.stream().filter(r -> r.orders() == 2000)).hasSize(200);
        jdbc.sql("EXPLAIN (ANALYZE, BUFFERS) " + SettlementStore.monthSql(scope))
                .params(SettlementStore.monthParams(scope, month, null)).query(String.class).list()
                .forEach(line -> System.out.println("PLAN " + line));
        System.out.printf("SCALE draw of 200 providers / 400000 orders: %d ms; all settlements: %d ms%n", drawMs, settleMs);
    }
}
