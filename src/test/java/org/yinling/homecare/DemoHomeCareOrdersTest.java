package org.yinling.homecare;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yinling.TestDates;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo (on in tests, as in a clean clone) fills the home-care pages: today's orders for {@code worker}, last
 * month's confirmed orders for the demo provider, budgets within which the plans fit, and an event for every
 * transition; a second run adds nothing.
 */
@SpringBootTest
class DemoHomeCareOrdersTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    DemoHomeCareOrders demo;
    @Autowired
    OrderWorkflow workflow;

    final LocalDate today = TestDates.today();

    @Test
    void theDemoHasTodaysOrdersForTheWorkerAndLastMonthsConfirmedOrders() {
        long todays = jdbc.sql("""
                        SELECT count(*) FROM home_care_order o JOIN app_user u ON u.id = o.worker_id
                        WHERE u.username = 'worker' AND o.state = 'ACCEPTED' AND o.created_by = 'demo'
                          AND CAST(o.scheduled_at AT TIME ZONE 'Asia/Shanghai' AS date) = ?
                        """).param(today).query(Long.class).single();
        assertThat(todays).isGreaterThanOrEqualTo(3);

        long confirmed = jdbc.sql("""
                        SELECT count(*) FROM home_care_order o JOIN home_care_provider p ON p.id = o.provider_id
                        WHERE p.credit_code = '52330105MJ1234567X' AND o.month = ? AND o.state IN ('CONFIRMED', 'CALLED_BACK')
                        """).param(today.withDayOfMonth(1).minusMonths(1)).query(Long.class).single();
        assertThat(confirmed).isGreaterThan(10);

        List<String> lastMonth = jdbc.sql("""
                        SELECT DISTINCT state FROM home_care_order WHERE created_by = 'demo' AND month = ? ORDER BY 1
                        """).param(today.withDayOfMonth(1).minusMonths(1)).query(String.class).list();
        assertThat(lastMonth).containsExactly("CALLED_BACK", "CANCELLED", "CONFIRMED", "MISSED");
        // closed demo orders are sealed like confirmed ones: the order page shows them unchanged
        List<Long> closed = jdbc.sql("""
                        SELECT id FROM home_care_order WHERE created_by = 'demo' AND state IN ('CONFIRMED', 'CALLED_BACK')
                        """).query(Long.class).list();
        assertThat(closed).isNotEmpty().allSatisfy(id -> assertThat(jdbc.sql(
                "SELECT digest FROM home_care_order WHERE id = ?").param(id).query(String.class).single())
                .isEqualTo(workflow.digest(id)));
        assertThat(jdbc.sql("SELECT count(*) FROM home_care_order WHERE created_by = 'demo' AND flag_duration")
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM home_care_callback c JOIN home_care_order o ON o.id = c.order_id
                        WHERE o.created_by = 'demo' AND c.outcome = 'COMPLAINT'
                        """).query(Long.class).single()).isEqualTo(1);

        // every order's events lead to its state, one per transition, and the database's transition table allows each
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM home_care_order o
                        WHERE o.created_by = 'demo' AND o.state IS DISTINCT FROM
                              (SELECT e.to_state FROM home_care_order_event e WHERE e.order_id = o.id ORDER BY e.at DESC, e.id DESC LIMIT 1)
                        """).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM home_care_order_event e JOIN home_care_order o ON o.id = e.order_id
                        WHERE o.created_by = 'demo' AND e.from_state IS NOT NULL
                          AND NOT EXISTS (SELECT 1 FROM home_care_transition t
                                          WHERE t.from_state = e.from_state AND t.to_state = e.to_state)
                        """).query(Long.class).single()).isZero();
        // check-in and out as long as the item's standard minutes (the one flagged visit half of it)
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM home_care_order o JOIN home_care_item i ON i.id = o.item_id
                        WHERE o.created_by = 'demo' AND o.check_out_at IS NOT NULL AND NOT o.flag_duration
                          AND o.check_out_at - o.check_in_at < make_interval(mins => i.standard_minutes)
                        """).query(Long.class).single()).isZero();
        // the plans fit the budgets
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM home_care_budget b
                        WHERE (SELECT sum(o.amount) FROM home_care_order o WHERE o.budget_id = b.id) > b.amount
                        """).query(Long.class).single()).isZero();

        long orders = jdbc.sql("SELECT count(*) FROM home_care_order").query(Long.class).single();
        demo.run(null);
        assertThat(jdbc.sql("SELECT count(*) FROM home_care_order").query(Long.class).single()).isEqualTo(orders);
    }
}
