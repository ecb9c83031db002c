package org.yinling.elder;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.yinling.TestDates;
import org.yinling.region.RegionLevel;
import org.yinling.subsidy.rule.Attribute;
import org.yinling.subsidy.rule.Criterion;
import org.yinling.subsidy.rule.CriterionGroup;
import org.yinling.subsidy.rule.Eligibility;
import org.yinling.subsidy.rule.Operator;
import org.yinling.subsidy.rule.PolicyRule;
import org.yinling.system.TestApiClients;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yinling.system.TestUsers.as;

/**
 * Life events and status changes from other agencies' systems through the API (issue 22 §3), called as an API client
 * would: the same rules and effects as an agency's list, idempotent by eventId, refused whole when malformed.
 */
@SpringBootTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class InboundEventApiTest {

    private static final String LANTIAN = "330105001001";
    private static final String GUASHAN = "330105001002";
    private static final String XIANGFU = "330105002001";
    private static final String SHANGTANG = "330105001000";
    /** IDs of a county no other test uses, so that events never meet another test's elders. */
    private static final String ADDRESS = "330112";
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

    private static RequestPostProcessor district(String... scopes) {
        return TestApiClients.districtClient(scopes);
    }

    private static RequestPostProcessor shangtang(String... scopes) {
        return TestApiClients.client("test-shangtang-client", SHANGTANG, RegionLevel.STREET, scopes);
    }

    @Test
    void anInboundDeathFromTheDistrictsSystemStopsTheEntitlementLikeAConfirmedList() throws Exception {
        String residentId = newId();
        long elder = elder(residentId, LANTIAN, "MINIMUM_LIVING");
        long entitlement = entitlement(elder, policy("MINIMUM_LIVING"));
        LocalDate died = today.minusDays(3);
        String eventId = eventId();

        JsonNode answer = lifeEvents(district("life-events:write"), Map.of("eventId", eventId, "type", "DEATH",
                "residentId", residentId, "date", died.toString(), "documentNo", "死证2026-118"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andReturn().getResponse().getContentAsString().transform(json::readTree);

        assertThat(answer.get("received").intValue()).isEqualTo(1);
        JsonNode result = answer.get("results").get(0);
        assertThat(result.get("index").intValue()).isZero();
        assertThat(result.get("eventId").stringValue()).isEqualTo(eventId);
        assertThat(result.get("outcome").stringValue()).isEqualTo("matched");
        assertThat(result.get("message").stringValue()).isNotBlank();
        assertThat(result.get("firstOutcome").isNull()).isTrue();

        Map<String, Object> row = jdbc.sql("SELECT life_status, life_status_date, life_status_reason, updated_by FROM elder WHERE id = ?")
                .param(elder).query().singleRow();
        assertThat(row.get("life_status")).isEqualTo("DECEASED");
        assertThat(row.get("life_status_date").toString()).isEqualTo(died.toString());
        assertThat(row.get("life_status_reason")).isEqualTo("test-district-client 死证2026-118");
        assertThat(row.get("updated_by")).isEqualTo("api:test-district-client");
        // the same downstream effect as a confirmed list: the entitlement stops with the month of death
        Map<String, Object> stopped = jdbc.sql("SELECT status, end_month, stop_reason FROM subsidy_entitlement WHERE id = ?")
                .param(entitlement).query().singleRow();
        assertThat(stopped.get("status")).isEqualTo("STOPPED");
        assertThat(stopped.get("end_month").toString()).isEqualTo(died.withDayOfMonth(1).toString());
        assertThat(stopped.get("stop_reason")).isEqualTo("ELDER_DECEASED");
        assertThat(events.stream(ElderDeceased.class).filter(e -> e.elderId() == elder))
                .containsExactly(new ElderDeceased(elder, died));
        // audited like the list's change, by the client, and the list is on record as confirmed
        assertThat(jdbc.sql("""
                        SELECT actor || ' ' || (details->>'date') FROM audit_event
                        WHERE action = 'ELDER_DECEASED' AND entity = 'elder' AND entity_id = ?""")
                .param(String.valueOf(elder)).query(String.class).list())
                .containsExactly("api:test-district-client " + died);
        assertThat(jdbc.sql("""
                        SELECT s.state || ' ' || s.decided_by || ' ' || s.kind FROM status_import s
                        JOIN api_inbound_event a ON a.import_id = s.id WHERE a.event_id = ?""")
                .param(eventId).query(String.class).single())
                .isEqualTo("CONFIRMED api:test-district-client DEATH");
    }

    @Test
    void aMoveInChangesTheCommunityInsideTheRegionAndIsInvalidOutsideIt() throws Exception {
        String moving = newId();
        long elder = elder(moving, LANTIAN, "NONE");
        String outside = newId();
        long stays = elder(outside, LANTIAN, "NONE");
        String unknown = newId();
        long staysToo = elder(unknown, LANTIAN, "NONE");
        JsonNode answer = read(lifeEvents(shangtang("life-events:write"), List.of(
                Map.of("eventId", eventId(), "type", "MOVE_IN", "residentId", moving, "date", today.toString(),
                        "communityCode", GUASHAN),
                Map.of("eventId", eventId(), "type", "MOVE_IN", "residentId", outside, "date", today.toString(),
                        "communityCode", XIANGFU),
                Map.of("eventId", eventId(), "type", "MOVE_IN", "residentId", unknown, "date", today.toString(),
                        "communityCode", "330105999999")))
                .andExpect(status().isOk()));

        assertThat(outcomes(answer)).containsExactly("matched", "invalid", "invalid");
        assertThat(answer.get("results").get(1).get("message").stringValue()).contains("辖区");
        assertThat(community(elder)).isEqualTo(GUASHAN);
        assertThat(community(stays)).isEqualTo(LANTIAN);
        assertThat(community(staysToo)).isEqualTo(LANTIAN);
        // the elder's change history shows the correction field by field
        assertThat(jdbc.sql("""
                        SELECT (details->'before'->>'communityCode') || '>' || (details->'after'->>'communityCode')
                        FROM audit_event WHERE action = 'ELDER_UPDATED' AND entity_id = ?""")
                .param(String.valueOf(elder)).query(String.class).list()).containsExactly(LANTIAN + ">" + GUASHAN);
        assertThat(events.stream(ElderUpdated.class).filter(e -> e.elderId() == elder)).hasSize(1);
    }

    @Test
    void aStatusChangeToExtremePovertyFlagsTheEntitlementForTheStreetsRecheck() throws Exception {
        String residentId = newId();
        long elder = elder(residentId, LANTIAN, "MINIMUM_LIVING");
        long entitlement = entitlement(elder, policy("MINIMUM_LIVING"));
        String disabled = newId();
        long certified = elder(disabled, LANTIAN, "NONE");

        JsonNode answer = read(statusChanges(district("status-changes:write"), List.of(
                Map.of("eventId", eventId(), "type", "ECONOMIC_STATUS", "residentId", residentId,
                        "date", today.minusDays(1).toString(), "economicStatus", "EXTREME_POVERTY"),
                Map.of("eventId", eventId(), "type", "DISABILITY", "residentId", disabled,
                        "date", today.toString(), "disabilityCategory", "PHYSICAL", "disabilityLevel", 2),
                Map.of("eventId", eventId(), "type", "ECONOMIC_STATUS", "residentId", newId(),
                        "date", today.toString(), "economicStatus", "RICH"),
                Map.of("eventId", eventId(), "type", "ECONOMIC_STATUS", "residentId", "33011219500101123",
                        "date", today.toString(), "economicStatus", "NONE"),
                Map.of("eventId", eventId(), "type", "DISABILITY", "residentId", newId(),
                        "date", today.plusDays(3).toString(), "disabilityCategory", "VISUAL", "disabilityLevel", 1)))
                .andExpect(status().isOk()));

        assertThat(outcomes(answer)).containsExactly("matched", "matched", "invalid", "invalid", "conflict");
        assertThat(jdbc.sql("SELECT economic_status FROM elder WHERE id = ?").param(elder).query(String.class).single())
                .isEqualTo("EXTREME_POVERTY");
        assertThat(jdbc.sql("SELECT disability_category || disability_level FROM elder WHERE id = ?").param(certified)
                .query(String.class).single()).isEqualTo("PHYSICAL2");
        // the same re-check as a correction or an import: the street finds it in its queue
        assertThat(jdbc.sql("SELECT recheck_reason FROM subsidy_entitlement WHERE id = ?").param(entitlement)
                .query(String.class).single()).isEqualTo("NOT_ELIGIBLE");
        assertThat(jdbc.sql("SELECT status FROM subsidy_entitlement WHERE id = ?").param(entitlement)
                .query(String.class).single()).isEqualTo("ACTIVE");
    }

    @Test
    void aRepeatedDeliveryChangesNothingAndAnswersTheStoredResult() throws Exception {
        String residentId = newId();
        long elder = elder(residentId, LANTIAN, "NONE");
        String eventId = eventId();
        Map<String, Object> event = event(eventId, "MOVE_OUT", residentId, today.minusDays(1));
        String missing = eventId();
        Map<String, Object> unmatched = Map.of("eventId", missing, "type", "MOVE_OUT", "residentId", newId(),
                "date", today.minusDays(1).toString());
        assertThat(outcomes(read(lifeEvents(district("life-events:write"), List.of(event, unmatched)))))
                .containsExactly("matched", "unmatched");
        long version = version(elder);

        // field order does not matter to the fingerprint
        Map<String, Object> reordered = new LinkedHashMap<>();
        reordered.put("date", today.minusDays(1).toString());
        reordered.put("residentId", residentId);
        reordered.put("type", "MOVE_OUT");
        reordered.put("eventId", eventId);
        JsonNode again = read(lifeEvents(district("life-events:write"), List.of(reordered, unmatched)));
        assertThat(outcomes(again)).containsExactly("duplicate", "duplicate");
        assertThat(again.get("results").get(0).get("firstOutcome").stringValue()).isEqualTo("matched");
        assertThat(again.get("results").get(1).get("firstOutcome").stringValue()).isEqualTo("unmatched");
        assertThat(version(elder)).isEqualTo(version);
        assertThat(auditCount("ELDER_MOVED_OUT", elder)).isEqualTo(1);
        assertThat(events.stream(ElderMovedOut.class).filter(e -> e.elderId() == elder)).hasSize(1);

        // the same id for other content is told apart, and changes nothing either
        JsonNode reused = read(lifeEvents(district("life-events:write"), Map.of("eventId", eventId, "type", "DEATH",
                "residentId", residentId, "date", today.toString())));
        assertThat(outcomes(reused)).containsExactly("conflict");
        assertThat(reused.get("results").get(0).get("firstOutcome").stringValue()).isEqualTo("matched");
        assertThat(version(elder)).isEqualTo(version);
    }

    @Test
    void twoDeliveriesOfTheSameBatchAtOnceApplyEachEventOnce() throws Exception {
        List<Map<String, Object>> batch = new ArrayList<>();
        List<Long> elders = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String residentId = newId();
            elders.add(elder(residentId, LANTIAN, "NONE"));
            batch.add(Map.of("eventId", eventId(), "type", "DEATH", "residentId", residentId,
                    "date", today.minusDays(2).toString()));
        }
        String body = json.writeValueAsString(batch);
        Callable<JsonNode> delivery = () -> json.readTree(mvc.perform(post("/api/v1/life-events")
                        .contentType(MediaType.APPLICATION_JSON).content(body)
                        .with(district("life-events:write")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<JsonNode> first = pool.submit(delivery);
            Future<JsonNode> second = pool.submit(delivery);
            List<String> all = new ArrayList<>(outcomes(first.get()));
            all.addAll(outcomes(second.get()));
            assertThat(all.stream().filter("matched"::equals)).hasSize(40);
            assertThat(all.stream().filter("duplicate"::equals)).hasSize(40);
        }
        finally {
            pool.shutdownNow();
        }
        for (long elder : elders) {
            assertThat(auditCount("ELDER_DECEASED", elder)).isEqualTo(1);
            assertThat(version(elder)).isEqualTo(1);
        }
        assertThat(jdbc.sql("""
                        SELECT count(DISTINCT a.import_id) FROM api_inbound_event a
                        WHERE a.event_id = ANY (CAST(? AS varchar[]))""")
                .param(batch.stream().map(e -> (String) e.get("eventId")).toArray(String[]::new))
                .query(Integer.class).single()).as("one list holds them all").isEqualTo(1);
    }

    @Test
    void moreThanTenThousandEventsAre413AndMalformedBatchesAre400WithNothingApplied() throws Exception {
        String residentId = newId();
        long elder = elder(residentId, LANTIAN, "NONE");
        int before = jdbc.sql("SELECT count(*) FROM api_inbound_event").query(Integer.class).single();

        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i <= InboundEventReader.MAX_EVENTS; i++) {
            tooMany.add(Map.of("eventId", "x" + i, "type", "DEATH", "residentId", residentId, "date", "2026-01-01"));
        }
        lifeEvents(district("life-events:write"), tooMany)
                .andExpect(status().isPayloadTooLarge())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.limit").value(10000))
                .andExpect(jsonPath("$.detail", containsString("10,000")));

        Map<String, Object> good = Map.of("eventId", eventId(), "type", "DEATH", "residentId", residentId,
                "date", today.toString());
        Map<String, Object> unknownField = Map.of("eventId", eventId(), "type", "DEATH", "residentId", newId(),
                "date", today.toString(), "causeOfDeath", "x");
        Map<String, Object> wrongTypes = Map.of("eventId", 17, "type", "DEATH", "residentId", newId(),
                "date", "5 March");
        Map<String, Object> noId = Map.of("type", "BIRTH", "residentId", newId(), "date", today.toString());
        Map<String, Object> sameId = Map.of("eventId", good.get("eventId"), "type", "MOVE_OUT",
                "residentId", newId(), "date", today.toString());
        lifeEvents(district("life-events:write"), List.of(good, unknownField, wrongTypes, noId, sameId))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://yinling.org/problems/events-invalid"))
                .andExpect(jsonPath("$.errors[0].index").value(1))
                .andExpect(jsonPath("$.errors[0].field").value("causeOfDeath"))
                .andExpect(jsonPath("$.errors[?(@.index == 2 && @.field == 'eventId')]").exists())
                .andExpect(jsonPath("$.errors[?(@.index == 2 && @.field == 'date')]").exists())
                .andExpect(jsonPath("$.errors[?(@.index == 3 && @.field == 'eventId')]").exists())
                .andExpect(jsonPath("$.errors[?(@.index == 3 && @.field == 'type')]").exists())
                .andExpect(jsonPath("$.errors[?(@.index == 4 && @.field == 'eventId')]").exists());
        mvc.perform(post("/api/v1/life-events").contentType(MediaType.APPLICATION_JSON).content("{\"eventId\": ")
                        .with(district("life-events:write")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));

        assertThat(jdbc.sql("SELECT life_status FROM elder WHERE id = ?").param(elder).query(String.class).single())
                .isEqualTo("ACTIVE");
        assertThat(jdbc.sql("SELECT count(*) FROM api_inbound_event").query(Integer.class).single()).isEqualTo(before);
    }

    @Test
    void anElderOfAnotherStreetIsUnmatchedExactlyLikeNoElderAtAll() throws Exception {
        String elsewhere = newId();
        long xiangfu = elder(elsewhere, XIANGFU, "NONE");
        JsonNode answer = read(lifeEvents(shangtang("life-events:write"), List.of(
                Map.of("eventId", eventId(), "type", "DEATH", "residentId", elsewhere, "date", today.toString()),
                Map.of("eventId", eventId(), "type", "DEATH", "residentId", newId(), "date", today.toString()))));
        assertThat(outcomes(answer)).containsExactly("unmatched", "unmatched");
        assertThat(answer.get("results").get(0).get("message"))
                .isEqualTo(answer.get("results").get(1).get("message"));
        assertThat(jdbc.sql("SELECT life_status FROM elder WHERE id = ?").param(xiangfu).query(String.class).single())
                .isEqualTo("ACTIVE");
    }

    @Test
    void aClientWithoutTheScopeIsRefused() throws Exception {
        lifeEvents(district("status-changes:write", "elders:read"), Map.of("eventId", eventId(), "type", "DEATH",
                "residentId", newId(), "date", today.toString()))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        statusChanges(district("life-events:write"), Map.of("eventId", eventId(), "type", "ECONOMIC_STATUS",
                "residentId", newId(), "date", today.toString(), "economicStatus", "NONE"))
                .andExpect(status().isForbidden());
        // a signed-in user's session is no API caller
        mvc.perform(post("/api/v1/life-events").contentType(MediaType.APPLICATION_JSON).content("[]")
                .with(as("district")).with(csrf())).andExpect(status().isForbidden());
    }

    @Test
    void aStreetSystemsDeathWaitsInTheDistrictsQueueUntilConfirmed() throws Exception {
        long elder = elder(newIdInto(), LANTIAN, "NONE");
        String eventId = eventId();
        Map<String, Object> death = event(eventId, "DEATH", lastId, today.minusDays(1));
        JsonNode answer = read(lifeEvents(shangtang("life-events:write"), death));
        assertThat(outcomes(answer)).containsExactly("waiting-for-confirmation");
        assertThat(jdbc.sql("SELECT life_status FROM elder WHERE id = ?").param(elder).query(String.class).single())
                .isEqualTo("ACTIVE");
        long listId = jdbc.sql("SELECT import_id FROM api_inbound_event WHERE event_id = ?").param(eventId)
                .query(Long.class).single();

        mvc.perform(get("/elders/status-imports").with(as("district")))
                .andExpect(content().string(containsString("href=\"/elders/status-imports/" + listId + "\"")))
                .andExpect(content().string(containsString("API test-shangtang-client")));
        mvc.perform(get("/elders/status-imports/" + listId).with(as("district")))
                .andExpect(content().string(containsString("id=\"status-import-confirm\"")));
        mvc.perform(post("/elders/status-imports/" + listId + "/confirm").with(as("district")).with(csrf()))
                .andExpect(status().isFound());
        assertThat(jdbc.sql("SELECT life_status FROM elder WHERE id = ?").param(elder).query(String.class).single())
                .isEqualTo("DECEASED");
        assertThat(events.stream(ElderDeceased.class).filter(e -> e.elderId() == elder)).hasSize(1);

        JsonNode repeat = read(lifeEvents(shangtang("life-events:write"), death));
        assertThat(outcomes(repeat)).containsExactly("duplicate");
        assertThat(repeat.get("results").get(0).get("firstOutcome").stringValue()).isEqualTo("matched");
    }

    @Test
    void aBatchOfTenThousandStatusChangesIsAnsweredInOrderAndReChecksItsElders() throws Exception {
        int registered = StatusImportService.BULK_FROM + 10;
        List<String> ids = new ArrayList<>();
        for (int i = 1; i < registered; i++) {
            ids.add(newId());
        }
        jdbc.sql("""
                        INSERT INTO elder (resident_id, name, sex, birth_date, hukou_local, community_code,
                            living_arrangement, economic_status, created_by, updated_by)
                        SELECT r, '批量', 'FEMALE', to_date(substr(r, 7, 8), 'YYYYMMDD'), TRUE, ?, 'ALONE', 'NONE', 'test', 'test'
                        FROM unnest(CAST(? AS varchar[])) AS r""")
                .params(GUASHAN, ids.toArray(String[]::new)).update();
        // one of the batch's elders is paid as 低保; a bystander outside the batch no longer is, unnoticed so far
        long minimumLiving = policy("MINIMUM_LIVING");
        String paidId = newId();
        ids.add(0, paidId);
        long paid = entitlement(elder(paidId, GUASHAN, "MINIMUM_LIVING"), minimumLiving);
        long bystander = entitlement(elder(newId(), GUASHAN, "NONE"), minimumLiving);
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < InboundEventReader.MAX_EVENTS; i++) {
            String residentId = i < registered ? ids.get(i) : newId();
            batch.add(Map.of("eventId", eventId(), "type", "ECONOMIC_STATUS", "residentId", residentId,
                    "date", today.toString(), "economicStatus", "MARGINAL"));
        }
        JsonNode answer = read(statusChanges(district("status-changes:write"), batch).andExpect(status().isOk()));
        assertThat(answer.get("received").intValue()).isEqualTo(InboundEventReader.MAX_EVENTS);
        assertThat(answer.get("outcomes").get("matched").intValue()).isEqualTo(registered);
        assertThat(answer.get("outcomes").get("unmatched").intValue())
                .isEqualTo(InboundEventReader.MAX_EVENTS - registered);
        for (int i = 0; i < InboundEventReader.MAX_EVENTS; i += 997) {
            assertThat(answer.get("results").get(i).get("index").intValue()).isEqualTo(i);
            assertThat(answer.get("results").get(i).get("eventId").stringValue()).isEqualTo(batch.get(i).get("eventId"));
        }
        assertThat(jdbc.sql("SELECT count(*) FROM elder WHERE resident_id = ANY (CAST(? AS varchar[])) AND economic_status = 'MARGINAL'")
                .param(ids.toArray(String[]::new)).query(Integer.class).single()).isEqualTo(registered);
        // past BULK_FROM changed elders one event names them all, and the followers re-check just those elders
        assertThat(events.stream(EldersUpdated.class).filter(e -> e.size() == registered)).hasSize(1);
        assertThat(recheckReason(paid)).isEqualTo("NOT_ELIGIBLE");
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM audit_event WHERE action = 'ENTITLEMENT_RECHECK_FLAGGED'
                          AND entity_id = ? AND details ->> 'cause' = 'ELDER_UPDATED'""")
                .param(String.valueOf(paid)).query(Integer.class).single()).isEqualTo(1);
        assertThat(recheckReason(bystander)).isNull();
    }

    private String recheckReason(long entitlement) {
        return jdbc.sql("SELECT recheck_reason FROM subsidy_entitlement WHERE id = ?").param(entitlement)
                .query(String.class).optional().orElse(null);
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void noResidentIdReachesTheLog(CapturedOutput output) throws Exception {
        String matched = newId();
        elder(matched, LANTIAN, "NONE");
        String unknown = newId();
        String malformed = newId().substring(0, 17) + "Y";
        read(lifeEvents(district("life-events:write"), List.of(
                event(eventId(), "DEATH", matched, today), event(eventId(), "DEATH", unknown, today),
                event(eventId(), "DEATH", malformed, today))));
        lifeEvents(district("life-events:write"), List.of(Map.of("eventId", eventId(), "type", "DEATH",
                "residentId", unknown, "date", "never"))).andExpect(status().isBadRequest());
        assertThat(output.getAll()).doesNotContain(matched).doesNotContain(unknown).doesNotContain(malformed);
    }

    /**
     * The whole journey as an agency's system makes it, with a real token: the administrator registers the client
     * (its secret shown once), the client gets a bearer token with its id and secret, reports a death, and reads the
     * stopped entitlement back through the read API.
     */
    @Test
    void aRegisteredClientWithARealTokenReportsADeathAndReadsTheStoppedEntitlement() throws Exception {
        String residentId = newId();
        long elder = elder(residentId, LANTIAN, "MINIMUM_LIVING");
        long entitlement = entitlement(elder, policy("MINIMUM_LIVING"));
        LocalDate died = today.minusDays(2);

        String name = "journey-" + UUID.randomUUID().toString().substring(0, 8);
        String page = mvc.perform(post("/admin/api-clients").with(as("admin")).with(csrf())
                        .param("name", name).param("regionCode", "330105000000").param("rateLimitPerMinute", "600")
                        .param("scopes", "life-events:write").param("scopes", "elders:read"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        org.jsoup.nodes.Document registered = org.jsoup.Jsoup.parse(page);
        String token = json.readTree(mvc.perform(post("/api/v1/token")
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("grant_type", "client_credentials")
                        .param("client_id", registered.getElementById("client-id").text())
                        .param("client_secret", registered.getElementById("client-secret").text()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .get("access_token").asString();
        RequestPostProcessor bearer = request -> {
            request.addHeader("Authorization", "Bearer " + token);
            return request;
        };

        JsonNode answer = read(lifeEvents(bearer, List.of(event(eventId(), "DEATH", residentId, died))));
        assertThat(outcomes(answer)).containsExactly("matched");
        mvc.perform(get("/api/v1/elders/{id}/entitlements", elder).with(bearer))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == '" + entitlement + "')].status").value("STOPPED"))
                .andExpect(jsonPath("$[?(@.id == '" + entitlement + "')].endMonth")
                        .value(died.withDayOfMonth(1).toString().substring(0, 7)));
        // the client's calls are audited under its name
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE actor = ? AND action = 'ELDER_DECEASED'")
                .param("api:" + name).query(Long.class).single()).isOne();
    }

    // --- helpers

    private ResultActions lifeEvents(RequestPostProcessor client, Object body) throws Exception {
        return mvc.perform(post("/api/v1/life-events").contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body)).with(client));
    }

    private ResultActions statusChanges(RequestPostProcessor client, Object body) throws Exception {
        return mvc.perform(post("/api/v1/status-changes").contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body)).with(client));
    }

    private JsonNode read(ResultActions result) throws Exception {
        return json.readTree(result.andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    private static List<String> outcomes(JsonNode answer) {
        List<String> outcomes = new ArrayList<>();
        answer.get("results").values().forEach(r -> outcomes.add(r.get("outcome").stringValue()));
        return outcomes;
    }

    private String lastId;

    private String newIdInto() {
        lastId = newId();
        return lastId;
    }

    private static Map<String, Object> event(String eventId, String type, String residentId, LocalDate date) {
        return Map.of("eventId", eventId, "type", type, "residentId", residentId, "date", date.toString());
    }

    private static String eventId() {
        return "test-" + UUID.randomUUID();
    }

    /** A valid resident ID, unique within this test run. */
    private static String newId() {
        int n = SEQUENCE.incrementAndGet();
        String body = ADDRESS + "19%02d%02d%02d".formatted(30 + n / 12_000 % 30, 1 + n / 1000 % 12, 1 + n % 28)
                + "%03d".formatted(n % 1000);
        return body + ResidentId.checkCharacter(body);
    }

    private long elder(String residentId, String community, String economicStatus) {
        return jdbc.sql("""
                        INSERT INTO elder (resident_id, name, sex, birth_date, hukou_local, community_code,
                            living_arrangement, economic_status, created_by, updated_by)
                        VALUES (?, '接口测试', 'FEMALE', ?, TRUE, ?, 'ALONE', ?, 'test', 'test') RETURNING id""")
                .params(residentId, ResidentId.parse(residentId).birthDate(), community, economicStatus)
                .query(Long.class).single();
    }

    private long policy(String economicStatus) {
        String code = "API" + SEQUENCE.incrementAndGet();
        return jdbc.sql("""
                        INSERT INTO subsidy_policy (code, version, name, kind, region_code, effective_from, frequency,
                            back_pay_months, rule, status, published_at, published_by, created_by, updated_by)
                        VALUES (?, 1, ?, 'HARDSHIP_SERVICE', '330105000000', DATE '2020-01-01', 'MONTHLY', 0,
                            CAST(? AS jsonb), 'PUBLISHED', now(), 'test', 'test', 'test') RETURNING id""")
                .params(code, "接口测试补贴" + code, json.writeValueAsString(PolicyRule.fixed(Eligibility.allOf(
                        CriterionGroup.all(Criterion.of(Attribute.ECONOMIC_STATUS, Operator.EQ, economicStatus))),
                        new BigDecimal("200"))))
                .query(Long.class).single();
    }

    private long entitlement(long elder, long policy) {
        String code = jdbc.sql("SELECT code FROM subsidy_policy WHERE id = ?").param(policy).query(String.class).single();
        String community = community(elder);
        LocalDate start = today.withDayOfMonth(1).minusMonths(2);
        long application = jdbc.sql("""
                        INSERT INTO subsidy_application (elder_id, policy_id, policy_code, community_code, stage, source,
                            tier_index, amount, received_on, approved_on, closed_at, created_by, updated_by)
                        VALUES (?, ?, ?, ?, 'APPROVED', 'COMMUNITY', 0, 200, ?, ?, now(), 'test', 'test') RETURNING id""")
                .params(elder, policy, code, community, start.minusMonths(1), start.minusDays(1))
                .query(Long.class).single();
        return jdbc.sql("""
                        INSERT INTO subsidy_entitlement (elder_id, policy_id, policy_code, application_id, community_code,
                            tier_index, amount, frequency, start_month, status, updated_by)
                        VALUES (?, ?, ?, ?, ?, 0, 200, 'MONTHLY', ?, 'ACTIVE', 'test') RETURNING id""")
                .params(elder, policy, code, application, community, start)
                .query(Long.class).single();
    }

    private String community(long elder) {
        return jdbc.sql("SELECT community_code FROM elder WHERE id = ?").param(elder).query(String.class).single();
    }

    private long version(long elder) {
        return jdbc.sql("SELECT version FROM elder WHERE id = ?").param(elder).query(Long.class).single();
    }

    private int auditCount(String action, long elder) {
        return jdbc.sql("SELECT count(*) FROM audit_event WHERE action = ? AND entity = 'elder' AND entity_id = ?")
                .params(action, String.valueOf(elder)).query(Integer.class).single();
    }
}
