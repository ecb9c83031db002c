package org.yinling.visit;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;
import org.springframework.web.server.ResponseStatusException;
import org.yinling.account.CurrentUser;
import org.yinling.account.Role;
import org.yinling.audit.AuditLog;
import org.yinling.region.RegionLevel;
import org.yinling.region.RegionView;
import org.yinling.region.Regions;
import org.yinling.subsidy.rule.Eligibility;

/**
 * Roster rules, tier rules and frequencies: district staff write those of their district (the district, a street or
 * a community of it), the administrator also the system defaults (no region). Each change is audited with the rule
 * as saved, and the roster of the rule's region is recomputed at once.
 */
@Service
class VisitRules {

    private final VisitRuleStore store;
    private final VisitRoster roster;
    private final Regions regions;
    private final AuditLog audit;
    private final Clock clock;

    VisitRules(VisitRuleStore store, VisitRoster roster, Regions regions, AuditLog audit, Clock clock) {
        this.store = store;
        this.roster = roster;
        this.regions = regions;
        this.audit = audit;
        this.clock = clock;
    }

    /** The first six digits of the user's district ('' for the administrator: every district). */
    static String district(CurrentUser user) {
        return user.getRole() == Role.ADMIN ? "" : user.getRegionCode().substring(0, 6);
    }

    @Transactional(readOnly = true)
    List<VisitRule> rosterRules(CurrentUser user) {
        return store.rosterRules(district(user));
    }

    @Transactional(readOnly = true)
    List<VisitRule> tierRules(CurrentUser user) {
        return store.tierRules(district(user));
    }

    @Transactional(readOnly = true)
    List<VisitFrequency> frequencies(CurrentUser user) {
        return store.frequencies(district(user));
    }

    @Transactional(readOnly = true)
    VisitRule rosterRule(long id, CurrentUser user) {
        return store.rosterRule(id, district(user)).orElseThrow(VisitRules::notFound);
    }

    @Transactional(readOnly = true)
    VisitRule tierRule(long id, CurrentUser user) {
        return store.tierRule(id, district(user)).orElseThrow(VisitRules::notFound);
    }

    /** Regions a rule of this user may name (blank = every region, for the administrator). */
    List<RegionView> ruleRegions(CurrentUser user) {
        if (user.getRole() == Role.ADMIN) {
            return regions.ofLevel(RegionLevel.DISTRICT);
        }
        return java.util.stream.Stream.of(RegionLevel.DISTRICT, RegionLevel.STREET, RegionLevel.COMMUNITY)
                .flatMap(level -> regions.within(user.scope(), level).stream()).toList();
    }

    /** Saves a roster rule (new when id is null); false with the form's errors when it cannot be saved. */
    @Transactional
    boolean saveRosterRule(Long id, VisitRuleForm form, CurrentUser user, Errors errors) {
        if (id != null) {
            VisitRule existing = rosterRule(id, user);
            checkMayChange(existing.regionCode(), user);
        }
        Eligibility criteria = check(form, user, errors, false);
        if (criteria == null) {
            return false;
        }
        long ruleId;
        if (id == null) {
            ruleId = store.insertRosterRule(form, criteria, user.getUsername());
        }
        else if (!store.updateRosterRule(id, form, criteria, user.getUsername())) {
            errors.reject("visit.rule.changedMeanwhile");
            return false;
        }
        else {
            ruleId = id;
        }
        audit.record(id == null ? "VISIT_ROSTER_RULE_CREATED" : "VISIT_ROSTER_RULE_CHANGED", "visit_roster_rule", ruleId,
                details(form, criteria));
        roster.recompute(VisitRuleStore.prefixOf(blankToNull(form.regionCode())), user.getUsername());
        return true;
    }

    @Transactional
    boolean saveTierRule(Long id, VisitRuleForm form, CurrentUser user, Errors errors) {
        if (id != null) {
            VisitRule existing = tierRule(id, user);
            checkMayChange(existing.regionCode(), user);
        }
        Eligibility criteria = check(form, user, errors, true);
        if (criteria == null) {
            return false;
        }
        long ruleId;
        if (id == null) {
            ruleId = store.insertTierRule(form, criteria, user.getUsername());
        }
        else if (!store.updateTierRule(id, form, criteria, user.getUsername())) {
            errors.reject("visit.rule.changedMeanwhile");
            return false;
        }
        else {
            ruleId = id;
        }
        Map<String, Object> details = details(form, criteria);
        details.put("tier", form.tier().name());
        audit.record(id == null ? "VISIT_TIER_RULE_CREATED" : "VISIT_TIER_RULE_CHANGED", "visit_tier_rule", ruleId,
                details);
        roster.recompute(VisitRuleStore.prefixOf(blankToNull(form.regionCode())), user.getUsername());
        return true;
    }

    @Transactional
    boolean addFrequency(FrequencyForm form, CurrentUser user, Errors errors) {
        if (errors.hasErrors()) {
            return false;
        }
        if (!regionAllowed(form.regionCode(), user)) {
            errors.rejectValue("regionCode", "visit.rule.regionNotYours");
            return false;
        }
        if (form.effectiveFrom().isBefore(LocalDate.now(clock))) {
            errors.rejectValue("effectiveFrom", "visit.frequency.past");
            return false;
        }
        if (!store.insertFrequency(form, user.getUsername())) {
            errors.rejectValue("effectiveFrom", "visit.frequency.exists");
            return false;
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("region", form.regionCode() == null || form.regionCode().isBlank() ? "*" : form.regionCode());
        details.put("tier", form.tier().name());
        details.put("every", form.count() + " " + form.unit().name());
        details.put("eventHours", form.eventHours());
        details.put("retryDays", form.retryDays());
        details.put("from", form.effectiveFrom().toString());
        audit.record("VISIT_FREQUENCY_ADDED", "visit_frequency", form.tier().name(), details);
        return true;
    }

    private Eligibility check(VisitRuleForm form, CurrentUser user, Errors errors, boolean tierRule) {
        if (!regionAllowed(form.regionCode(), user)) {
            errors.rejectValue("regionCode", "visit.rule.regionNotYours");
        }
        if (form.effectiveFrom() != null && form.effectiveTo() != null
                && form.effectiveTo().isBefore(form.effectiveFrom())) {
            errors.rejectValue("effectiveTo", "visit.rule.endBeforeStart");
        }
        if (tierRule && (form.tier() == null || form.tier() == RiskTier.LOW)) {
            errors.rejectValue("tier", "visit.rule.tierRequired");
        }
        Eligibility criteria = form.checkedCriteria(errors);
        return errors.hasErrors() ? null : criteria;
    }

    private void checkMayChange(String regionCode, CurrentUser user) {
        if (!regionAllowed(regionCode, user)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
    }

    /** The administrator names any region or none; district staff a region of their district. */
    private boolean regionAllowed(String regionCode, CurrentUser user) {
        String code = blankToNull(regionCode);
        if (code == null) {
            return user.getRole() == Role.ADMIN;
        }
        if (regions.find(code).isEmpty()) {
            return false;
        }
        return user.getRole() == Role.ADMIN || user.scope().contains(code);
    }

    private static Map<String, Object> details(VisitRuleForm form, Eligibility criteria) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("name", form.name().strip());
        details.put("region", blankToNull(form.regionCode()) == null ? "*" : form.regionCode().strip());
        details.put("from", form.effectiveFrom().toString());
        details.put("to", form.effectiveTo() == null ? null : form.effectiveTo().toString());
        details.put("homeOnly", form.homeOnlyOrFalse());
        details.put("criteria", criteria);
        return details;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
