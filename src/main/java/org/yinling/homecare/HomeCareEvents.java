package org.yinling.homecare;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yinling.audit.AuditLog;
import org.yinling.elder.ElderDeceased;
import org.yinling.elder.ElderMovedOut;
import org.yinling.elder.EldersLeft;

/**
 * What the registry and the calendar do to home care: a death or a move-out (followed synchronously, in the
 * transaction that changed the elder, like subsidy's entitlements) cancels the elder's open orders with that reason
 * and ends the budget and plan from the next month; a provider whose contract has ended has its open orders sent back
 * to dispatch (a daily job, or {@link #returnExpiredContracts()}).
 */
@Service
class HomeCareEvents {

    static final String DECEASED = "ELDER_DECEASED";
    static final String MOVED_OUT = "ELDER_MOVED_OUT";
    static final String CONTRACT_ENDED = "CONTRACT_ENDED";
    private static final Logger log = LoggerFactory.getLogger(HomeCareEvents.class);

    private final OrderIntakeStore orders;
    private final BudgetStore budgets;
    private final PlanStore plans;
    private final AuditLog audit;
    private final Clock clock;

    HomeCareEvents(OrderIntakeStore orders, BudgetStore budgets, PlanStore plans, AuditLog audit, Clock clock) {
        this.orders = orders;
        this.budgets = budgets;
        this.plans = plans;
        this.audit = audit;
        this.clock = clock;
    }

    @EventListener
    @Transactional
    public void on(ElderDeceased event) {
        on(EldersLeft.of(event));
    }

    @EventListener
    @Transactional
    public void on(ElderMovedOut event) {
        on(EldersLeft.of(event));
    }

    /**
     * Many deaths or move-outs at once (an agency's list), or one: one statement per table, one audit record per
     * elder with something cancelled or ended.
     */
    @EventListener
    @Transactional
    public void on(EldersLeft event) {
        String actor = AuditLog.SYSTEM;
        String reason = event.deceased() ? DECEASED : MOVED_OUT;
        Long[] elderIds = event.ids();
        String[] days = event.isoDates();
        Map<Long, List<Long>> cancelled = orders.cancelOpen(elderIds, reason, actor).stream().collect(
                Collectors.groupingBy(OrderIntakeStore.OfElder::elderId,
                        Collectors.mapping(OrderIntakeStore.OfElder::orderId, Collectors.toList())));
        Map<Long, Long> ended = budgets.end(elderIds, days).stream()
                .collect(Collectors.groupingBy(id -> id, Collectors.counting()));
        Map<Long, Long> plansEnded = plans.endPlans(elderIds, days, actor).stream()
                .collect(Collectors.groupingBy(id -> id, Collectors.counting()));
        List<AuditLog.Entry> entries = new ArrayList<>();
        for (int i = 0; i < event.size(); i++) {
            long elderId = event.elderIds()[i];
            List<Long> elderCancelled = cancelled.getOrDefault(elderId, List.of());
            long elderEnded = ended.getOrDefault(elderId, 0L);
            long elderPlans = plansEnded.getOrDefault(elderId, 0L);
            if (elderCancelled.isEmpty() && elderEnded == 0 && elderPlans == 0) {
                continue;
            }
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("reason", reason);
            details.put("date", event.dates()[i].toString());
            details.put("ordersCancelled", elderCancelled.size());
            details.put("orders", elderCancelled.size() > 200 ? elderCancelled.subList(0, 200) : elderCancelled);
            details.put("budgetsEnded", elderEnded);
            details.put("plansEnded", elderPlans);
            entries.add(new AuditLog.Entry(elderId, details));
        }
        audit.recordAllAs(actor, "HOME_CARE_ELDER_LEFT", "elder", entries);
    }

    /** Every day just after midnight (Asia/Shanghai): providers whose contract has ended. */
    @Scheduled(cron = "${yinling.homecare.contract-cron:0 20 0 * * *}", zone = "${yinling.time-zone:Asia/Shanghai}")
    @Transactional
    public void daily() {
        int returned = returnExpiredContracts();
        if (returned > 0) {
            log.info("Home care: {} open orders of providers whose contract ended sent back to dispatch", returned);
        }
    }

    /**
     * Sends the open orders of providers whose contract has ended (and does not cover the order's day) back to
     * dispatch, one audit record per provider. The number of orders.
     */
    @Transactional
    public int returnExpiredContracts() {
        List<OrderIntakeStore.Returned> returned = orders.returnExpired(LocalDate.now(clock), CONTRACT_ENDED,
                AuditLog.SYSTEM);
        Map<Long, List<Long>> byProvider = returned.stream().collect(Collectors.groupingBy(
                OrderIntakeStore.Returned::providerId, java.util.TreeMap::new,
                Collectors.mapping(OrderIntakeStore.Returned::orderId, Collectors.toList())));
        byProvider.forEach((provider, ids) -> audit.recordAs(AuditLog.SYSTEM, "HOME_CARE_ORDERS_RETURNED",
                "home_care_provider", provider, Map.of("reason", CONTRACT_ENDED, "orders", ids.size(),
                        "orderIds", ids.size() > 200 ? ids.subList(0, 200) : ids)));
        return returned.size();
    }
}
