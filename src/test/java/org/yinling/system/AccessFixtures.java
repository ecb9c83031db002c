package org.yinling.system;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.yinling.elder.ResidentId;

/**
 * One set of records in 蓝天 community (330105001001) for the access matrix: an elder, an application with a
 * document, an entitlement under re-check, an institution with a bed, a stay, a caregiver, a waiting-list entry and a
 * construction grant, a meal point, a payment batch with a payee line, a recovery, an elder import, a status import,
 * a draft policy and a throw-away user. Each record is created when first asked for, so a set can be made per
 * request for actions that change or end their record. Names carry a marker that must never show up for users of
 * another street or community.
 */
final class AccessFixtures {

    static final String DISTRICT = "330105000000";
    static final String LANTIAN = "330105001001";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    /** Months far in the past, one per batch, so batches never meet the one-batch-per-month rule of real tests. */
    private static final AtomicInteger BATCH_MONTHS = new AtomicInteger();

    private final JdbcClient jdbc;
    private final Map<String, Long> ids = new HashMap<>();
    final String marker;
    final String elderName;
    String residentId;

    /** Where the institution of this set lies: 蓝天, or another community for the matrix rows "@in:<community>". */
    private final String institutionCommunity;

    AccessFixtures(JdbcClient jdbc) {
        this(jdbc, LANTIAN);
    }

    /**
     * A set whose institution lies in {@code institutionCommunity} while its elders (the resident and the waiting
     * elder) stay in 蓝天: an institution serves elders of many communities. Unless it is 蓝天, the institution's name
     * carries no marker, so that what must stay hidden from the institution's community is only the elders' data.
     */
    AccessFixtures(JdbcClient jdbc, String institutionCommunity) {
        this.institutionCommunity = institutionCommunity;
        this.jdbc = jdbc;
        int n = SEQUENCE.incrementAndGet();
        this.marker = "矩阵" + Integer.toString(n, 36) + UUID.randomUUID().toString().substring(0, 6);
        this.elderName = marker + "老人";
    }

    /**
     * What must not appear in what another region sees: the marker that every name and note of this set carries
     * (elders, institution, meal point, caregiver, policy, user, file names) and the elder's resident ID.
     */
    List<String> secrets() {
        elder();
        return List.of(marker, residentId);
    }

    /** The table of each kind of record, for {@link #state()}. */
    private static final Map<String, String> TABLES = Map.ofEntries(
            Map.entry("elder", "elder"), Map.entry("otherElder", "elder"), Map.entry("draftPolicy", "subsidy_policy"),
            Map.entry("application", "subsidy_application"), Map.entry("returnedApplication", "subsidy_application"),
            Map.entry("publicityApplication", "subsidy_application"),
            Map.entry("attachment", "subsidy_attachment"), Map.entry("entitlement", "subsidy_entitlement"),
            Map.entry("institution", "institution"), Map.entry("bed", "bed"), Map.entry("freeBed", "bed"),
            Map.entry("stay", "stay"), Map.entry("caregiver", "caregiver"), Map.entry("waiting", "waiting_application"),
            Map.entry("grant", "construction_grant"), Map.entry("mealPoint", "meal_point"),
            Map.entry("batch", "payment_batch"), Map.entry("approvedBatch", "payment_batch"),
            Map.entry("payeeLine", "payment_payee_line"), Map.entry("paymentLine", "payment_line"),
            Map.entry("recovery", "payment_recovery"), Map.entry("elderImport", "elder_import"),
            Map.entry("statusImport", "status_import"), Map.entry("user", "app_user"),
            Map.entry("homeCareProvider", "home_care_provider"), Map.entry("homeCareItem", "home_care_item"),
            Map.entry("homeCareOrder", "home_care_order"), Map.entry("homeCarePlan", "home_care_plan"),
            Map.entry("visitRoster", "visit_roster"), Map.entry("visit", "visit"), Map.entry("visitAlert", "visit_alert"),
            Map.entry("supervisionInspection", "supervision_inspection"), Map.entry("supervisionFinding", "supervision_finding"),
            Map.entry("supervisionIncident", "supervision_incident"), Map.entry("supervisionRating", "supervision_rating"),
            Map.entry("supervisionCertificate", "supervision_certificate"));

    /**
     * Every record of this set as it is stored now (each row as JSON), plus the meals, stays and applications that
     * name its elder, so that a request can be shown to have changed nothing.
     */
    String state() {
        StringBuilder state = new StringBuilder();
        ids.forEach((key, id) -> {
            String table = TABLES.getOrDefault(key, key.startsWith("elder:") ? "elder" : null);
            if (table != null) {
                state.append(key).append('=').append(jdbc.sql("SELECT row_to_json(t)::text FROM " + table
                        + " t WHERE id = ?").param(id).query(String.class).optional().orElse("gone")).append('\n');
            }
        });
        if (ids.containsKey("elder")) {
            state.append(jdbc.sql("""
                    SELECT (SELECT count(*) FROM meal WHERE elder_id = ?) || '/' ||
                           (SELECT count(*) FROM stay WHERE elder_id = ?) || '/' ||
                           (SELECT count(*) FROM subsidy_application WHERE elder_id = ?) || '/' ||
                           (SELECT count(*) FROM waiting_application WHERE elder_id = ?) || '/' ||
                           (SELECT count(*) FROM assessment WHERE elder_id = ?)
                    """).params(elder(), elder(), elder(), elder(), elder()).query(String.class).single());
        }
        return state.toString();
    }

    private long once(String key, Supplier<Long> create) {
        Long id = ids.get(key);
        if (id == null) {
            id = create.get();
            ids.put(key, id);
        }
        return id;
    }

    long elder() {
        return once("elder", () -> {
            long[] holder = new long[1];
            residentId = newElder(elderName, holder);
            return holder[0];
        });
    }

    /** A second elder of the same community, for stays and waiting-list entries. */
    long otherElder() {
        return once("otherElder", () -> {
            long[] holder = new long[1];
            newElder(marker + "住养", holder);
            return holder[0];
        });
    }

    private String newElder(String name, long[] id) {
        while (true) {
            int sequence = java.util.concurrent.ThreadLocalRandom.current().nextInt(1, 999);
            // the birth date drawn apart from the sequence: 998 IDs in all ran out once the table passed ~85 actions
            int day = java.util.concurrent.ThreadLocalRandom.current().nextInt(20 * 12 * 28);
            LocalDate birth = LocalDate.of(1925 + day / (12 * 28), 1 + day / 28 % 12, 1 + day % 28);
            String body = "110105" + birth.toString().replace("-", "") + String.format("%03d", sequence);
            String candidate = body + ResidentId.checkCharacter(body);
            List<Long> inserted = jdbc.sql("""
                            INSERT INTO elder (resident_id, name, sex, birth_date, hukou_local, community_code,
                                living_arrangement, economic_status, created_by, updated_by)
                            VALUES (?, ?, 'FEMALE', ?, TRUE, ?, 'ALONE', 'NONE', 'matrix', 'matrix')
                            ON CONFLICT DO NOTHING RETURNING id
                            """)
                    .params(candidate, name, birth, LANTIAN).query(Long.class).list();
            if (!inserted.isEmpty()) {
                id[0] = inserted.get(0);
                return candidate;
            }
        }
    }

    /** A throw-away indicator target of 蓝天 community, so that ending it changes no other test's targets. */
    long target() {
        return jdbc.sql("""
                        INSERT INTO indicator_target (indicator, region_code, target, effective_from, created_by)
                        VALUES ('OCCUPANCY', ?, 0.5, CURRENT_DATE - 1 - (SELECT count(*) FROM indicator_target)::int, 'test')
                        RETURNING id
                        """).param(LANTIAN).query(Long.class).single();
    }

    long publishedPolicy() {
        return once("publishedPolicy", () -> jdbc.sql("""
                SELECT id FROM subsidy_policy WHERE status = 'PUBLISHED' AND region_code = ? ORDER BY id LIMIT 1
                """).param(DISTRICT).query(Long.class).single());
    }

    long draftPolicy() {
        return once("draftPolicy", () -> jdbc.sql("""
                        INSERT INTO subsidy_policy (code, version, name, kind, region_code, effective_from, frequency,
                            back_pay_months, rule, status, created_by, updated_by)
                        SELECT ?, 1, ?, kind, region_code, effective_from, frequency, back_pay_months, rule, 'DRAFT',
                            'matrix', 'matrix'
                        FROM subsidy_policy WHERE id = ? RETURNING id
                        """)
                .params(("MX" + Integer.toString(SEQUENCE.incrementAndGet(), 36) + "-" + System.nanoTime() % 100000).toUpperCase(),
                        marker + "政策", publishedPolicy())
                .query(Long.class).single());
    }

    private String policyCode(long policy) {
        return jdbc.sql("SELECT code FROM subsidy_policy WHERE id = ?").param(policy).query(String.class).single();
    }

    /** An application waiting for street review. */
    long application() {
        return application("application", "STREET_REVIEW");
    }

    /** The elder's application for the other demo policy, in publicity until next week. */
    long publicityApplication() {
        return once("publicityApplication", () -> {
            long policy = jdbc.sql("""
                    SELECT id FROM subsidy_policy WHERE status = 'PUBLISHED' AND region_code = ? AND id <> ?
                    ORDER BY id LIMIT 1
                    """).params(DISTRICT, publishedPolicy()).query(Long.class).single();
            return jdbc.sql("""
                            INSERT INTO subsidy_application (elder_id, policy_id, policy_code, community_code, stage,
                                source, tier_index, amount, received_on, publicity_ends, created_by, updated_by)
                            VALUES (?, ?, ?, ?, 'PUBLICITY', 'COMMUNITY', 0, 100, CURRENT_DATE - 10, CURRENT_DATE + 5,
                                'community', 'community') RETURNING id
                            """)
                    .params(elder(), policy, policyCode(policy), LANTIAN).query(Long.class).single();
        });
    }

    /** An application returned to the community for correction. */
    long returnedApplication() {
        return application("returnedApplication", "RETURNED");
    }

    private long application(String key, String stage) {
        return once(key, () -> jdbc.sql("""
                        INSERT INTO subsidy_application (elder_id, policy_id, policy_code, community_code, stage, source,
                            tier_index, amount, received_on, notes, created_by, updated_by)
                        VALUES (?, ?, ?, ?, ?, 'COMMUNITY', 0, 100, CURRENT_DATE, ?, 'community', 'community')
                        RETURNING id
                        """)
                .params(key.equals("application") ? elder() : extraElder(key), publishedPolicy(),
                        policyCode(publishedPolicy()), LANTIAN, stage, marker + "备注")
                .query(Long.class).single());
    }

    long attachment() {
        return once("attachment", () -> jdbc.sql("""
                        INSERT INTO subsidy_attachment (application_id, document_type, document_number, file_name,
                            content_type, content, size_bytes, created_by)
                        VALUES (?, 'ID_CARD', ?, 'id.pdf', 'application/pdf', ?, 9, 'community') RETURNING id
                        """)
                .params(application(), marker + "号", "%PDF-1.4\n".getBytes()).query(Long.class).single());
    }

    /** An active entitlement under re-check (its application approved). */
    long entitlement() {
        return once("entitlement", () -> {
            long application = jdbc.sql("""
                            INSERT INTO subsidy_application (elder_id, policy_id, policy_code, community_code, stage,
                                source, tier_index, amount, received_on, approved_on, closed_at, created_by, updated_by)
                            VALUES (?, ?, ?, ?, 'APPROVED', 'COMMUNITY', 0, 100, CURRENT_DATE - 40, CURRENT_DATE - 35,
                                now(), 'matrix', 'matrix') RETURNING id
                            """)
                    .params(otherElderForEntitlement(), publishedPolicy(), policyCode(publishedPolicy()), LANTIAN)
                    .query(Long.class).single();
            return jdbc.sql("""
                            INSERT INTO subsidy_entitlement (elder_id, policy_id, policy_code, application_id,
                                community_code, tier_index, amount, frequency, start_month, status, payee_bank,
                                payee_account, recheck_reason, recheck_since, updated_by)
                            VALUES (?, ?, ?, ?, ?, 0, 100, 'MONTHLY', date_trunc('month', CURRENT_DATE)::date, 'ACTIVE',
                                '测试银行', '6222000011112222', 'matrix', now(), 'matrix') RETURNING id
                            """)
                    .params(otherElderForEntitlement(), publishedPolicy(), policyCode(publishedPolicy()), application,
                            LANTIAN)
                    .query(Long.class).single();
        });
    }

    private long otherElderForEntitlement() {
        return extraElder("entitled");
    }

    /** A further elder of the community, one per purpose. */
    private long extraElder(String purpose) {
        return once("elder:" + purpose, () -> {
            long[] holder = new long[1];
            newElder(marker + purpose.substring(0, Math.min(purpose.length(), 8)), holder);
            return holder[0];
        });
    }

    long institution() {
        return once("institution", () -> jdbc.sql("""
                        INSERT INTO institution (name, kind, ownership, community_code, address, created_by, updated_by)
                        VALUES (?, 'PUBLIC_HOME', 'PUBLIC', ?, '测试路 1 号', 'matrix', 'matrix') RETURNING id
                        """)
                .params(institutionCommunity.equals(LANTIAN) ? marker + "养老院" : "矩阵外院" + SEQUENCE.incrementAndGet(),
                        institutionCommunity).query(Long.class).single());
    }

    long bed() {
        return once("bed", () -> jdbc.sql("""
                        INSERT INTO bed (institution_id, room, label) VALUES (?, '101', ?) RETURNING id
                        """)
                .params(institution(), "B" + SEQUENCE.incrementAndGet()).query(Long.class).single());
    }

    private long freeBed() {
        return once("freeBed", () -> jdbc.sql("""
                        INSERT INTO bed (institution_id, room, label) VALUES (?, '102', ?) RETURNING id
                        """)
                .params(institution(), "F" + SEQUENCE.incrementAndGet()).query(Long.class).single());
    }

    long stay() {
        return once("stay", () -> jdbc.sql("""
                        INSERT INTO stay (elder_id, institution_id, bed_id, admitted_on, payer, extreme_poverty, created_by)
                        VALUES (?, ?, ?, CURRENT_DATE - 30, 'SELF', FALSE, 'matrix') RETURNING id
                        """)
                .params(otherElder(), institution(), bed()).query(Long.class).single());
    }

    long freeBedId() {
        return freeBed();
    }

    long caregiver() {
        return once("caregiver", () -> jdbc.sql("""
                        INSERT INTO caregiver (institution_id, name, created_by, updated_by)
                        VALUES (?, ?, 'matrix', 'matrix') RETURNING id
                        """)
                .params(institution(), marker + "护理员").query(Long.class).single());
    }

    long waitingEntry() {
        return once("waiting", () -> jdbc.sql("""
                        INSERT INTO waiting_application (elder_id, institution_id, applied_on, created_by)
                        VALUES (?, ?, CURRENT_DATE - 3, 'matrix') RETURNING id
                        """)
                .params(elder(), institution()).query(Long.class).single());
    }

    long grant() {
        return once("grant", () -> jdbc.sql("""
                        INSERT INTO construction_grant (institution_id, community_code, new_beds, tier, rate, amount,
                            stage, created_by, updated_by)
                        VALUES (?, ?, 10, 'SMALL', 1000, 10000, 'STREET_REVIEW', 'matrix', 'matrix') RETURNING id
                        """)
                .params(institution(), LANTIAN).query(Long.class).single());
    }

    long mealPoint() {
        return once("mealPoint", () -> jdbc.sql("""
                        INSERT INTO meal_point (name, kind, community_code, serves_lunch, created_by, updated_by)
                        VALUES (?, 'MEAL_POINT', ?, TRUE, 'matrix', 'matrix') RETURNING id
                        """)
                .params(marker + "食堂", LANTIAN).query(Long.class).single());
    }

    /** The demo provider 蓝天居家养老服务中心, whose manager and worker are the matrix's PROVIDER_MANAGER and CARE_WORKER. */
    long homeCareProvider() {
        return once("homeCareProvider", () -> jdbc.sql(
                        "SELECT id FROM home_care_provider WHERE credit_code = '52330105MJ1234567X'")
                .query(Long.class).single());
    }

    /** A catalogue item of this set, priced for the district since 2020. */
    long homeCareItem() {
        return once("homeCareItem", () -> {
            long id = jdbc.sql("""
                            INSERT INTO home_care_item (code, name, category, unit, standard_minutes, updated_by)
                            VALUES (?, ?, 'CLEANING', 'VISIT', 60, 'matrix') RETURNING id
                            """)
                    .params(("HC" + Integer.toString(SEQUENCE.incrementAndGet(), 36) + "-" + System.nanoTime() % 100000).toUpperCase(),
                            marker + "助洁")
                    .query(Long.class).single();
            jdbc.sql("""
                    INSERT INTO home_care_price (item_id, region_code, effective_from, unit_price, created_by)
                    VALUES (?, ?, DATE '2020-01-01', 50, 'matrix')
                    """).params(id, DISTRICT).update();
            return id;
        });
    }

    /** A plan of this set's elder with the demo provider, from this month, one cleaning visit a week. */
    long homeCarePlan() {
        return once("homeCarePlan", () -> {
            long id = jdbc.sql("""
                            INSERT INTO home_care_plan (elder_id, community_code, provider_id, valid_from, notes,
                                                        created_by, updated_by)
                            VALUES (?, ?, ?, date_trunc('month', now() AT TIME ZONE 'Asia/Shanghai')::date, ?,
                                    'matrix', 'matrix')
                            RETURNING id
                            """)
                    .params(elder(), LANTIAN, homeCareProvider(), marker + "计划").query(Long.class).single();
            jdbc.sql("INSERT INTO home_care_plan_item (plan_id, item_id, times_per_month) VALUES (?, ?, 4)")
                    .params(id, homeCareItem()).update();
            return id;
        });
    }

    /** An order of this set's elder, sent to the demo provider and accepted by its worker, due today at 10:00. */
    long homeCareOrder() {
        return once("homeCareOrder", () -> jdbc.sql("""
                        INSERT INTO home_care_order (elder_id, community_code, month, item_id, provider_id, worker_id,
                                                     scheduled_at, state, unit_price, quantity, amount, government_share,
                                                     ad_hoc, service_notes, created_by)
                        SELECT ?, ?, date_trunc('month', now() AT TIME ZONE 'Asia/Shanghai')::date, ?, ?, u.id,
                               (date_trunc('day', now() AT TIME ZONE 'Asia/Shanghai') + INTERVAL '10 hours')
                                   AT TIME ZONE 'Asia/Shanghai',
                               'ACCEPTED', 50, 1, 50, 1.00, TRUE, ?, 'matrix'
                        FROM app_user u WHERE u.username = 'worker'
                        RETURNING id
                        """)
                .params(elder(), LANTIAN, homeCareItem(), homeCareProvider(), marker + "上门")
                .query(Long.class).single());
    }

    /** A generated batch of the district, in a month of its own long ago, with one payee line. */
    long batch() {
        return once("batch", () -> {
            LocalDate month = LocalDate.of(1980, 1, 1).plusMonths(BATCH_MONTHS.getAndIncrement());
            return jdbc.sql("""
                            INSERT INTO payment_batch (region_code, month, state, generated_at, generated_by)
                            VALUES (?, ?, 'GENERATED', now(), 'matrix') RETURNING id
                            """)
                    .params(DISTRICT, month).query(Long.class).single();
        });
    }

    /** An approved batch, ready for the bank list. */
    long approvedBatch() {
        return once("approvedBatch", () -> {
            LocalDate month = LocalDate.of(1980, 1, 1).plusMonths(BATCH_MONTHS.getAndIncrement());
            return jdbc.sql("""
                            INSERT INTO payment_batch (region_code, month, state, generated_at, generated_by,
                                approved_at, approved_by)
                            VALUES (?, ?, 'APPROVED', now(), 'matrix', now(), 'matrix2') RETURNING id
                            """)
                    .params(DISTRICT, month).query(Long.class).single();
        });
    }

    long payeeLine() {
        return once("payeeLine", () -> jdbc.sql("""
                        INSERT INTO payment_payee_line (batch_id, institution_id, kind, month, payee_name, community_code,
                            amount, reference)
                        SELECT ?, ?, 'OPERATING', month, ?, ?, 100, ? FROM payment_batch WHERE id = ? RETURNING id
                        """)
                .params(batch(), institution(), marker + "养老院", LANTIAN, "MXP" + UUID.randomUUID().toString()
                        .substring(0, 20), batch())
                .query(Long.class).single());
    }

    private long paymentLine() {
        return once("paymentLine", () -> jdbc.sql("""
                        INSERT INTO payment_line (batch_id, entitlement_id, elder_id, policy_id, policy_code, month, kind,
                            elder_name, resident_id, community_code, policy_version, tier_index, amount, reference)
                        SELECT ?, e.id, e.elder_id, e.policy_id, e.policy_code, b.month, 'REGULAR', ?, ?, ?, 1, 0, 100, ?
                        FROM subsidy_entitlement e, payment_batch b WHERE e.id = ? AND b.id = ?
                        RETURNING id
                        """)
                .params(batch(), elderName, residentIdOf(otherElderForEntitlement()), LANTIAN,
                        "MXL" + UUID.randomUUID().toString().substring(0, 20), entitlement(), batch())
                .query(Long.class).single());
    }

    private String residentIdOf(long elder) {
        return jdbc.sql("SELECT resident_id FROM elder WHERE id = ?").param(elder).query(String.class).single();
    }

    long recovery() {
        return once("recovery", () -> jdbc.sql("""
                        INSERT INTO payment_recovery (line_id, elder_id, community_code, amount, reason, status_date)
                        VALUES (?, ?, ?, 100, 'DECEASED', CURRENT_DATE - 10) RETURNING id
                        """)
                .params(paymentLine(), otherElderForEntitlement(), LANTIAN).query(Long.class).single());
    }

    /** An elder import of the community clerk, validated and waiting for confirmation. */
    long elderImport() {
        return once("elderImport", () -> jdbc.sql("""
                        INSERT INTO elder_import (file_name, mode, state, scope_prefix, created_by)
                        VALUES (?, 'SKIP', 'VALIDATED', ?, 'community') RETURNING id
                        """)
                .params(marker + ".xlsx", LANTIAN).query(Long.class).single());
    }

    long statusImport() {
        return once("statusImport", () -> jdbc.sql("""
                        INSERT INTO status_import (kind, file_name, created_by, scope_prefix)
                        VALUES ('DEATH', ?, 'community', ?) RETURNING id
                        """)
                .params(marker + ".xlsx", LANTIAN).query(Long.class).single());
    }

    /** A user to edit, disable and unlock. */
    long user() {
        return once("user", () -> jdbc.sql("""
                        INSERT INTO app_user (username, display_name, password_hash, role, region_code)
                        VALUES (?, ?, '{noop}x', 'COMMUNITY_CLERK', ?) RETURNING id
                        """)
                .params("mx" + UUID.randomUUID().toString().substring(0, 12), marker + "用户", LANTIAN)
                .query(Long.class).single());
    }

    // visits: the elder on 蓝天's visit roster, bound to the demo visitor, with a visit and its urgent finding's alert

    /** The elder, on the visit roster (a default rule) and bound to the demo visitor {@code visitor}. */
    long visitElder() {
        once("visitRoster", () -> {
            long roster = jdbc.sql("""
                            INSERT INTO visit_roster (elder_id, community_code, rule_id, rule_tier, rostered_on)
                            SELECT ?, ?, min(id), 'MEDIUM', current_date - 30 FROM visit_roster_rule RETURNING id
                            """)
                    .params(elder(), LANTIAN).query(Long.class).single();
            jdbc.sql("""
                            INSERT INTO visit_binding (elder_id, visitor_id, bound_by)
                            SELECT ?, id, 'matrix' FROM app_user WHERE username = 'visitor'
                            """)
                    .params(elder()).update();
            return roster;
        });
        return elder();
    }

    long visit() {
        return once("visit", () -> jdbc.sql("""
                        INSERT INTO visit (elder_id, roster_id, community_code, visitor_id, visited_on, visited_at, mode,
                                           reached, health, health_note, home_safety, money, family, services,
                                           submission_key, created_by)
                        SELECT ?, ?, ?, u.id, current_date - 1, now() - interval '1 day', 'HOME', TRUE, 'URGENT', ?,
                               'CONCERN', 'FINE', 'FINE', 'FINE', gen_random_uuid(), 'matrix'
                        FROM app_user u WHERE u.username = 'visitor'
                        RETURNING id
                        """)
                .params(visitElder(), ids.get("visitRoster"), LANTIAN, marker + "探访发现")
                .query(Long.class).single());
    }

    long visitAlert() {
        return once("visitAlert", () -> jdbc.sql("""
                        INSERT INTO visit_alert (visit_id, elder_id, community_code, area, raised_at)
                        VALUES (?, ?, ?, 'HEALTH', now()) RETURNING id
                        """)
                .params(visit(), elder(), LANTIAN).query(Long.class).single());
    }

    long visitRosterRule() {
        return jdbc.sql("SELECT min(id) FROM visit_roster_rule").query(Long.class).single();
    }

    long visitTierRule() {
        return jdbc.sql("SELECT min(id) FROM visit_tier_rule").query(Long.class).single();
    }

    /** An open inspection of the fixture institution (module supervision). */
    long supervisionInspection() {
        return once("supervisionInspection", () -> jdbc.sql("""
                        INSERT INTO supervision_inspection (institution_id, checklist_id, inspected_on, created_by)
                        VALUES (?, (SELECT min(id) FROM supervision_checklist), DATE '2020-06-01', 'matrix') RETURNING id
                        """)
                .param(institution()).query(Long.class).single());
    }

    /** An open finding of a submitted inspection of the fixture institution (module supervision). */
    long supervisionFinding() {
        return once("supervisionFinding", () -> {
            long inspection = jdbc.sql("""
                            INSERT INTO supervision_inspection (institution_id, checklist_id, inspected_on, status,
                                inspector_name, representative_name, submitted_at, created_by)
                            VALUES (?, (SELECT min(id) FROM supervision_checklist), DATE '2020-06-02', 'SUBMITTED',
                                    'matrix', 'matrix', now(), 'matrix') RETURNING id
                            """).param(institution()).query(Long.class).single();
            return jdbc.sql("""
                            INSERT INTO supervision_finding (inspection_id, item_id, institution_id, severity, found_at, deadline)
                            SELECT ?, min(id), ?, 'RED', now(), now() + interval '1 day' FROM supervision_checklist_item
                            RETURNING id
                            """).params(inspection, institution()).query(Long.class).single();
        });
    }

    /** An incident in the fixture institution, not reviewed (module supervision). */
    long supervisionIncident() {
        return once("supervisionIncident", () -> jdbc.sql("""
                        INSERT INTO supervision_incident (institution_id, kind, occurred_at, residents, outcome, reported_by)
                        VALUES (?, 'FALL', now() - interval '1 day', ?, 'matrix', 'matrix') RETURNING id
                        """)
                .params(institution(), marker + "老人").query(Long.class).single());
    }

    /** An evidence photo of the fixture finding, its file name with the marker (institution manager's part). */
    long supervisionAttachment() {
        return once("supervisionAttachment", () -> jdbc.sql("""
                        INSERT INTO supervision_attachment (finding_id, file_name, content_type, size_bytes, content,
                            uploaded_by, uploaded_at)
                        VALUES (?, ?, 'image/png', 8, '\\x89504e470d0a1a0a'::bytea, 'matrix', now()) RETURNING id
                        """)
                .params(supervisionFinding(), marker + ".png").query(Long.class).single());
    }

    /** A current certificate of the fixture institution (module supervision: its scan route). */
    long supervisionCertificate() {
        return once("supervisionCertificate", () -> jdbc.sql("""
                        INSERT INTO supervision_certificate (institution_id, kind, number, issued_on, expires_on, recorded_by)
                        VALUES (?, 'FOOD_LICENCE', ?, DATE '2020-01-01', DATE '2099-12-31', 'matrix') RETURNING id
                        """)
                .params(institution(), marker).query(Long.class).single());
    }

    /** An application for a star rating of the fixture institution, not yet decided (module supervision). */
    long supervisionRating() {
        return once("supervisionRating", () -> jdbc.sql("""
                        INSERT INTO supervision_rating (institution_id, scheme_id, applied_grade, applied_on, applied_by)
                        VALUES (?, (SELECT min(id) FROM supervision_rating_scheme), 2, DATE '2020-06-01', 'matrix') RETURNING id
                        """)
                .param(institution()).query(Long.class).single());
    }

    /** An API client to open, edit, rotate and revoke (issue 22). */
    long apiClient() {
        return once("apiClient", () -> jdbc.sql("""
                        INSERT INTO api_client (name, region_code, scopes, rate_limit_per_minute, secret_hash, created_at,
                                                created_by)
                        VALUES (?, ?, '{elders:read}', 600, '{noop}x', now(), 'matrix') RETURNING id
                        """)
                .params(marker + "客户端", LANTIAN).query(Long.class).single());
    }
}
