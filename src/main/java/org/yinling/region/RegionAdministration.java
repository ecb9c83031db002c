package org.yinling.region;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;
import org.yinling.audit.AuditLog;
import org.yinling.system.LikePatterns;

/** Creates and edits regions with the tree's rules, and audits every change. */
@Service
class RegionAdministration {

    private final RegionRepository repository;
    private final AuditLog audit;
    private final Regions regions;

    RegionAdministration(RegionRepository repository, AuditLog audit, Regions regions) {
        this.regions = regions;
        this.repository = repository;
        this.audit = audit;
    }

    /**
     * One page of the list: without a search text the parent's children (the districts when there is no parent);
     * with one, matches in the parent's whole subtree.
     */
    @Transactional(readOnly = true)
    Page<RegionView> list(RegionView parent, String text, Pageable pageable) {
        if (text.isEmpty() && parent == null) {
            return new PageImpl<>(repository.findByLevelOrderByCode(RegionLevel.DISTRICT)).map(Region::toView);
        }
        String scopePattern = parent == null ? "%" : parent.scope().likePattern();
        String parentFilter = text.isEmpty() ? parent.code() : null;
        // % and _ typed into the search are characters to find, not wildcards
        return repository.search(scopePattern, parentFilter, LikePatterns.escape(text), pageable).map(Region::toView);
    }

    /** The region as its edit form shows it, with the version the form carries. */
    @Transactional(readOnly = true)
    RegionForm editForm(String code) {
        Region region = repository.findById(code).orElseThrow(() -> new RegionNotFoundException(code));
        return RegionForm.of(region.toView(), region.getVersion());
    }

    /** Returns the new region's code, or empty with field errors in {@code errors}. */
    @Transactional
    Optional<String> create(RegionForm form, Errors errors) {
        Region parent = form.parentCode() == null || form.parentCode().isBlank() ? null
                : repository.findById(form.parentCode()).orElse(null);
        if (parent != null && parent.getLevel() == RegionLevel.COMMUNITY) {
            errors.rejectValue("parentCode", "region.parent.community");
        }
        RegionLevel level = parent == null ? RegionLevel.DISTRICT : parent.getLevel().child();
        if (!errors.hasFieldErrors("code") && level != null) {
            checkCode(form.code(), parent, level, errors);
        }
        if (level != null) {
            checkDescription(form, parent == null ? null : parent.getCode(), level, null, errors);
        }
        if (errors.hasErrors()) {
            return Optional.empty();
        }
        Region region = new Region(form.code(), parent == null ? null : parent.getCode(), level, form.name().trim(), false);
        region.describe(form.name().trim(), form.urbanRuralClass(), form.registeredPopulation());
        repository.save(region);
        regions.changed();
        audit.record("REGION_CREATED", "region", region.getCode(), Map.of("after", snapshot(region)));
        return Optional.of(region.getCode());
    }

    @Transactional
    boolean update(String code, RegionForm form, Errors errors) {
        Region region = repository.findById(code).orElseThrow(() -> new RegionNotFoundException(code));
        if (form.version() == null || form.version() != region.getVersion()) {
            errors.reject("form.concurrentEdit");
            return false;
        }
        checkDescription(form, region.getParentCode(), region.getLevel(), region.getName(), errors);
        if (errors.hasErrors()) {
            return false;
        }
        Map<String, Object> before = snapshot(region);
        region.describe(form.name().trim(), form.urbanRuralClass(), form.registeredPopulation());
        // A concurrent commit between the check above and ours fails at flush; the global handler reports it.
        repository.saveAndFlush(region);
        regions.changed();
        audit.record("REGION_UPDATED", "region", code, Map.of("before", before, "after", snapshot(region)));
        return true;
    }

    private void checkCode(String code, Region parent, RegionLevel level, Errors errors) {
        int own = level.significantDigits();
        if (parent != null && !code.startsWith(parent.getCode().substring(0, parent.getLevel().significantDigits()))) {
            errors.rejectValue("code", "region.code.parentPrefix");
        }
        else if (!code.substring(own).chars().allMatch(c -> c == '0')
                || code.substring(own - 3, own).equals("000")) {
            // a street code is ddddddSSS000 with SSS not 000; a community ddddddSSSCCC with CCC not 000
            errors.rejectValue("code", "region.code.levelDigits." + level.name().toLowerCase());
        }
        else if (repository.existsById(code)) {
            errors.rejectValue("code", "region.code.taken");
        }
    }

    private void checkDescription(RegionForm form, String parentCode, RegionLevel level, String currentName,
                                  Errors errors) {
        String name = form.name() == null ? "" : form.name().trim();
        boolean renamed = !name.equals(currentName);
        boolean nameTaken = parentCode == null ? repository.existsByParentCodeIsNullAndName(name)
                : repository.existsByParentCodeAndName(parentCode, name);
        if (!errors.hasFieldErrors("name") && renamed && nameTaken) {
            errors.rejectValue("name", "region.name.taken");
        }
        if (level == RegionLevel.COMMUNITY) {
            if (form.urbanRuralClass() == null) {
                errors.rejectValue("urbanRuralClass", "region.urbanRural.required");
            }
            if (form.registeredPopulation() == null && !errors.hasFieldErrors("registeredPopulation")) {
                errors.rejectValue("registeredPopulation", "region.population.required");
            }
        }
    }

    private static Map<String, Object> snapshot(Region region) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("name", region.getName());
        values.put("urbanRuralClass", region.getUrbanRuralClass() == null ? null : region.getUrbanRuralClass().code());
        values.put("registeredPopulation", region.getRegisteredPopulation());
        return values;
    }
}
