package org.yinling.subsidy;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yinling.elder.ElderTextSearch;
import org.yinling.elder.LifeStatus;
import org.yinling.elder.ResidentId;
import org.yinling.region.RegionScope;
import org.yinling.subsidy.rule.EligibilityFacts;

/**
 * Rows of {@code subsidy_application}, its attachments and its decision log. Every read that a page makes is
 * restricted to a region scope in SQL; every state change is a conditional UPDATE on the stage and lock version.
 */
@Repository
class ApplicationStore {

    static final String COLUMNS = """
            a.id, a.elder_id, a.policy_id, a.policy_code, a.community_code, a.stage, a.source, a.tier_index, a.amount,
            a.received_on, a.payee_bank, a.payee_account, a.notes, a.approved_on, a.publicity_ends, a.created_at,
            a.created_by, a.updated_at, a.updated_by, a.lock_version""";

    private static final String ROW_COLUMNS = """
            a.id, a.elder_id, e.name, e.resident_id, a.community_code, a.policy_code, p.name AS policy_name, a.stage,
            a.source, a.amount, a.received_on, a.publicity_ends, a.created_at, a.lock_version""";

    private final JdbcClient jdbc;

    ApplicationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<ApplicationRecord> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM subsidy_application a WHERE a.id = ?")
                .param(id).query(ApplicationStore::map).optional();
    }

    /** The application if its community lies inside the scope; empty otherwise (a 404 for the caller). */
    Optional<ApplicationRecord> findInScope(long id, RegionScope scope) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM subsidy_application a WHERE a.id = ? AND a.community_code LIKE ?")
                .params(id, scope.likePattern()).query(ApplicationStore::map).optional();
    }

    /** The elder inside the scope, with the facts rules test. */
    Optional<ApplicationElder> elder(long elderId, RegionScope scope) {
        return jdbc.sql("SELECT e.id, e.name, e.resident_id, e.community_code, " + EligibilityFacts.COLUMNS
                        + " FROM elder e WHERE e.id = ? AND e.community_code LIKE ?")
                .params(elderId, scope.likePattern())
                .query((rs, row) -> new ApplicationElder(rs.getLong("id"), rs.getString("name"),
                        ResidentId.mask(rs.getString("resident_id")), rs.getString("community_code"),
                        LifeStatus.valueOf(rs.getString("life_status")), facts(rs)))
                .optional();
    }

    /**
     * Elders of the scope found by the registry's text search (name prefix, whole or 15-digit ID, ID suffix), to pick
     * for a new application (at most 20).
     */
    List<ApplicationElder> findElders(String q, RegionScope scope) {
        Optional<ElderTextSearch> text = ElderTextSearch.of(q);
        if (text.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT e.id, e.name, e.resident_id, e.community_code, " + EligibilityFacts.COLUMNS
                        + " FROM elder e WHERE e.community_code LIKE :scope AND " + text.get().condition("e")
                        + " ORDER BY e.name COLLATE \"C\", e.id LIMIT 20")
                .param("scope", scope.likePattern())
                .params(text.get().params())
                .query((rs, row) -> new ApplicationElder(rs.getLong("id"), rs.getString("name"),
                        ResidentId.mask(rs.getString("resident_id")), rs.getString("community_code"),
                        LifeStatus.valueOf(rs.getString("life_status")), facts(rs)))
                .list();
    }

    /**
     * The new application's id, at the first review of the policy's chain; empty when the elder already has an open
     * one of the code (unique index).
     */
    Optional<Long> insert(ApplicationElder elder, Policy policy, ApplicationSource source, int tierIndex, BigDecimal amount,
                LocalDate receivedOn, ApplicationForm form, String actor) {
        ApplicationStage first = policy.chain().firstReview();
        return jdbc.sql("""
                        INSERT INTO subsidy_application (elder_id, policy_id, policy_code, community_code, stage, source,
                            tier_index, amount, received_on, payee_bank, payee_account, notes, created_by, updated_by)
                        SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?
                        WHERE """ + ReviewChain.sqlIncludes("CAST(? AS bigint)") + """

                        ON CONFLICT DO NOTHING
                        RETURNING id
                        """)
                .params(elder.id(), policy.id(), policy.code(), elder.communityCode(), first.name(), source.name(),
                        tierIndex, amount, receivedOn, ApplicationForm.clean(form.payeeBank()),
                        ApplicationForm.clean(form.payeeAccount()), ApplicationForm.clean(form.notes()), actor, actor,
                        policy.id(), first.name())
                .query(Long.class).optional();
    }

    /**
     * Moves an application from {@code from} to {@code to} if nobody changed it since {@code lockVersion} and its
     * policy's review chain has {@code to}; false otherwise (and nothing changes).
     */
    boolean transition(long id, long lockVersion, ApplicationStage from, ApplicationStage to, Integer tierIndex,
                       BigDecimal amount, LocalDate approvedOn, LocalDate publicityEnds, String actor) {
        boolean closes = !ApplicationStages.OPEN.contains(to);
        return jdbc.sql("""
                        UPDATE subsidy_application SET stage = ?, tier_index = COALESCE(CAST(? AS smallint), tier_index),
                            amount = COALESCE(CAST(? AS numeric), amount),
                            approved_on = COALESCE(CAST(? AS date), approved_on),
                            publicity_ends = CASE WHEN CAST(? AS varchar) = 'PUBLICITY' THEN CAST(? AS date)
                                ELSE publicity_ends END,
                            closed_at = CASE WHEN CAST(? AS boolean) THEN now() ELSE NULL END,
                            updated_at = now(), updated_by = ?, lock_version = lock_version + 1
                        WHERE id = ? AND lock_version = ? AND stage = ? AND """ + ReviewChain.sqlIncludes("policy_id")
                        + "\n")
                .params(to.name(), tierIndex, amount, approvedOn, to.name(), publicityEnds, closes, actor, id,
                        lockVersion, from.name(), to.name())
                .update() == 1;
    }

    /** A returned application corrected by the community and sent back to the first review of its chain. */
    boolean resubmit(long id, long lockVersion, ApplicationStage firstReview, ApplicationForm form, String actor) {
        return jdbc.sql("""
                        UPDATE subsidy_application SET stage = ?, payee_bank = ?, payee_account = ?,
                            notes = ?, updated_at = now(), updated_by = ?, lock_version = lock_version + 1
                        WHERE id = ? AND lock_version = ? AND stage = 'RETURNED' AND """
                        + ReviewChain.sqlIncludes("policy_id") + "\n")
                .params(firstReview.name(), ApplicationForm.clean(form.payeeBank()),
                        ApplicationForm.clean(form.payeeAccount()), ApplicationForm.clean(form.notes()), actor, id,
                        lockVersion, firstReview.name())
                .update() == 1;
    }

    /**
     * The entitlement of an application its final review approved without publicity (a chain without 公示): from the
     * month after the approval, as the publicity conclusion grants it. False when none was written (the elder holds an
     * active entitlement of the code already, or the policy has publicity).
     */
    boolean grant(long applicationId, String actor) {
        return jdbc.sql("""
                        INSERT INTO subsidy_entitlement (elder_id, policy_id, policy_code, application_id,
                            community_code, tier_index, amount, frequency, start_month, status, payee_bank,
                            payee_account, updated_by)
                        SELECT a.elder_id, a.policy_id, a.policy_code, a.id, a.community_code, a.tier_index, a.amount,
                               p.frequency, CAST(date_trunc('month', a.approved_on) + INTERVAL '1 month' AS date),
                               'ACTIVE', a.payee_bank, a.payee_account, ?
                        FROM subsidy_application a JOIN subsidy_policy p ON p.id = a.policy_id
                        WHERE a.id = ? AND a.stage = 'APPROVED' AND NOT p.publicity
                          AND a.tier_index IS NOT NULL AND a.amount IS NOT NULL AND a.approved_on IS NOT NULL
                        ON CONFLICT DO NOTHING
                        """)
                .params(actor, applicationId)
                .update() == 1;
    }

    /** A policy of the filters' drop-down: its code (the filter's value) and the name of its latest version. */
    record PolicyChoice(String code, String name) {
    }

    /**
     * The policies a user's applications can be of: not drafts, made for the user's region, a region above it or one
     * inside it.
     */
    List<PolicyChoice> policyChoices(RegionScope scope) {
        String pattern = scope.likePattern();
        String prefix = pattern.replace("%", "");
        // the user's region and the regions above it: the prefix cut to 9, 6, 4 and 2 digits, padded with zeros
        List<String> above = new ArrayList<>();
        for (int digits : new int[] {12, 9, 6, 4, 2}) {
            if (digits <= prefix.length() || digits == 12) {
                String cut = prefix.substring(0, Math.min(digits, prefix.length()));
                above.add(cut + "0".repeat(12 - cut.length()));
            }
        }
        return jdbc.sql("""
                        SELECT code, name FROM (SELECT DISTINCT ON (code) code, name FROM subsidy_policy
                                                WHERE status <> 'DRAFT'
                                                  AND (region_code LIKE ? OR region_code = ANY(?))
                                                ORDER BY code, version DESC) p
                        ORDER BY name, code LIMIT 500
                        """)
                .params(pattern, above.toArray(String[]::new))
                .query((rs, row) -> new PolicyChoice(rs.getString(1), rs.getString(2))).list();
    }

    /** The first application of a review queue (oldest first, as the queue lists them), or empty. */
    Optional<Long> firstInQueue(ApplicationStage stage, RegionScope scope) {
        return jdbc.sql("SELECT a.id FROM subsidy_application a WHERE a.stage = :stage AND "
                        + scope.condition("a.community_code", "scope") + " ORDER BY a.created_at, a.id LIMIT 1")
                .param("stage", stage.name()).param("scope", scope.sqlValue())
                .query(Long.class).optional();
    }

    /** How many applications wait at a stage inside the scope (served by the queue index). */
    long countAtStage(ApplicationStage stage, RegionScope scope) {
        return jdbc.sql("SELECT count(*) FROM subsidy_application a WHERE a.stage = :stage AND "
                        + scope.condition("a.community_code", "scope"))
                .param("stage", stage.name()).param("scope", scope.sqlValue())
                .query(Long.class).single();
    }

    /** A payee account an elder already has: bank and account of their latest application with both. */
    record KnownPayee(String bank, String account) {
    }

    Optional<KnownPayee> knownPayee(long elderId) {
        return jdbc.sql("""
                        SELECT payee_bank, payee_account FROM subsidy_application
                        WHERE elder_id = ? AND payee_bank IS NOT NULL AND payee_account IS NOT NULL
                        ORDER BY created_at DESC LIMIT 1
                        """)
                .param(elderId).query((rs, row) -> new KnownPayee(rs.getString(1), rs.getString(2))).optional();
    }

    /** Sets the payee of an application that has none yet (the reviewer's inline entry); false when it changed. */
    boolean completePayee(long id, long lockVersion, String bank, String account, String actor) {
        return jdbc.sql("""
                        UPDATE subsidy_application SET payee_bank = ?, payee_account = ?, updated_at = now(),
                            updated_by = ?, lock_version = lock_version + 1
                        WHERE id = ? AND lock_version = ? AND (payee_bank IS NULL OR payee_account IS NULL)
                        """)
                .params(bank, account, actor, id, lockVersion)
                .update() == 1;
    }

    void insertDecision(long applicationId, DecisionAction action, ApplicationStage from, ApplicationStage to,
                        String note, String actor) {
        jdbc.sql("""
                        INSERT INTO subsidy_decision (application_id, action, stage_from, stage_to, note, decided_by)
                        VALUES (?, ?, ?, ?, ?, ?)
                        """)
                .params(applicationId, action.name(), from == null ? null : from.name(), to.name(), note, actor)
                .update();
    }

    List<DecisionRecord> decisions(long applicationId) {
        return jdbc.sql("""
                        SELECT d.id, d.action, d.stage_from, d.stage_to, d.note, d.decided_by, d.decided_at,
                               coalesce((SELECT u.display_name FROM app_user u WHERE u.username = d.decided_by),
                                        d.decided_by) AS decider_name
                        FROM subsidy_decision d
                        WHERE d.application_id = ? ORDER BY d.decided_at, d.id
                        """)
                .param(applicationId)
                .query((rs, row) -> new DecisionRecord(rs.getLong("id"), DecisionAction.valueOf(rs.getString("action")),
                        rs.getString("stage_from") == null ? null : ApplicationStage.valueOf(rs.getString("stage_from")),
                        ApplicationStage.valueOf(rs.getString("stage_to")), rs.getString("note"),
                        rs.getString("decided_by"), instant(rs.getTimestamp("decided_at")), rs.getString("decider_name")))
                .list();
    }

    long insertAttachment(long applicationId, DocumentType type, String number, String fileName, String contentType,
                          byte[] content, String actor) {
        return jdbc.sql("""
                        INSERT INTO subsidy_attachment (application_id, document_type, document_number, file_name,
                            content_type, content, size_bytes, created_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
                        """)
                .params(applicationId, type.name(), number, fileName, contentType, content,
                        content == null ? null : content.length, actor)
                .query(Long.class).single();
    }

    List<AttachmentRecord> attachments(long applicationId) {
        return jdbc.sql("""
                        SELECT id, application_id, document_type, document_number, file_name, content_type, size_bytes,
                               created_at, created_by
                        FROM subsidy_attachment WHERE application_id = ? ORDER BY id
                        """)
                .param(applicationId)
                .query((rs, row) -> new AttachmentRecord(rs.getLong("id"), rs.getLong("application_id"),
                        DocumentType.valueOf(rs.getString("document_type")), rs.getString("document_number"),
                        rs.getString("file_name"), rs.getString("content_type"),
                        (Integer) rs.getObject("size_bytes"), instant(rs.getTimestamp("created_at")),
                        rs.getString("created_by")))
                .list();
    }

    /** The file of an attachment of the application, if it has one. */
    Optional<AttachmentFile> attachmentFile(long applicationId, long attachmentId) {
        return jdbc.sql("""
                        SELECT file_name, content_type, content FROM subsidy_attachment
                        WHERE id = ? AND application_id = ? AND content IS NOT NULL
                        """)
                .params(attachmentId, applicationId)
                .query((rs, row) -> new AttachmentFile(rs.getString("file_name"), rs.getString("content_type"),
                        rs.getBytes("content")))
                .optional();
    }

    record AttachmentFile(String fileName, String contentType, byte[] content) {
    }

    /** Applications of an elder, newest first (for the elder page). */
    List<ApplicationRow> ofElder(long elderId) {
        return jdbc.sql("SELECT " + ROW_COLUMNS + """
                         FROM subsidy_application a JOIN elder e ON e.id = a.elder_id
                        JOIN subsidy_policy p ON p.id = a.policy_id
                        WHERE a.elder_id = ? ORDER BY a.created_at DESC, a.id DESC
                        """)
                .param(elderId).query(ApplicationStore::row).list();
    }

    /** The application list: any stage, filtered, newest first. */
    Page<ApplicationRow> search(ApplicationSearch search, RegionScope scope) {
        return page(search, scope, search.stage(), "a.created_at DESC, a.id DESC");
    }

    /** A review queue: one stage, oldest first. */
    Page<ApplicationRow> queue(ApplicationStage stage, ApplicationSearch search, RegionScope scope) {
        return page(search, scope, stage, "a.created_at, a.id");
    }

    private Page<ApplicationRow> page(ApplicationSearch search, RegionScope userScope, ApplicationStage stage,
                                      String order) {
        PageRequest pageable = PageRequest.of(search.pageNumber(), ApplicationSearch.PAGE_SIZE);
        Optional<RegionScope> narrowed = userScope.narrowedTo(search.street(), search.community());
        if (narrowed.isEmpty()) {
            return new PageImpl<>(List.of(), pageable, 0);
        }
        RegionScope scope = narrowed.get();
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        where.add(scope.condition("a.community_code", "scope"));
        params.put("scope", scope.sqlValue());
        if (stage != null) {
            where.add("a.stage = :stage");
            params.put("stage", stage.name());
        }
        if (search.policy() != null && !search.policy().isBlank()) {
            where.add("a.policy_code = :policy");
            params.put("policy", search.policy().strip());
        }
        if (search.source() != null) {
            where.add("a.source = :source");
            params.put("source", search.source().name());
        }
        ElderTextSearch.of(search.q()).ifPresent(text -> {
            where.add(text.condition("e"));
            params.putAll(text.params());
        });
        String from = " FROM subsidy_application a JOIN elder e ON e.id = a.elder_id"
                + " JOIN subsidy_policy p ON p.id = a.policy_id WHERE " + String.join(" AND ", where);
        long total = jdbc.sql("SELECT count(*)" + from).params(params).query(Long.class).single();
        List<ApplicationRow> rows = jdbc.sql("SELECT " + ROW_COLUMNS + from + " ORDER BY " + order
                        + " LIMIT :limit OFFSET :offset")
                .params(params).param("limit", pageable.getPageSize()).param("offset", pageable.getOffset())
                .query(ApplicationStore::row).list();
        return new PageImpl<>(rows, pageable, total);
    }

    /** Applications (of the ids given, inside the scope) with their elder's facts, for clean-case checks. */
    Map<Long, ApplicationElder> eldersOf(List<Long> applicationIds) {
        Map<Long, ApplicationElder> elders = new HashMap<>();
        if (applicationIds.isEmpty()) {
            return elders;
        }
        jdbc.sql("SELECT a.id AS application_id, e.id, e.name, e.resident_id, e.community_code, "
                        + EligibilityFacts.COLUMNS
                        + " FROM subsidy_application a JOIN elder e ON e.id = a.elder_id WHERE a.id = ANY(?)")
                .param(applicationIds.toArray(Long[]::new))
                .query(rs -> {
                    elders.put(rs.getLong("application_id"), new ApplicationElder(rs.getLong("id"),
                            rs.getString("name"), ResidentId.mask(rs.getString("resident_id")),
                            rs.getString("community_code"), LifeStatus.valueOf(rs.getString("life_status")),
                            facts(rs)));
                });
        return elders;
    }

    /** Whether the elder holds an active entitlement of the policy code. */
    boolean hasActiveEntitlement(long elderId, String policyCode) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM subsidy_entitlement WHERE elder_id = ? AND policy_code = ? "
                        + "AND status = 'ACTIVE')")
                .params(elderId, policyCode).query(Boolean.class).single();
    }

    /** Whether the elder has an open application of the policy code. */
    boolean hasOpenApplication(long elderId, String policyCode) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM subsidy_application WHERE elder_id = ? AND policy_code = ? "
                        + "AND " + ApplicationStages.OPEN_CONDITION + ")")
                .params(elderId, policyCode).query(Boolean.class).single();
    }

    static EligibilityFacts facts(ResultSet rs) throws SQLException {
        return EligibilityFacts.read(rs);
    }

    private static ApplicationRecord map(ResultSet rs, int row) throws SQLException {
        return new ApplicationRecord(rs.getLong("id"), rs.getLong("elder_id"), rs.getLong("policy_id"),
                rs.getString("policy_code"), rs.getString("community_code"),
                ApplicationStage.valueOf(rs.getString("stage")), ApplicationSource.valueOf(rs.getString("source")),
                (Integer) rs.getObject("tier_index", Integer.class), rs.getBigDecimal("amount"),
                rs.getObject("received_on", LocalDate.class), rs.getString("payee_bank"),
                rs.getString("payee_account"), rs.getString("notes"), rs.getObject("approved_on", LocalDate.class),
                rs.getObject("publicity_ends", LocalDate.class), instant(rs.getTimestamp("created_at")),
                rs.getString("created_by"), instant(rs.getTimestamp("updated_at")), rs.getString("updated_by"),
                rs.getLong("lock_version"));
    }

    private static ApplicationRow row(ResultSet rs, int row) throws SQLException {
        return new ApplicationRow(rs.getLong("id"), rs.getLong("elder_id"), rs.getString("name"),
                ResidentId.mask(rs.getString("resident_id")), rs.getString("community_code"),
                rs.getString("policy_code"), rs.getString("policy_name"), ApplicationStage.valueOf(rs.getString("stage")),
                ApplicationSource.valueOf(rs.getString("source")), rs.getBigDecimal("amount"),
                rs.getObject("received_on", LocalDate.class), rs.getObject("publicity_ends", LocalDate.class),
                instant(rs.getTimestamp("created_at")), rs.getLong("lock_version"), false, null);
    }

    static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
