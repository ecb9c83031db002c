package org.yinling.payment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yinling.system.TestUsers.as;

/**
 * The operating subsidy of a private institution in a month's batch: local residents only, by category, pro rata by
 * the days of last month (admission day counts, the day a stay ends does not, a transfer continues the stay), once.
 */
@SpringBootTest
@AutoConfigureMockMvc
class OperatingSubsidyTest {

    private static final String LANTIAN = "330105001001";
    private static final AtomicInteger SEQUENCE = new AtomicInteger(900);

    @Autowired
    JdbcClient jdbc;
    @Autowired
    BatchStore batches;
    @Autowired
    BatchGenerator generator;
    @Autowired
    MockMvc mvc;

    @Test
    void aMonthWithAdmissionsDischargesAndATransferIsPaidProRataOnce() throws Exception {
        long home = institution("运营补贴测试养老院", "PRIVATE");
        long publicHome = institution("运营补贴测试公办院", "PUBLIC");
        long[] beds = beds(home, 6);
        long publicBed = beds(publicHome, 1)[0];

        long admittedMidMonth = elder("NONE", true);
        stay(admittedMidMonth, home, beds[0], "2038-01-10", null, false);                  // 22 of 31 days × 50
        long poorAllMonth = elder("EXTREME_POVERTY", true);
        stay(poorAllMonth, home, beds[1], "2037-12-01", null, false);                      // 405
        long minimumLivingDischarged = elder("MINIMUM_LIVING", true);
        stay(minimumLivingDischarged, home, beds[2], "2037-12-01", "2038-01-16", false);   // 15 days × 200
        long transferred = elder("NONE", true);
        stay(transferred, home, beds[3], "2037-12-01", "2038-01-20", true);
        stay(transferred, home, beds[4], "2038-01-20", null, false);                       // the whole month: 50
        long notLocal = elder("NONE", false);
        stay(notLocal, home, beds[5], "2037-12-01", null, false);                          // not counted
        long inPublicHome = elder("NONE", true);
        stay(inPublicHome, publicHome, publicBed, "2037-12-01", null, false);              // not a private home

        long batchId = batches.create(PaymentFixtures.DISTRICT, LocalDate.of(2038, 2, 1), false, "district");
        assertThat(generator.generate(batchId)).isTrue();
        // resumed once more (as after a restart): nothing twice
        jdbc.sql("UPDATE payment_batch SET state = 'GENERATING' WHERE id = ?").param(batchId).update();
        assertThat(generator.generate(batchId)).isTrue();

        List<String> lines = jdbc.sql("""
                        SELECT to_char(month, 'YYYY-MM') || ' ' || residents || ' ' || amount
                        FROM payment_payee_line WHERE institution_id = ?
                        """).param(home).query(String.class).list();
        // 50 × 22 / 31 = 35.48; 405; 200 × 15 / 31 = 96.77; 50
        assertThat(lines).containsExactly("2038-01 4 587.25");
        assertThat(jdbc.sql("""
                        SELECT r.category || ' ' || r.days || ' ' || r.amount FROM payment_institution_resident r
                        JOIN payment_payee_line l ON l.id = r.line_id WHERE l.institution_id = ? ORDER BY r.amount
                        """).param(home).query(String.class).list())
                .containsExactly("LOCAL 22 35.48", "LOCAL 31 50.00", "MINIMUM_LIVING 15 96.77", "EXTREME_POVERTY 31 405.00");
        assertThat(jdbc.sql("SELECT count(*) FROM payment_payee_line WHERE institution_id = ?").param(publicHome)
                .query(Integer.class).single()).isZero();
        // the batch's totals count the institution's line
        BigDecimal elderLines = jdbc.sql("SELECT COALESCE(sum(amount), 0) FROM payment_line WHERE batch_id = ?")
                .param(batchId).query(BigDecimal.class).single();
        BigDecimal institutionLines = jdbc.sql("SELECT sum(amount) FROM payment_payee_line WHERE batch_id = ?")
                .param(batchId).query(BigDecimal.class).single();
        assertThat(batches.findAny(batchId).orElseThrow().amountTotal()).isEqualByComparingTo(elderLines.add(institutionLines));

        // the batch page lists the line, and the line's page the residents behind it
        long line = jdbc.sql("SELECT id FROM payment_payee_line WHERE institution_id = ?").param(home)
                .query(Long.class).single();
        mvc.perform(get("/payments/batches/{id}", batchId).with(as("district")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("运营补贴测试养老院")));
        mvc.perform(get("/payments/batches/{id}/payee-lines/{line}", batchId, line)
                        .with(as("district")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("405.00")))
                .andExpect(content().string(containsString("110105********")));
    }

    private long institution(String name, String ownership) {
        return jdbc.sql("""
                        INSERT INTO institution (name, kind, ownership, community_code, payee_bank, payee_account,
                            created_by, updated_by)
                        VALUES (?, 'PRIVATE_HOME', ?, ?, '测试银行', '6222111122223333', 'test', 'test') RETURNING id
                        """)
                .params(name, ownership, LANTIAN).query(Long.class).single();
    }

    private long[] beds(long institution, int count) {
        return jdbc.sql("""
                        INSERT INTO bed (institution_id, room, label) SELECT ?, 'R', n::text FROM generate_series(1, ?) n
                        RETURNING id
                        """)
                .params(institution, count).query(Long.class).list().stream().mapToLong(Long::longValue).toArray();
    }

    private long elder(String economicStatus, boolean local) {
        int n = SEQUENCE.incrementAndGet();
        return jdbc.sql("""
                        INSERT INTO elder (resident_id, name, sex, birth_date, hukou_local, community_code,
                            living_arrangement, economic_status, created_by, updated_by)
                        VALUES (?, ?, 'MALE', DATE '1940-04-04', ?, ?, 'ALONE', ?, 'test', 'test') RETURNING id
                        """)
                .params("11010519400404" + "%03d".formatted(n % 1000) + "X", "运补" + n, local, LANTIAN, economicStatus)
                .query(Long.class).single();
    }

    private void stay(long elder, long institution, long bed, String from, String to, boolean transfer) {
        jdbc.sql("""
                        INSERT INTO stay (elder_id, institution_id, bed_id, admitted_on, payer, extreme_poverty, ended_on,
                            ended_by_transfer, created_by)
                        VALUES (?, ?, ?, CAST(? AS date), 'SELF', FALSE, CAST(? AS date), ?, 'test')
                        """)
                .params(elder, institution, bed, from, to, transfer).update();
    }
}
