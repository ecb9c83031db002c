package org.yinling.homecare;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yinling.account.CurrentUser;
import org.yinling.audit.AuditLog;

/**
 * Call-backs (回访): each month a random sample of each provider's confirmed orders, drawn once per provider and
 * month with a stored seed ({@link CallbackSample} sizes it), and one recorded call per sampled order, which moves
 * the order from 已确认 to 已回访. Street and community staff and the district do the calls.
 */
@Service
@Transactional
class Callbacks {

    static final String CALLERS = "hasAnyRole('DISTRICT_STAFF', 'STREET_REVIEWER', 'COMMUNITY_CLERK')";

    private final CallbackStore store;
    private final AuditLog audit;
    private final SecureRandom random = new SecureRandom();

    Callbacks(CallbackStore store, AuditLog audit) {
        this.store = store;
        this.audit = audit;
    }

    @PreAuthorize(CALLERS)
    @Transactional(readOnly = true)
    List<CallbackStore.ProviderMonth> month(CurrentUser user, YearMonth month) {
        return store.month(HomeCareScope.of(user), month.atDay(1));
    }

    @PreAuthorize(CALLERS)
    @Transactional(readOnly = true)
    Optional<CallbackStore.Provider> provider(CurrentUser user, long providerId) {
        return store.provider(HomeCareScope.of(user), providerId);
    }

    /** What the provider page shows; the elders' phones are shown in full to the caller, so the view is audited. */
    record ProviderPage(Optional<CallbackStore.Draw> draw, List<CallbackStore.Sampled> sampled,
                        List<CallbackStore.Complaint> complaints, int population) {
    }

    @PreAuthorize(CALLERS)
    ProviderPage page(CurrentUser user, CallbackStore.Provider provider, YearMonth month) {
        HomeCareScope scope = HomeCareScope.of(user);
        Optional<CallbackStore.Draw> draw = store.draw(provider.id(), month.atDay(1));
        List<CallbackStore.Sampled> sampled = draw.map(d -> store.sampled(scope, d.id())).orElse(List.of());
        int population = store.population(provider.id(), month.atDay(1));
        if (!sampled.isEmpty()) {
            audit.record("HOME_CARE_CALLBACKS_VIEWED", "home_care_provider", provider.id(),
                    Map.of("month", month.toString(), "orders", sampled.size()));
        }
        return new ProviderPage(draw, sampled, store.complaints(scope, provider.id()), population);
    }

    /** The outcome of asking for a draw. */
    enum DrawResult { DRAWN, ALREADY_DRAWN, NOTHING_TO_DRAW, MONTH_NOT_OVER }

    /** Draws one provider's month; a second draw of the same provider and month is refused. */
    @PreAuthorize(CALLERS)
    DrawResult draw(CurrentUser user, long providerId, YearMonth month, LocalDate today) {
        if (!month.isBefore(YearMonth.from(today))) {
            return DrawResult.MONTH_NOT_OVER;
        }
        if (store.draw(providerId, month.atDay(1)).isPresent()) {
            return DrawResult.ALREADY_DRAWN;
        }
        int drawn = store.draw(HomeCareScope.of(user), month.atDay(1), providerId, random.nextLong(),
                user.getUsername());
        if (drawn == 0) {
            // a draw written meanwhile by another request, or no confirmed order
            return store.draw(providerId, month.atDay(1)).isPresent() ? DrawResult.ALREADY_DRAWN
                    : DrawResult.NOTHING_TO_DRAW;
        }
        CallbackStore.Draw draw = store.draw(providerId, month.atDay(1)).orElseThrow();
        audit.record("HOME_CARE_CALLBACK_DRAWN", "home_care_provider", providerId, Map.of("month", month.toString(),
                "seed", draw.seed(), "population", draw.population(), "sample", draw.sampleSize()));
        return DrawResult.DRAWN;
    }

    /** Draws the month for every provider the user sees that has none yet, set-based; the number of draws. */
    @PreAuthorize(CALLERS)
    int drawAll(CurrentUser user, YearMonth month, LocalDate today) {
        if (!month.isBefore(YearMonth.from(today))) {
            return -1;
        }
        int drawn = store.draw(HomeCareScope.of(user), month.atDay(1), null, random.nextLong(), user.getUsername());
        audit.record("HOME_CARE_CALLBACKS_DRAWN", "home_care_callback_draw", month.toString(),
                Map.of("month", month.toString(), "draws", drawn));
        return drawn;
    }

    /** Recomputes the provider's draw from its seed and says whether it gives the same orders. */
    @PreAuthorize(CALLERS)
    @Transactional(readOnly = true)
    Optional<CallbackStore.Recheck> recheck(long providerId, YearMonth month) {
        return store.draw(providerId, month.atDay(1)).map(d -> store.recheck(d.id()));
    }

    /** The outcome of recording a call. */
    enum CallResult { RECORDED, NOT_SAMPLED, ALREADY_CALLED }

    /** Records one call on a sampled order: its outcome, once, and the order's transition to 已回访. */
    @PreAuthorize(CALLERS)
    CallResult call(CurrentUser user, long providerId, YearMonth month, long orderId, CallbackOutcome outcome,
                    int satisfaction, String note) {
        Optional<CallbackStore.Draw> draw = store.draw(providerId, month.atDay(1));
        if (draw.isEmpty()) {
            return CallResult.NOT_SAMPLED;
        }
        HomeCareScope scope = HomeCareScope.of(user);
        String cleanNote = note == null || note.isBlank() ? null : note.strip();
        if (!store.record(scope, draw.get().id(), orderId, outcome, satisfaction, cleanNote, user.getUsername())) {
            boolean sampled = store.sampled(scope, draw.get().id()).stream().anyMatch(s -> s.orderId() == orderId);
            return sampled ? CallResult.ALREADY_CALLED : CallResult.NOT_SAMPLED;
        }
        store.calledBack(orderId, user.getUsername());
        audit.record("HOME_CARE_CALLBACK_RECORDED", "home_care_order", orderId, Map.of("outcome", outcome.name(),
                "satisfaction", satisfaction));
        return CallResult.RECORDED;
    }
}
