package org.yinling.visit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;
import org.yinling.region.RegionLevel;
import org.yinling.subsidy.rule.Eligibility;

/**
 * Roster rules, tier rules and frequencies. A user sees the system defaults and the rules of their own district
 * (those that may apply to elders of their region).
 */
@Repository
class VisitRuleStore {

    private static final String RULE_COLUMNS = """
            r.id, r.region_code, g.name AS region_name, r.name, r.criteria::text AS criteria, r.effective_from,
            r.effective_to, r.lock_version""";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    VisitRuleStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The LIKE prefix of the communities under a region code: '' for none (every region). */
    static String prefixOf(String regionCode) {
        if (regionCode == null) {
            return "";
        }
        if (regionCode.endsWith("000000")) {
            return regionCode.substring(0, RegionLevel.DISTRICT.significantDigits());
        }
        if (regionCode.endsWith("000")) {
            return regionCode.substring(0, RegionLevel.STREET.significantDigits());
        }
        return regionCode;
    }

    String write(Eligibility criteria) {
        return json.writeValueAsString(criteria);
    }

    Eligibility read(String text) {
        return json.readValue(text, Eligibility.class);
    }

    /** Roster rules the user sees: defaults and those of the district of {@code district6} ('' = all). */
    List<VisitRule> rosterRules(String district6) {
        return jdbc.sql("SELECT " + RULE_COLUMNS + ", r.home_only, NULL AS tier FROM visit_roster_rule r"
                        + " LEFT JOIN region g ON g.code = r.region_code"
                        + " WHERE r.region_code IS NULL OR r.region_code LIKE :district"
                        + " ORDER BY r.region_code NULLS FIRST, r.effective_from, r.id")
                .param("district", district6 + "%").query(this::rule).list();
    }

    List<VisitRule> tierRules(String district6) {
        return jdbc.sql("SELECT " + RULE_COLUMNS + ", FALSE AS home_only, r.tier FROM visit_tier_rule r"
                        + " LEFT JOIN region g ON g.code = r.region_code"
                        + " WHERE r.region_code IS NULL OR r.region_code LIKE :district"
                        + " ORDER BY r.tier, r.region_code NULLS FIRST, r.effective_from, r.id")
                .param("district", district6 + "%").query(this::rule).list();
    }

    Optional<VisitRule> rosterRule(long id, String district6) {
        return rosterRules(district6).stream().filter(rule -> rule.id() == id).findFirst();
    }

    Optional<VisitRule> tierRule(long id, String district6) {
        return tierRules(district6).stream().filter(rule -> rule.id() == id).findFirst();
    }

    /** Every roster rule in force on the day, of every region. */
    List<VisitRule> rosterRulesInForce(LocalDate day) {
        return jdbc.sql("SELECT " + RULE_COLUMNS + ", r.home_only, NULL AS tier FROM visit_roster_rule r"
                        + " LEFT JOIN region g ON g.code = r.region_code"
                        + " WHERE r.effective_from <= :day AND (r.effective_to IS NULL OR r.effective_to >= :day)"
                        + " ORDER BY r.id")
                .param("day", day).query(this::rule).list();
    }

    List<VisitRule> tierRulesInForce(LocalDate day) {
        return jdbc.sql("SELECT " + RULE_COLUMNS + ", FALSE AS home_only, r.tier FROM visit_tier_rule r"
                        + " LEFT JOIN region g ON g.code = r.region_code"
                        + " WHERE r.effective_from <= :day AND (r.effective_to IS NULL OR r.effective_to >= :day)"
                        + " ORDER BY r.id")
                .param("day", day).query(this::rule).list();
    }

    long insertRosterRule(VisitRuleForm form, Eligibility criteria, String actor) {
        return jdbc.sql("""
                        INSERT INTO visit_roster_rule (region_code, name, criteria, home_only, effective_from, effective_to,
                                                       created_by, updated_by)
                        VALUES (:region, :name, CAST(:criteria AS jsonb), :homeOnly, :from, :to, :actor, :actor)
                        RETURNING id
                        """)
                .param("region", blankToNull(form.regionCode())).param("name", form.name().strip())
                .param("criteria", write(criteria)).param("homeOnly", form.homeOnlyOrFalse())
                .param("from", form.effectiveFrom()).param("to", form.effectiveTo()).param("actor", actor)
                .query(Long.class).single();
    }

    /** @return false when the rule changed since the form was shown */
    boolean updateRosterRule(long id, VisitRuleForm form, Eligibility criteria, String actor) {
        return jdbc.sql("""
                        UPDATE visit_roster_rule SET region_code = :region, name = :name, criteria = CAST(:criteria AS jsonb),
                               home_only = :homeOnly, effective_from = :from, effective_to = :to, updated_at = now(),
                               updated_by = :actor, lock_version = lock_version + 1
                        WHERE id = :id AND lock_version = :lockVersion
                        """)
                .param("region", blankToNull(form.regionCode())).param("name", form.name().strip())
                .param("criteria", write(criteria)).param("homeOnly", form.homeOnlyOrFalse())
                .param("from", form.effectiveFrom()).param("to", form.effectiveTo()).param("actor", actor)
                .param("id", id).param("lockVersion", form.lockVersion() == null ? -1 : form.lockVersion())
                .update() == 1;
    }

    long insertTierRule(VisitRuleForm form, Eligibility criteria, String actor) {
        return jdbc.sql("""
                        INSERT INTO visit_tier_rule (region_code, tier, name, criteria, effective_from, effective_to,
                                                     created_by, updated_by)
                        VALUES (:region, :tier, :name, CAST(:criteria AS jsonb), :from, :to, :actor, :actor)
                        RETURNING id
                        """)
                .param("region", blankToNull(form.regionCode())).param("tier", form.tier().name())
                .param("name", form.name().strip()).param("criteria", write(criteria))
                .param("from", form.effectiveFrom()).param("to", form.effectiveTo()).param("actor", actor)
                .query(Long.class).single();
    }

    boolean updateTierRule(long id, VisitRuleForm form, Eligibility criteria, String actor) {
        return jdbc.sql("""
                        UPDATE visit_tier_rule SET region_code = :region, tier = :tier, name = :name,
                               criteria = CAST(:criteria AS jsonb), effective_from = :from, effective_to = :to,
                               updated_at = now(), updated_by = :actor, lock_version = lock_version + 1
                        WHERE id = :id AND lock_version = :lockVersion
                        """)
                .param("region", blankToNull(form.regionCode())).param("tier", form.tier().name())
                .param("name", form.name().strip()).param("criteria", write(criteria))
                .param("from", form.effectiveFrom()).param("to", form.effectiveTo()).param("actor", actor)
                .param("id", id).param("lockVersion", form.lockVersion() == null ? -1 : form.lockVersion())
                .update() == 1;
    }

    List<VisitFrequency> frequencies(String district6) {
        return jdbc.sql("""
                        SELECT f.id, f.region_code, g.name AS region_name, f.tier, f.interval_unit, f.interval_count,
                               f.event_hours, f.retry_days, f.effective_from
                        FROM visit_frequency f LEFT JOIN region g ON g.code = f.region_code
                        WHERE f.region_code IS NULL OR f.region_code LIKE :district
                        ORDER BY f.region_code NULLS FIRST, f.effective_from, f.tier
                        """)
                .param("district", district6 + "%")
                .query((rs, n) -> new VisitFrequency(rs.getLong("id"), rs.getString("region_code"),
                        rs.getString("region_name"), RiskTier.valueOf(rs.getString("tier")),
                        IntervalUnit.valueOf(rs.getString("interval_unit")), rs.getInt("interval_count"),
                        (Integer) rs.getObject("event_hours"), rs.getInt("retry_days"),
                        rs.getObject("effective_from", LocalDate.class)))
                .list();
    }

    /** @return false when the region already has a frequency of the tier from that date */
    boolean insertFrequency(FrequencyForm form, String actor) {
        return jdbc.sql("""
                        INSERT INTO visit_frequency (region_code, tier, interval_unit, interval_count, event_hours,
                                                     retry_days, effective_from, created_by)
                        VALUES (:region, :tier, :unit, :count, :eventHours, :retryDays, :from, :actor)
                        ON CONFLICT DO NOTHING
                        """)
                .param("region", blankToNull(form.regionCode())).param("tier", form.tier().name())
                .param("unit", form.unit().name()).param("count", form.count()).param("eventHours", form.eventHours())
                .param("retryDays", form.retryDays()).param("from", form.effectiveFrom()).param("actor", actor)
                .update() == 1;
    }

    private VisitRule rule(ResultSet rs, int row) throws SQLException {
        String tier = rs.getString("tier");
        return new VisitRule(rs.getLong("id"), rs.getString("region_code"), rs.getString("region_name"),
                rs.getString("name"), read(rs.getString("criteria")), rs.getBoolean("home_only"),
                tier == null ? null : RiskTier.valueOf(tier), rs.getObject("effective_from", LocalDate.class),
                rs.getObject("effective_to", LocalDate.class), rs.getLong("lock_version"));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
