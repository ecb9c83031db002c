package org.yinling.homecare;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;
import org.yinling.account.CurrentUser;
import org.yinling.audit.AuditLog;
import org.yinling.region.RegionLevel;
import org.yinling.region.RegionView;
import org.yinling.region.Regions;

/** Registers and edits providers and their contracts: the rules, the write and its audit row in one transaction. */
@Service
class Providers {

    static final String DISTRICT_STAFF = "hasRole('DISTRICT_STAFF')";

    private final ProviderStore providers;
    private final Regions regions;
    private final AuditLog audit;
    private final Clock clock;

    Providers(ProviderStore providers, Regions regions, AuditLog audit, Clock clock) {
        this.providers = providers;
        this.regions = regions;
        this.audit = audit;
        this.clock = clock;
    }

    /** The new provider's id, or empty with the broken rules added to {@code errors}. */
    @Transactional
    @PreAuthorize(DISTRICT_STAFF)
    Optional<Long> create(ProviderForm form, CurrentUser user, Errors errors) {
        checkRules(form, null, user, errors);
        if (errors.hasErrors()) {
            return Optional.empty();
        }
        long id = providers.insert(form, user.getRegionCode(), user.getUsername());
        audit.record("HOME_CARE_PROVIDER_CREATED", "home_care_provider", id, Map.of("after", snapshot(form)));
        return Optional.of(id);
    }

    /** False with errors when a rule is broken or someone else changed the provider since the form was opened. */
    @Transactional
    @PreAuthorize(DISTRICT_STAFF)
    boolean update(Provider before, ProviderForm form, CurrentUser user, Errors errors) {
        checkRules(form, before.id(), user, errors);
        if (!errors.hasErrors() && !providers.update(before.id(), form, user.getUsername())) {
            errors.reject("homecare.provider.concurrentEdit");
        }
        if (errors.hasErrors()) {
            return false;
        }
        audit.record("HOME_CARE_PROVIDER_UPDATED", "home_care_provider", before.id(),
                Map.of("before", snapshot(ProviderForm.of(before)), "after", snapshot(form)));
        return true;
    }

    /** Records that the user saw the provider's bank account in full (only those who may see it do). */
    @Transactional
    void viewed(Provider provider, CurrentUser user) {
        if (user.seesFullPersonalData() && (provider.payeeAccount() != null || provider.contactPhone() != null)) {
            audit.record("HOME_CARE_PROVIDER_VIEWED", "home_care_provider", provider.id(), Map.of("name", provider.name()));
        }
    }

    private void checkRules(ProviderForm form, Long id, CurrentUser user, Errors errors) {
        if (!errors.hasFieldErrors("creditCode")) {
            String code = form.normalisedCreditCode();
            CreditCode.Problem problem = CreditCode.check(code);
            if (problem != null) {
                errors.rejectValue("creditCode", problem.messageKey());
            }
            else if (providers.creditCodeTaken(code, id)) {
                errors.rejectValue("creditCode", "homecare.provider.creditCode.taken");
            }
        }
        if (form.contractFrom() != null && form.contractTo() != null && form.contractTo().isBefore(form.contractFrom())) {
            errors.rejectValue("contractTo", "homecare.provider.contractTo.beforeFrom");
        }
        if (!errors.hasFieldErrors("communities")) {
            Set<String> allowed = new HashSet<>();
            for (RegionView community : regions.within(user.scope(), RegionLevel.COMMUNITY)) {
                allowed.add(community.code());
            }
            if (!allowed.containsAll(form.chosenCommunities())) {
                errors.rejectValue("communities", "homecare.provider.communities.invalid");
            }
        }
    }

    /** Today in the application's zone, for the pages. */
    LocalDate today() {
        return LocalDate.now(clock);
    }

    private static Map<String, Object> snapshot(ProviderForm form) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("name", form.name());
        values.put("creditCode", form.normalisedCreditCode());
        values.put("kind", String.valueOf(form.kind()));
        values.put("contractFrom", String.valueOf(form.contractFrom()));
        values.put("contractTo", String.valueOf(form.contractTo()));
        values.put("communities", form.chosenCommunities());
        values.put("payeeBank", String.valueOf(form.payeeBank()));
        values.put("status", String.valueOf(form.status()));
        return values;
    }
}
