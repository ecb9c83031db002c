package org.yinling.meal;

import java.time.YearMonth;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;
import org.yinling.account.CurrentUser;
import org.yinling.audit.AuditLog;
import org.yinling.region.RegionLevel;
import org.yinling.region.Regions;

/** Registers meal points and the communities they serve: each change committed with its audit row. */
@Service
class MealPoints {

    private final MealPointStore points;
    private final Regions regions;
    private final AuditLog audit;
    private final MealCounter counter;

    MealPoints(MealPointStore points, Regions regions, AuditLog audit, MealCounter counter) {
        this.counter = counter;
        this.points = points;
        this.regions = regions;
        this.audit = audit;
    }

    /** The new meal point's id, or empty with the broken rules added to {@code errors}. */
    @Transactional
    Optional<Long> create(MealPointForm form, CurrentUser user, Errors errors) {
        if (!errors.hasFieldErrors("communityCode") && !isCommunityOf(form.communityCode(), user)) {
            errors.rejectValue("communityCode", "institution.community.invalid");
        }
        boolean licence = form.licenceNumber() != null && !form.licenceNumber().isBlank();
        if (licence != (form.licenceExpires() != null)) {
            errors.rejectValue("licenceExpires", "meal.licence.incomplete");
        }
        if (!Boolean.TRUE.equals(form.servesLunch()) && !Boolean.TRUE.equals(form.servesDinner())) {
            errors.rejectValue("servesLunch", "meal.serves.none");
        }
        if (errors.hasErrors()) {
            return Optional.empty();
        }
        long id = points.insert(form, user.getUsername());
        audit.record("MEAL_POINT_CREATED", "meal_point", id, Map.of("name", form.name()));
        return Optional.of(id);
    }

    /** Adds a community of the user's region the point serves; false when the code is no such community. */
    @Transactional
    boolean addServed(MealPoint point, String communityCode, CurrentUser user) {
        if (!isCommunityOf(communityCode, user)) {
            return false;
        }
        if (points.addServed(point.id(), communityCode)) {
            audit.record("MEAL_POINT_SERVES", "meal_point", point.id(), Map.of("community", communityCode));
        }
        return true;
    }

    /** Audits a settlement export; committed before the file's first byte goes out. */
    @Transactional
    void settlementExported(MealPoint point, YearMonth month) {
        audit.record("MEAL_SETTLEMENT_EXPORTED", "meal_point", point.id(), Map.of("month", month.toString()));
    }

    /** The longest reason kept for an undone meal. */
    static final int REASON_MAX = 200;

    /**
     * Takes back one of today's meals of the point with the clerk's reason; the deletion and its audit row (who, which
     * elder and meal, who had recorded it, why) commit together. Empty when the reason is missing or too long or there
     * is no such meal of the point today; else the undone meal.
     */
    @Transactional
    Optional<MealCounter.Undone> undo(MealPoint point, long mealId, String reason, java.time.LocalDate today) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > REASON_MAX) {
            return Optional.empty();
        }
        Optional<MealCounter.Undone> undone = counter.delete(point.id(), mealId, today);
        undone.ifPresent(u -> {
            Map<String, Object> details = new java.util.LinkedHashMap<>();
            details.put("meal", mealId);
            details.put("elder", u.elderId());
            details.put("day", today.toString());
            details.put("kind", u.meal().name());
            details.put("mode", u.mode().name());
            details.put("category", u.category() == null ? "" : u.category().nameZh());
            details.put("recordedBy", u.recordedBy());
            details.put("reason", why);
            audit.record("MEAL_UNDONE", "meal_point", point.id(), details);
        });
        return undone;
    }

    private boolean isCommunityOf(String communityCode, CurrentUser user) {
        return user.scope().contains(communityCode)
                && regions.find(communityCode).map(r -> r.level() == RegionLevel.COMMUNITY).orElse(false);
    }
}
