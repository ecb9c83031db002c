package org.yinling.homecare;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yinling.account.CurrentUser;
import org.yinling.audit.AuditLog;

/**
 * A month's budgets and work orders: the budgets opened from the service-budget entitlements covering the month, then
 * the orders generated from the plans in force in one statement (a second run creates nothing). District staff run it
 * for their district from the plans page; a scheduled job runs it for every region at the start of each month.
 */
@Service
class OrderGeneration {

    static final String ENTITY = "home_care_order";
    static final String ACTION = "HOME_CARE_ORDERS_GENERATED";
    private static final Logger log = LoggerFactory.getLogger(OrderGeneration.class);

    private final BudgetStore budgets;
    private final OrderIntakeStore orders;
    private final AuditLog audit;
    private final Clock clock;

    OrderGeneration(BudgetStore budgets, OrderIntakeStore orders, AuditLog audit, Clock clock) {
        this.budgets = budgets;
        this.orders = orders;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * What a generation did: budgets opened, orders created (of them dispatched), visits beyond budgets skipped
     * (serializable: shown once after the redirect, through the session).
     */
    record Result(LocalDate month, int budgetsOpened, OrderIntakeStore.Generated orders) implements java.io.Serializable {
    }

    /** A month as {@code yyyy-MM} the district may generate: this month or the next; empty otherwise. */
    @PreAuthorize("hasRole('DISTRICT_STAFF')")
    Optional<LocalDate> month(String text) {
        if (text == null || text.length() != 7) {
            return Optional.empty();
        }
        try {
            LocalDate month = YearMonth.parse(text).atDay(1);
            LocalDate thisMonth = LocalDate.now(clock).withDayOfMonth(1);
            return month.isBefore(thisMonth) || month.isAfter(thisMonth.plusMonths(1)) ? Optional.empty()
                    : Optional.of(month);
        }
        catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * What generating the month for the user's district would do: its budgets are opened as the run would open them,
     * the orders counted, and the whole rolled back (the preview changes nothing).
     */
    @Transactional
    @PreAuthorize("hasRole('DISTRICT_STAFF')")
    OrderIntakeStore.Preview preview(LocalDate month, CurrentUser user) {
        // opening the budgets is part of what the run does; the preview sees them without keeping them
        budgets.open(month, user.scope().likePattern());
        OrderIntakeStore.Preview preview = orders.preview(month, user.scope().likePattern());
        org.springframework.transaction.interceptor.TransactionAspectSupport.currentTransactionStatus()
                .setRollbackOnly();
        return preview;
    }

    /** Opens the month's budgets and generates its orders for the user's district, audited with the counts. */
    @Transactional
    @PreAuthorize("hasRole('DISTRICT_STAFF')")
    Result generate(LocalDate month, CurrentUser user) {
        return run(month, user.scope().likePattern(), user.getUsername());
    }

    /** The start of each month (Asia/Shanghai): this month's budgets and orders for every region. */
    @Scheduled(cron = "${yinling.homecare.generation-cron:0 5 0 1 * *}", zone = "${yinling.time-zone:Asia/Shanghai}")
    @Transactional
    public void monthly() {
        Result result = runMonth(LocalDate.now(clock).withDayOfMonth(1));
        log.info("Home care {}: {} budgets opened, {} orders generated, {} visits beyond budgets", result.month(),
                result.budgetsOpened(), result.orders().created(), result.orders().skipped());
    }

    /** The month's budgets and orders for every region, as the system (the scheduled job; tests). */
    @Transactional
    public Result runMonth(LocalDate month) {
        return run(month, "%", AuditLog.SYSTEM);
    }

    private Result run(LocalDate month, String regionPattern, String actor) {
        int opened = budgets.open(month, regionPattern);
        OrderIntakeStore.Generated generated = orders.generate(month, regionPattern, actor);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("month", month.toString());
        details.put("region", regionPattern);
        details.put("budgetsOpened", opened);
        details.put("created", generated.created());
        details.put("dispatched", generated.dispatched());
        details.put("pendingDispatch", generated.pending());
        details.put("skippedBeyondBudget", generated.skipped());
        audit.recordAs(actor, ACTION, ENTITY, month.toString(), details);
        return new Result(month, opened, generated);
    }
}
