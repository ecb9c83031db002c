package org.yinling.visit;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.yinling.elder.ResidentId;

/** Elders of 蓝天 community made for a visit test, with exactly the facts the roster rules test. */
final class VisitFixtures {

    static final String LANTIAN = "330105001001";

    private final JdbcClient jdbc;

    VisitFixtures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An active elder of 蓝天 born on the day, with a living arrangement and economic status; nothing else set. */
    long elder(String name, LocalDate birth, String living, String economic) {
        String body6 = "330105" + birth.format(DateTimeFormatter.BASIC_ISO_DATE);
        for (int attempt = 0; attempt < 50; attempt++) {
            String body = body6 + "%03d".formatted(ThreadLocalRandom.current().nextInt(100, 1000));
            List<Long> id = jdbc.sql("""
                            INSERT INTO elder (resident_id, name, sex, birth_date, hukou_local, community_code, phone, address,
                                               living_arrangement, economic_status, created_by, updated_by)
                            VALUES (?, ?, 'FEMALE', ?, TRUE, ?, '13957100001', '蓝天社区 5 幢 101', ?, ?, 'test', 'test')
                            ON CONFLICT DO NOTHING RETURNING id
                            """)
                    .params(body + ResidentId.checkCharacter(body), name, birth, LANTIAN, living, economic)
                    .query(Long.class).list();
            if (!id.isEmpty()) {
                return id.get(0);
            }
        }
        throw new IllegalStateException("no free resident ID");
    }

    /** Sets one column of the elder (a fixed whitelist of the columns the rules read). */
    void set(long elderId, String column, Object value) {
        if (!List.of("capability_level", "lost_only_child", "only_child_disabled", "disability_level",
                "disability_category", "serious_illness", "living_arrangement", "economic_status", "solitary",
                "life_status", "life_status_date").contains(column)) {
            throw new IllegalArgumentException(column);
        }
        jdbc.sql("UPDATE elder SET " + column + " = ? WHERE id = ?").params(value, elderId).update();
    }

    void lifeStatus(long elderId, String status, LocalDate date) {
        jdbc.sql("UPDATE elder SET life_status = ?, life_status_date = ? WHERE id = ?").params(status, date, elderId)
                .update();
    }

    void disability(long elderId, int level) {
        jdbc.sql("UPDATE elder SET disability_category = 'PHYSICAL', disability_level = ? WHERE id = ?")
                .params(level, elderId).update();
    }

    /** Admits the elder to a free bed of a demo institution (an open stay). */
    void admit(long elderId, LocalDate on) {
        jdbc.sql("""
                        INSERT INTO stay (elder_id, institution_id, bed_id, admitted_on, payer, extreme_poverty, created_by)
                        SELECT ?, b.institution_id, b.id, ?, 'GOVERNMENT', TRUE, 'test' FROM bed b
                        WHERE NOT EXISTS (SELECT 1 FROM stay s WHERE s.bed_id = b.id AND s.ended_on IS NULL)
                        ORDER BY b.id LIMIT 1
                        """)
                .params(elderId, on).update();
    }

    /** The elder's open roster row's tier, or null when not on the roster. */
    String tier(long elderId) {
        return jdbc.sql("SELECT tier FROM visit_roster WHERE elder_id = ? AND left_on IS NULL").params(elderId)
                .query(String.class).optional().orElse(null);
    }

    /** Reasons the elder left the roster, oldest first. */
    List<String> leftReasons(long elderId) {
        return jdbc.sql("SELECT left_reason FROM visit_roster WHERE elder_id = ? AND left_on IS NOT NULL ORDER BY id")
                .params(elderId).query(String.class).list();
    }

    void bind(long elderId, String username) {
        jdbc.sql("""
                        INSERT INTO visit_binding (elder_id, visitor_id, bound_by)
                        SELECT ?, id, 'test' FROM app_user WHERE username = ?
                        ON CONFLICT (elder_id) DO UPDATE SET visitor_id = EXCLUDED.visitor_id
                        """)
                .params(elderId, username).update();
    }

    void rosteredOn(long elderId, LocalDate day) {
        jdbc.sql("UPDATE visit_roster SET rostered_on = ? WHERE elder_id = ? AND left_on IS NULL").params(day, elderId)
                .update();
    }
}
