package org.yinling.subsidy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;
import org.springframework.web.server.ResponseStatusException;
import org.yinling.account.CurrentUser;
import org.yinling.audit.AuditLog;
import org.yinling.region.RegionLevel;
import org.yinling.region.RegionScope;
import org.yinling.region.RegionView;
import org.yinling.region.Regions;
import org.yinling.subsidy.rule.PolicyRule;
import org.yinling.system.Paging;

/**
 * Policies as the policy pages see them, with the region checks: a district user sees and changes the policies of
 * their district and below, and reads those of the regions above theirs; a policy outside is "not found". The
 * administrator sees every policy. Every change is audited.
 */
@Service
@PreAuthorize("hasAnyRole('ADMIN', 'DISTRICT_STAFF')")
class PolicyAdministration {

    static final String ENTITY = "subsidy_policy";
    static final int PAGE_SIZE = 20;

    private final PolicyStore store;
    private final PolicyVisibility visibility;
    private final RuleQueries rules;
    private final Regions regions;
    private final AuditLog audit;

    PolicyAdministration(PolicyStore store, PolicyVisibility visibility, RuleQueries rules, Regions regions,
                         AuditLog audit) {
        this.store = store;
        this.visibility = visibility;
        this.rules = rules;
        this.regions = regions;
        this.audit = audit;
    }

    /** The latest version of every policy the user may see, filtered and paged (policies are few: filtered here). */
    @Transactional(readOnly = true)
    Page<Policy> list(PolicySearch search, CurrentUser user) {
        String q = search.q() == null ? "" : search.q().trim().toLowerCase(Locale.ROOT);
        List<Policy> matching = visibility.latestVersions(user).stream()
                .filter(p -> q.isEmpty() || p.code().toLowerCase(Locale.ROOT).contains(q)
                        || p.name().toLowerCase(Locale.ROOT).contains(q))
                .filter(p -> search.kind() == null || p.kind() == search.kind())
                .filter(p -> search.status() == null || p.status() == search.status())
                .sorted(Comparator.comparing(Policy::effectiveFrom).reversed().thenComparing(Policy::code))
                .toList();
        int page = Paging.page(search.page());
        int from = Math.min(matching.size(), page * PAGE_SIZE);
        int to = Math.min(matching.size(), from + PAGE_SIZE);
        return new PageImpl<>(matching.subList(from, to), PageRequest.of(page, PAGE_SIZE), matching.size());
    }

    /** The version if the user may see it; 404 otherwise. */
    @Transactional(readOnly = true)
    Policy load(long id, CurrentUser user) {
        return store.find(id).filter(policy -> mayView(policy, user))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /** Every version of the policy, newest first. */
    @Transactional(readOnly = true)
    List<Policy> versions(Policy policy) {
        return store.versions(policy.code());
    }

    /** The draft of the policy's code, when there is one. */
    @Transactional(readOnly = true)
    Optional<Policy> draftOf(Policy policy) {
        return store.current(policy.code(), PolicyStatus.DRAFT);
    }

    boolean mayView(Policy policy, CurrentUser user) {
        return visibility.mayView(policy, user);
    }

    /** Changes (new versions, publishing, enrolment) only for policies of the user's own region and below. */
    boolean mayChange(Policy policy, CurrentUser user) {
        return user.scope().contains(policy.regionCode());
    }

    /** The regions a policy of this user may apply to: their district (or every district) and its streets. */
    List<RegionView> regionChoices(CurrentUser user) {
        List<RegionView> choices = new ArrayList<>(regions.within(user.scope(), RegionLevel.DISTRICT));
        if (user.getRegionLevel() != null && user.getRegionLevel() != RegionLevel.DISTRICT
                && user.scope().prefix().length() > 0) {
            regions.find(user.getRegionCode()).ifPresent(choices::add);
        }
        choices.addAll(regions.within(user.scope(), RegionLevel.STREET));
        choices.sort(Comparator.comparing(RegionView::code));
        return choices;
    }

    /** Creates version 1 of a new policy as a draft; its id, or empty with field errors. */
    @Transactional
    Optional<Long> create(PolicyForm form, Errors errors, CurrentUser user) {
        PolicyRule rule = check(form, errors, user);
        if (!errors.hasFieldErrors("code") && !store.versions(form.code()).isEmpty()) {
            errors.rejectValue("code", "policy.code.exists");
        }
        if (errors.hasErrors()) {
            return Optional.empty();
        }
        Policy policy = toPolicy(0, form.code(), 1, form, rule, 0);
        Optional<Long> id = store.tryInsert(policy, user.getUsername());
        if (id.isEmpty()) {
            errors.rejectValue("code", "policy.code.exists");
            return Optional.empty();
        }
        audit.record("POLICY_CREATED", ENTITY, id.get(), Map.of("code", policy.code(), "version", 1));
        return id;
    }

    /**
     * Saves the form over a draft, or as the next version (a new draft) of a published policy. The id of the draft
     * that holds the change, or empty with errors (a stale form: "changed by someone else").
     */
    @Transactional
    Optional<Long> update(long id, PolicyForm form, Errors errors, CurrentUser user) {
        Policy current = loadForChange(id, user);
        if (current.status() == PolicyStatus.SUPERSEDED) {
            errors.reject("policy.superseded.readOnly");
            return Optional.empty();
        }
        if (form.lockVersion() == null || form.lockVersion() != current.lockVersion()) {
            errors.reject("form.concurrentEdit");
            return Optional.empty();
        }
        PolicyRule rule = check(form, errors, user);
        if (errors.hasErrors()) {
            return Optional.empty();
        }
        if (current.status() == PolicyStatus.DRAFT) {
            Policy changed = toPolicy(id, current.code(), current.version(), form, rule, current.lockVersion());
            if (!store.updateDraft(changed, user.getUsername())) {
                errors.reject("form.concurrentEdit");
                return Optional.empty();
            }
            audit.record("POLICY_UPDATED", ENTITY, id, Map.of("code", current.code(), "version", current.version()));
            return Optional.of(id);
        }
        if (store.current(current.code(), PolicyStatus.DRAFT).isPresent()) {
            errors.reject("policy.draftExists");
            return Optional.empty();
        }
        int next = store.versions(current.code()).get(0).version() + 1;
        Optional<Long> draftId = store.tryInsert(toPolicy(0, current.code(), next, form, rule, 0), user.getUsername());
        if (draftId.isEmpty()) {
            errors.reject("policy.draftExists");
            return Optional.empty();
        }
        audit.record("POLICY_VERSION_CREATED", ENTITY, draftId.get(),
                Map.of("code", current.code(), "version", next, "from", current.version()));
        return draftId;
    }

    /** Publishes a draft, superseding the version in force. False when the draft changed in between. */
    @Transactional
    boolean publish(long id, long lockVersion, CurrentUser user) {
        Policy draft = loadForChange(id, user);
        Optional<Policy> previous = store.current(draft.code(), PolicyStatus.PUBLISHED);
        if (!store.publish(id, lockVersion, user.getUsername())) {
            return false;
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("code", draft.code());
        details.put("version", draft.version());
        previous.ifPresent(p -> details.put("superseded", p.version()));
        audit.record("POLICY_PUBLISHED", ENTITY, id, details);
        return true;
    }

    /** Deletes a draft. False when it changed in between or is no longer a draft. */
    @Transactional
    boolean deleteDraft(long id, long lockVersion, CurrentUser user) {
        Policy draft = loadForChange(id, user);
        if (!store.deleteDraft(id, lockVersion)) {
            return false;
        }
        audit.record("POLICY_DRAFT_DELETED", ENTITY, id, Map.of("code", draft.code(), "version", draft.version()));
        return true;
    }

    /**
     * How many elders qualify per tier on {@code on}, among the elders of the policy's region the user may see, and
     * what that costs a month (or in total, once).
     */
    @Transactional(readOnly = true)
    PolicyPreview preview(Policy policy, LocalDate on, CurrentUser user) {
        RegionScope scope = effectiveScope(policy, user);
        Map<Integer, Long> counts = rules.countByTier(policy.rule(), scope, on);
        List<PolicyPreview.Row> rows = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        long elders = 0;
        for (int i = 0; i < policy.rule().tiers().size(); i++) {
            long count = counts.getOrDefault(i, 0L);
            BigDecimal amount = policy.rule().tiers().get(i).amount();
            BigDecimal cost = amount.multiply(BigDecimal.valueOf(count));
            rows.add(new PolicyPreview.Row(i, policy.rule().tiers().get(i).condition(), amount, count, cost));
            total = total.add(cost);
            elders += count;
        }
        return new PolicyPreview(on, scope.prefix(), rows, elders, total);
    }

    /** The narrower of the policy's region and the user's scope (one always contains the other). */
    RegionScope effectiveScope(Policy policy, CurrentUser user) {
        return visibility.effectiveScope(policy, user);
    }

    private Policy loadForChange(long id, CurrentUser user) {
        Policy policy = load(id, user);
        if (!mayChange(policy, user)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return policy;
    }

    /** Checks what Bean Validation cannot: the region, the dates and the rule; the rule, or null with errors. */
    private PolicyRule check(PolicyForm form, Errors errors, CurrentUser user) {
        if (!errors.hasFieldErrors("regionCode")) {
            Optional<RegionView> region = regions.find(form.regionCode());
            if (region.isEmpty() || region.get().level() == RegionLevel.COMMUNITY) {
                errors.rejectValue("regionCode", "policy.region.unknown");
            }
            else if (!user.scope().contains(form.regionCode())) {
                errors.rejectValue("regionCode", "policy.region.outOfScope");
            }
        }
        if (form.effectiveFrom() != null && form.effectiveTo() != null
                && form.effectiveTo().isBefore(form.effectiveFrom())) {
            errors.rejectValue("effectiveTo", "policy.effectiveTo.beforeFrom");
        }
        form.checkDelivery(errors);
        form.checkChain(errors);
        PolicyRule rule = form.checkedRule(errors);
        return errors.hasErrors() ? null : rule;
    }

    private static Policy toPolicy(long id, String code, int version, PolicyForm form, PolicyRule rule,
                                   long lockVersion) {
        return new Policy(id, code, version, form.name().trim(), form.kind(), form.regionCode(), form.effectiveFrom(),
                form.effectiveTo(), form.frequency(), form.automaticOrFalse(), form.backPayMonths(), rule,
                PolicyStatus.DRAFT, blankToNull(form.notes()), false, null, null, null, null, null, null, lockVersion,
                form.delivery(), form.shareOrNull(), form.budgetCarryOverOrFalse(), form.chain());
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
