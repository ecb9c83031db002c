package org.yinling.subsidy;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yinling.subsidy.rule.Frequency;

/** Rows of {@code subsidy_policy}. Scope checks are the callers' (see {@link PolicyAdministration}). */
@Repository
class PolicyStore {

    static final String COLUMNS = """
            p.id, p.code, p.version, p.name, p.kind, p.region_code, p.effective_from, p.effective_to, p.frequency,
            p.automatic, p.back_pay_months, p.rule, p.status, p.notes, p.demo, p.published_at, p.published_by,
            p.created_at, p.created_by, p.updated_at, p.updated_by, p.lock_version, p.delivery, p.government_share,
            p.budget_carry_over, p.street_review, p.district_review, p.publicity, p.publicity_days""";

    private final JdbcClient jdbc;
    private final PolicyRuleJson ruleJson;

    PolicyStore(JdbcClient jdbc, PolicyRuleJson ruleJson) {
        this.jdbc = jdbc;
        this.ruleJson = ruleJson;
    }

    Optional<Policy> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM subsidy_policy p WHERE p.id = ?")
                .param(id).query(this::map).optional();
    }

    /** Every version of a policy, newest first. */
    List<Policy> versions(String code) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM subsidy_policy p WHERE p.code = ? ORDER BY p.version DESC")
                .param(code).query(this::map).list();
    }

    Optional<Policy> current(String code, PolicyStatus status) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM subsidy_policy p WHERE p.code = ? AND p.status = ?")
                .param(code).param(status.name()).query(this::map).optional();
    }

    /**
     * The latest version of every policy whose region is one of {@code regionCodes} or lies under
     * {@code scopePattern}, by code.
     */
    List<Policy> latestVersions(Collection<String> regionCodes, String scopePattern) {
        return jdbc.sql("""
                        SELECT DISTINCT ON (p.code) %s FROM subsidy_policy p
                        WHERE p.region_code = ANY(?) OR p.region_code LIKE ?
                        ORDER BY p.code, p.version DESC
                        """.formatted(COLUMNS))
                .param(regionCodes.toArray(String[]::new)).param(scopePattern)
                .query(this::map).list();
    }

    /**
     * The published version of every policy whose region is one of {@code regionCodes} or lies under
     * {@code scopePattern}, by code.
     */
    List<Policy> publishedVersions(Collection<String> regionCodes, String scopePattern) {
        return jdbc.sql("""
                        SELECT %s FROM subsidy_policy p
                        WHERE p.status = 'PUBLISHED' AND (p.region_code = ANY(?) OR p.region_code LIKE ?)
                        ORDER BY p.code
                        """.formatted(COLUMNS))
                .param(regionCodes.toArray(String[]::new)).param(scopePattern)
                .query(this::map).list();
    }

    long insert(Policy policy, String actor) {
        return tryInsert(policy, actor).orElseThrow(() -> new IllegalStateException(
                "Policy " + policy.code() + " has that version or a draft already"));
    }

    /** The new draft's id; empty when the code has that version or a draft already (also one committed just now). */
    Optional<Long> tryInsert(Policy policy, String actor) {
        return jdbc.sql("""
                        INSERT INTO subsidy_policy (code, version, name, kind, region_code, effective_from, effective_to,
                            frequency, automatic, back_pay_months, rule, status, notes, demo, created_by, updated_by,
                            delivery, government_share, budget_carry_over, street_review, district_review, publicity,
                            publicity_days)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), 'DRAFT', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT DO NOTHING
                        RETURNING id
                        """)
                .params(policy.code(), policy.version(), policy.name(), policy.kind().name(), policy.regionCode(),
                        policy.effectiveFrom(), policy.effectiveTo(), policy.frequency().name(), policy.automatic(),
                        policy.backPayMonths(), ruleJson.write(policy.rule()), policy.notes(), policy.demo(),
                        actor, actor, policy.delivery().name(), policy.governmentShare(), policy.budgetCarryOver(),
                        policy.chain().streetReview(), policy.chain().districtReview(), policy.chain().publicity(),
                        policy.chain().publicityDays())
                .query(Long.class).optional();
    }

    /** Rewrites a draft; false when it is no longer a draft or someone else changed it since {@code lockVersion}. */
    boolean updateDraft(Policy policy, String actor) {
        return jdbc.sql("""
                        UPDATE subsidy_policy SET name = ?, kind = ?, region_code = ?, effective_from = ?,
                            effective_to = ?, frequency = ?, automatic = ?, back_pay_months = ?,
                            rule = CAST(? AS jsonb), notes = ?, delivery = ?, government_share = ?,
                            budget_carry_over = ?, street_review = ?, district_review = ?, publicity = ?,
                            publicity_days = ?, updated_at = now(), updated_by = ?,
                            lock_version = lock_version + 1
                        WHERE id = ? AND status = 'DRAFT' AND lock_version = ?
                        """)
                .params(policy.name(), policy.kind().name(), policy.regionCode(), policy.effectiveFrom(),
                        policy.effectiveTo(), policy.frequency().name(), policy.automatic(), policy.backPayMonths(),
                        ruleJson.write(policy.rule()), policy.notes(), policy.delivery().name(),
                        policy.governmentShare(), policy.budgetCarryOver(), policy.chain().streetReview(),
                        policy.chain().districtReview(), policy.chain().publicity(), policy.chain().publicityDays(),
                        actor, policy.id(), policy.lockVersion())
                .update() == 1;
    }

    /**
     * Publishes a draft and supersedes the published version of the same code, which then ends the day before the
     * new one starts. False when the draft changed since {@code lockVersion} or is no longer a draft.
     */
    boolean publish(long id, long lockVersion, String actor) {
        Optional<Policy> draft = find(id).filter(policy -> policy.status() == PolicyStatus.DRAFT
                && policy.lockVersion() == lockVersion);
        if (draft.isEmpty()) {
            return false;
        }
        LocalDate newStart = draft.get().effectiveFrom();
        jdbc.sql("""
                        UPDATE subsidy_policy SET status = 'SUPERSEDED',
                            effective_to = GREATEST(effective_from, LEAST(COALESCE(effective_to, ?), ?)),
                            updated_at = now(), updated_by = ?, lock_version = lock_version + 1
                        WHERE code = ? AND status = 'PUBLISHED'
                        """)
                .params(newStart.minusDays(1), newStart.minusDays(1), actor, draft.get().code())
                .update();
        return jdbc.sql("""
                        UPDATE subsidy_policy SET status = 'PUBLISHED', published_at = now(), published_by = ?,
                            updated_at = now(), updated_by = ?, lock_version = lock_version + 1
                        WHERE id = ? AND status = 'DRAFT' AND lock_version = ?
                        """)
                .params(actor, actor, id, lockVersion)
                .update() == 1;
    }

    /** Deletes a draft that was never published (nothing can refer to it yet). */
    boolean deleteDraft(long id, long lockVersion) {
        return jdbc.sql("DELETE FROM subsidy_policy WHERE id = ? AND status = 'DRAFT' AND lock_version = ?")
                .params(id, lockVersion).update() == 1;
    }

    private Policy map(ResultSet rs, int row) throws SQLException {
        return new Policy(rs.getLong("id"), rs.getString("code"), rs.getInt("version"), rs.getString("name"),
                PolicyKind.valueOf(rs.getString("kind")), rs.getString("region_code"),
                rs.getObject("effective_from", LocalDate.class), rs.getObject("effective_to", LocalDate.class),
                Frequency.valueOf(rs.getString("frequency")), rs.getBoolean("automatic"),
                rs.getInt("back_pay_months"), ruleJson.read(rs.getString("rule")),
                PolicyStatus.valueOf(rs.getString("status")), rs.getString("notes"), rs.getBoolean("demo"),
                instant(rs.getTimestamp("published_at")), rs.getString("published_by"),
                instant(rs.getTimestamp("created_at")), rs.getString("created_by"),
                instant(rs.getTimestamp("updated_at")), rs.getString("updated_by"), rs.getLong("lock_version"),
                PolicyDelivery.valueOf(rs.getString("delivery")), rs.getBigDecimal("government_share"),
                rs.getBoolean("budget_carry_over"), new ReviewChain(rs.getBoolean("street_review"),
                rs.getBoolean("district_review"), rs.getBoolean("publicity"),
                (Integer) rs.getObject("publicity_days", Integer.class)));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
