package org.yinling.homecare;

import java.math.BigDecimal;
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
 * Provider settlements: the month's draft computed live ({@link SettlementStore}), confirmed once by district staff,
 * then frozen and paid through the monthly payment batch ({@link HomeCareSettlementPayments}).
 */
@Service
@Transactional
class Settlements {

    static final String READERS = "hasAnyRole('DISTRICT_STAFF', 'MANAGER', 'PROVIDER_MANAGER')";

    private final SettlementStore store;
    private final AuditLog audit;

    Settlements(SettlementStore store, AuditLog audit) {
        this.store = store;
        this.audit = audit;
    }

    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    List<SettlementStore.Row> month(CurrentUser user, YearMonth month) {
        return store.month(HomeCareScope.of(user), month.atDay(1), null);
    }

    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    Optional<SettlementStore.Provider> provider(CurrentUser user, long providerId) {
        return store.provider(HomeCareScope.of(user), providerId);
    }

    /** A provider's month as the page, the print and the workbook show it. */
    record Statement(SettlementStore.Provider provider, YearMonth month, SettlementStore.Row totals,
                     Optional<SettlementStore.Settlement> settlement, List<SettlementStore.Line> lines) {

        public boolean isConfirmed() {
            return settlement.isPresent();
        }
    }

    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    Statement statement(CurrentUser user, SettlementStore.Provider provider, YearMonth month) {
        HomeCareScope scope = HomeCareScope.of(user);
        Optional<SettlementStore.Settlement> settlement = store.settlement(provider.id(), month.atDay(1));
        List<SettlementStore.Row> rows = store.month(scope, month.atDay(1), provider.id());
        SettlementStore.Row totals = rows.isEmpty()
                ? new SettlementStore.Row(provider.id(), provider.name(), 0, BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, null, null, null, 0)
                : rows.get(0);
        List<SettlementStore.Line> lines = settlement.isPresent()
                ? store.confirmedLines(settlement.get().id())
                : store.draftLines(scope, provider.id(), month.atDay(1));
        return new Statement(provider, month, totals, settlement, lines);
    }

    /** The .xlsx or the print of a statement: recorded, as any export. */
    @PreAuthorize(READERS)
    void exported(SettlementStore.Provider provider, YearMonth month, String format) {
        audit.record("HOME_CARE_SETTLEMENT_EXPORTED", "home_care_provider", provider.id(),
                Map.of("month", month.toString(), "format", format));
    }

    /** The outcome of a confirmation. */
    enum ConfirmResult { CONFIRMED, ALREADY_CONFIRMED, MONTH_NOT_OVER, NOTHING_TO_SETTLE }

    /**
     * Confirms a finished month of the provider once: the settlement and its lines written from the draft in one
     * statement with the audit; a second confirmation (another tab, a concurrent request) changes nothing.
     */
    @PreAuthorize("hasRole('DISTRICT_STAFF')")
    ConfirmResult confirm(CurrentUser user, SettlementStore.Provider provider, YearMonth month, YearMonth current) {
        if (!month.isBefore(current)) {
            return ConfirmResult.MONTH_NOT_OVER;
        }
        if (store.settlement(provider.id(), month.atDay(1)).isPresent()) {
            return ConfirmResult.ALREADY_CONFIRMED;
        }
        SettlementStore.Confirmed confirmed = store.confirm(HomeCareScope.of(user), provider.id(), month.atDay(1),
                user.getUsername());
        if (confirmed.settlementId() == null) {
            return store.settlement(provider.id(), month.atDay(1)).isPresent() ? ConfirmResult.ALREADY_CONFIRMED
                    : ConfirmResult.NOTHING_TO_SETTLE;
        }
        audit.record("HOME_CARE_SETTLEMENT_CONFIRMED", "home_care_provider", provider.id(),
                Map.of("month", month.toString(), "settlement", confirmed.settlementId(), "orders", confirmed.lines(),
                        "total", confirmed.total()));
        return ConfirmResult.CONFIRMED;
    }

    /** The real name of a user, for the statement's signature lines. */
    @Transactional(readOnly = true)
    String displayName(String username) {
        return store.displayName(username);
    }
}
