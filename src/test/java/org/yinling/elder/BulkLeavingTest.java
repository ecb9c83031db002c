package org.yinling.elder;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.yinling.TestDates;
import org.yinling.system.TestApiClients;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An agency's list of many deaths and move-outs ({@link StatusImportService#BULK_FROM} or more) is followed set-based
 * ({@link EldersLeft}) with exactly the effects that each elder's own event has: entitlements, recoveries, stays,
 * home-care orders, budgets and plans, the visit roster and their audit records.
 */
@SpringBootTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class BulkLeavingTest {

    private static final String LANTIAN = "330105001001";
    /** IDs of a county no other test uses, so that events never meet another test's elders. */
    private static final String ADDRESS = "330113";
    private static final AtomicInteger SEQUENCE = new AtomicInteger((int) (System.nanoTime() % 500));

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;
    @Autowired
    ApplicationEvents events;

    private final LocalDate today = TestDates.today();

    @Test
    void aLongListOfDeathsAndMoveOutsHasExactlyTheEffectsOfEachElderAlone() throws Exception {
        LocalDate died = today.minusDays(40);
        LocalDate moved = today.minusDays(35);
        long policy = policy();
        int many = StatusImportService.BULK_FROM;
        List<String> manyDeaths = ids(many);
        List<String> manyMoves = ids(many);
        List<String> oneDeath = ids(1);
        List<String> oneMove = ids(1);
        List<String> all = new ArrayList<>(manyDeaths);
        all.addAll(manyMoves);
        all.addAll(oneDeath);
        all.addAll(oneMove);
        Long[] elders = withEverything(all, policy);

        // the twins, one by one below the threshold: one event per elder
        read(lifeEvents(List.of(event("DEATH", oneDeath.get(0), died), event("MOVE_OUT", oneMove.get(0), moved))));
        long deadTwin = elders[all.size() - 2];
        long movedTwin = elders[all.size() - 1];
        assertThat(events.stream(ElderDeceased.class)).containsExactly(new ElderDeceased(deadTwin, died));
        assertThat(events.stream(ElderMovedOut.class)).containsExactly(new ElderMovedOut(movedTwin, moved));
        assertThat(events.stream(EldersLeft.class)).isEmpty();

        // the long list: one event per kind for all its elders, none per elder
        List<Map<String, Object>> batch = new ArrayList<>();
        manyDeaths.forEach(id -> batch.add(event("DEATH", id, died)));
        manyMoves.forEach(id -> batch.add(event("MOVE_OUT", id, moved)));
        JsonNode answer = read(lifeEvents(batch));
        assertThat(answer.get("outcomes").get("matched").intValue()).isEqualTo(2 * many);
        assertThat(events.stream(ElderDeceased.class)).hasSize(1);
        assertThat(events.stream(ElderMovedOut.class)).hasSize(1);
        assertThat(events.stream(EldersLeft.class).map(e -> e.deceased() + " " + e.size()))
                .containsExactlyInAnyOrder("true " + many, "false " + many);

        Map<Long, String> effects = effects(elders);
        String death = effects.get(deadTwin);
        String moveOut = effects.get(movedTwin);
        // the twins' effects are the whole chain (so that equal effects below mean something)
        assertThat(death).contains("entitlement STOPPED " + died.withDayOfMonth(1) + " ELDER_DECEASED")
                .contains("recovery DECEASED " + died + " 100.00")
                .contains("stay " + died + " DECEASED")
                .contains("order CANCELLED ELDER_DECEASED", "event CANCELLED DISPATCHED ELDER_DECEASED system")
                .contains("budget " + died)
                .contains("plan " + died.withDayOfMonth(1) + " system")
                .contains("roster " + today + " DECEASED")
                .contains("ENTITLEMENTS_STOPPED", "HOME_CARE_ELDER_LEFT", "VISIT_ROSTER_RECOMPUTED");
        assertThat(moveOut).contains("entitlement STOPPED " + moved.withDayOfMonth(1) + " ELDER_MOVED_OUT")
                .contains("recovery MOVED_OUT " + moved)
                .contains("stay  ")
                .contains("roster " + today + " MOVED_OUT");
        for (int i = 0; i < many; i++) {
            assertThat(effects.get(elders[i])).as("death %d", i).isEqualTo(death);
            assertThat(effects.get(elders[many + i])).as("move-out %d", i).isEqualTo(moveOut);
        }
    }

    /** Every effect on the elder, without ids and times, as lines in a fixed order. */
    private Map<Long, String> effects(Long[] elders) {
        Map<Long, String> effects = new HashMap<>();
        for (String query : List.of(
                """
                SELECT elder_id, 'entitlement ' || status || ' ' || end_month || ' ' || stop_reason || ' ' || updated_by
                FROM subsidy_entitlement WHERE elder_id = ANY(CAST(? AS bigint[])) ORDER BY id""",
                """
                SELECT elder_id, 'application ' || stage || ' ' || updated_by
                FROM subsidy_application WHERE elder_id = ANY(CAST(? AS bigint[])) ORDER BY id""",
                """
                SELECT elder_id, 'recovery ' || reason || ' ' || status_date || ' ' || amount
                FROM payment_recovery WHERE elder_id = ANY(CAST(? AS bigint[])) ORDER BY id""",
                """
                SELECT elder_id, 'stay ' || coalesce(ended_on::text, '') || ' ' || coalesce(end_reason, '')
                FROM stay WHERE elder_id = ANY(CAST(? AS bigint[])) ORDER BY id""",
                """
                SELECT elder_id, 'order ' || state || ' ' || coalesce(close_reason, '')
                FROM home_care_order WHERE elder_id = ANY(CAST(? AS bigint[])) ORDER BY id""",
                """
                SELECT o.elder_id, 'event ' || v.event || ' ' || v.from_state || ' ' || v.reason || ' ' || v.by_user
                FROM home_care_order_event v JOIN home_care_order o ON o.id = v.order_id
                WHERE o.elder_id = ANY(CAST(? AS bigint[])) ORDER BY v.id""",
                """
                SELECT elder_id, 'budget ' || coalesce(ended_on::text, '')
                FROM home_care_budget WHERE elder_id = ANY(CAST(? AS bigint[])) ORDER BY id""",
                """
                SELECT elder_id, 'plan ' || coalesce(valid_to::text, '') || ' ' || updated_by
                FROM home_care_plan WHERE elder_id = ANY(CAST(? AS bigint[])) ORDER BY id""",
                """
                SELECT elder_id, 'roster ' || coalesce(left_on::text, '') || ' ' || coalesce(left_reason, '')
                FROM visit_roster WHERE elder_id = ANY(CAST(? AS bigint[])) ORDER BY id""",
                """
                SELECT CAST(entity_id AS bigint), 'audit ' || actor || ' ' || action || ' '
                       || (details - 'entitlementIds' - 'withdrawnApplicationIds' - 'orders')::text || ' '
                       || coalesce(jsonb_array_length(details->'entitlementIds'), -1) || ' '
                       || coalesce(jsonb_array_length(details->'withdrawnApplicationIds'), -1) || ' '
                       || coalesce(jsonb_array_length(details->'orders'), -1)
                FROM audit_event WHERE entity IN ('elder', 'subsidy_entitlement') AND entity_id = ANY(CAST(? AS varchar[]))
                  AND action IN ('ENTITLEMENTS_STOPPED', 'HOME_CARE_ELDER_LEFT', 'VISIT_ROSTER_RECOMPUTED')
                ORDER BY id""")) {
            Object param = query.contains("varchar[]") ? java.util.Arrays.stream(elders).map(String::valueOf)
                    .toArray(String[]::new) : elders;
            jdbc.sql(query).param(param).query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2))).list()
                    .forEach(e -> effects.merge(e.getKey(), e.getValue(), (a, b) -> a + "\n" + b));
        }
        return effects;
    }

    /**
     * Registers the elders with what a death or move-out changes: an active entitlement and an open application, a
     * paid payment line for this month, a stay in a home of their own, an open home-care order, this month's budget,
     * a plan since three months ago and one from next month, and a roster row.
     */
    private Long[] withEverything(List<String> residentIds, long policy) {
        Long[] elders = jdbc.sql("""
                        INSERT INTO elder (resident_id, name, sex, birth_date, hukou_local, community_code,
                            living_arrangement, economic_status, created_by, updated_by)
                        SELECT r, '离世迁出', 'FEMALE', to_date(substr(r, 7, 8), 'YYYYMMDD'), TRUE, ?, 'ALONE',
                               'MINIMUM_LIVING', 'test', 'test'
                        FROM unnest(CAST(? AS varchar[])) WITH ORDINALITY AS x(r, n) ORDER BY x.n RETURNING id""")
                .params(LANTIAN, residentIds.toArray(String[]::new)).query(Long.class).list().toArray(Long[]::new);
        java.util.Arrays.sort(elders);
        LocalDate month = today.withDayOfMonth(1);
        LocalDate start = month.minusMonths(3);
        jdbc.sql("""
                        INSERT INTO subsidy_application (elder_id, policy_id, policy_code, community_code, stage, source,
                            tier_index, amount, received_on, approved_on, closed_at, created_by, updated_by)
                        SELECT e, p.id, p.code, ?, 'APPROVED', 'COMMUNITY', 0, 200, ?, ?, now(), 'test', 'test'
                        FROM unnest(CAST(? AS bigint[])) e, subsidy_policy p WHERE p.id = ?""")
                .params(LANTIAN, start.minusMonths(1), start.minusDays(1), elders, policy).update();
        jdbc.sql("""
                        INSERT INTO subsidy_entitlement (elder_id, policy_id, policy_code, application_id, community_code,
                            tier_index, amount, frequency, start_month, status, updated_by)
                        SELECT a.elder_id, a.policy_id, a.policy_code, a.id, a.community_code, 0, 200, 'MONTHLY', ?,
                               'ACTIVE', 'test'
                        FROM subsidy_application a WHERE a.elder_id = ANY(CAST(? AS bigint[]))""")
                .params(start, elders).update();
        jdbc.sql("""
                        INSERT INTO subsidy_application (elder_id, policy_id, policy_code, community_code, stage, source,
                            tier_index, amount, received_on, created_by, updated_by)
                        SELECT e, p.id, p.code, ?, 'STREET_REVIEW', 'COMMUNITY', 0, 200, ?, 'test', 'test'
                        FROM unnest(CAST(? AS bigint[])) e, subsidy_policy p WHERE p.id = ?""")
                .params(LANTIAN, today.minusDays(50), elders, policy).update();
        LocalDate batchMonth = LocalDate.of(2095, 1, 1);
        long batch = jdbc.sql("SELECT id FROM payment_batch WHERE region_code = '330105000000' AND month = ?")
                .param(batchMonth).query(Long.class).optional().orElseGet(() -> jdbc.sql("""
                        INSERT INTO payment_batch (region_code, month, state, generated_at, generated_by)
                        VALUES ('330105000000', ?, 'GENERATED', now(), 'test') RETURNING id""")
                        .param(batchMonth).query(Long.class).single());
        jdbc.sql("""
                        INSERT INTO payment_line (batch_id, entitlement_id, elder_id, policy_id, policy_code, month, kind,
                            elder_name, resident_id, community_code, policy_version, tier_index, amount, reference, status)
                        SELECT ?, s.id, s.elder_id, s.policy_id, s.policy_code, m.month, 'REGULAR', e.name,
                               e.resident_id, e.community_code, 1, 0, 100, 'BULK-' || s.id || '-' || m.month, 'PAID'
                        FROM subsidy_entitlement s JOIN elder e ON e.id = s.elder_id,
                             (VALUES (CAST(? AS date)), (CAST(? AS date))) AS m(month)
                        WHERE s.elder_id = ANY(CAST(? AS bigint[]))""")
                .params(batch, month.minusMonths(2), month, elders).update();
        long home = jdbc.sql("""
                        INSERT INTO institution (name, kind, ownership, community_code, medical_arrangement, created_by,
                            updated_by)
                        VALUES ('批量离世测试院', 'PRIVATE_HOME', 'PRIVATE', ?, 'AGREEMENT', 'test', 'test') RETURNING id""")
                .param(LANTIAN).query(Long.class).single();
        jdbc.sql("""
                        WITH beds AS (
                            INSERT INTO bed (institution_id, room, label)
                            SELECT ?, '1', 'B' || e FROM unnest(CAST(? AS bigint[])) e RETURNING id, label
                        )
                        INSERT INTO stay (elder_id, institution_id, bed_id, admitted_on, payer, extreme_poverty, created_by)
                        SELECT CAST(substr(b.label, 2) AS bigint), ?, b.id, ?, 'SELF', FALSE, 'test' FROM beds b""")
                .params(home, elders, home, start).update();
        jdbc.sql("""
                        INSERT INTO home_care_budget (elder_id, month, entitlement_id, community_code, amount,
                            government_share)
                        SELECT s.elder_id, m.month, s.id, s.community_code, 300, 1.00
                        FROM subsidy_entitlement s, (VALUES (CAST(? AS date)), (CAST(? AS date))) AS m(month)
                        WHERE s.elder_id = ANY(CAST(? AS bigint[]))""")
                .params(month.minusMonths(2), month, elders).update();
        jdbc.sql("""
                        INSERT INTO home_care_plan (elder_id, community_code, provider_id, valid_from, created_by, updated_by)
                        SELECT e, ?, (SELECT min(id) FROM home_care_provider), m.valid_from, 'test', 'test'
                        FROM unnest(CAST(? AS bigint[])) e, (VALUES (CAST(? AS date)), (CAST(? AS date))) AS m(valid_from)""")
                .params(LANTIAN, elders, start, month.plusMonths(1)).update();
        jdbc.sql("""
                        INSERT INTO home_care_order (elder_id, community_code, month, item_id, provider_id, scheduled_at,
                            state, unit_price, quantity, amount, government_share, ad_hoc, created_by)
                        SELECT e, ?, ?, (SELECT min(id) FROM home_care_item), (SELECT min(id) FROM home_care_provider),
                               CAST(? AS date) + TIME '10:00', 'DISPATCHED', 40, 1, 40, 1.00, TRUE, 'test'
                        FROM unnest(CAST(? AS bigint[])) e""")
                .params(LANTIAN, month, today.plusDays(2), elders).update();
        jdbc.sql("""
                        INSERT INTO visit_roster (elder_id, community_code, rule_id, rule_tier, rostered_on)
                        SELECT e, ?, (SELECT min(id) FROM visit_roster_rule), 'MEDIUM', ?
                        FROM unnest(CAST(? AS bigint[])) e""")
                .params(LANTIAN, today.minusDays(60), elders).update();
        return elders;
    }

    private long policy() {
        String code = "BULK" + SEQUENCE.incrementAndGet();
        return jdbc.sql("""
                        INSERT INTO subsidy_policy (code, version, name, kind, region_code, effective_from, frequency,
                            back_pay_months, rule, status, published_at, published_by, created_by, updated_by)
                        SELECT ?, 1, ?, kind, region_code, effective_from, frequency, back_pay_months, rule, 'PUBLISHED',
                               now(), 'test', 'test', 'test'
                        FROM subsidy_policy WHERE status = 'PUBLISHED' ORDER BY id LIMIT 1 RETURNING id""")
                .params(code, "批量离世测试补贴" + code).query(Long.class).single();
    }

    private org.springframework.test.web.servlet.ResultActions lifeEvents(Object body) throws Exception {
        return mvc.perform(post("/api/v1/life-events").contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body)).with(TestApiClients.districtClient("life-events:write")));
    }

    private JsonNode read(org.springframework.test.web.servlet.ResultActions result) throws Exception {
        return json.readTree(result.andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    private static Map<String, Object> event(String type, String residentId, LocalDate date) {
        return Map.of("eventId", "test-" + UUID.randomUUID(), "type", type, "residentId", residentId,
                "date", date.toString());
    }

    private static List<String> ids(int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int n = SEQUENCE.incrementAndGet();
            String body = ADDRESS + "19%02d%02d%02d".formatted(30 + n / 12_000 % 30, 1 + n / 1000 % 12, 1 + n % 28)
                    + "%03d".formatted(n % 1000);
            ids.add(body + ResidentId.checkCharacter(body));
        }
        return ids;
    }
}
