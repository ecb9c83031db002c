package org.yinling.homecare;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;
import org.springframework.web.server.ResponseStatusException;
import org.yinling.account.CurrentUser;
import org.yinling.audit.AuditLog;
import org.yinling.region.RegionScope;
import org.yinling.system.Paging;

/**
 * Service plans and ad hoc orders: the elders of a region with a budget, an elder's plan within the budget with a
 * provider that takes orders for the elder's community, a change that closes the old plan and opens a new one, an
 * ad hoc order within what is left of the month's budget. Read by staff and managers; changed by community, street
 * and district staff.
 */
@Service
class ServicePlans {

    static final String READERS = "hasAnyRole('DISTRICT_STAFF', 'STREET_REVIEWER', 'COMMUNITY_CLERK', 'MANAGER')";
    static final String CHANGERS = "hasAnyRole('DISTRICT_STAFF', 'STREET_REVIEWER', 'COMMUNITY_CLERK')";
    static final String PLAN = "home_care_plan";
    static final String ORDER = "home_care_order";
    static final int PAGE_SIZE = 20;

    private final PlanStore plans;
    private final BudgetStore budgets;
    private final OrderIntakeStore orders;
    private final AuditLog audit;
    private final Clock clock;

    ServicePlans(PlanStore plans, BudgetStore budgets, OrderIntakeStore orders, AuditLog audit, Clock clock) {
        this.plans = plans;
        this.budgets = budgets;
        this.orders = orders;
        this.audit = audit;
        this.clock = clock;
    }

    /** The list's filters. */
    record Search(String q, String street, String community, Integer page) {
    }

    /** The elders of the user's region (narrowed by the filters) with a budget this month. */
    @Transactional(readOnly = true)
    @PreAuthorize(READERS)
    Page<PlanStore.Row> list(Search search, CurrentUser user) {
        HomeCareScope scope = HomeCareScope.of(user);
        var page = Paging.of(search.page(), PAGE_SIZE);
        Optional<RegionScope> narrowed = user.scope().narrowedTo(search.street(), search.community());
        if (narrowed.isEmpty()) {
            return new PageImpl<>(List.of(), page, 0);
        }
        LocalDate today = LocalDate.now(clock);
        return plans.list(scope, narrowed.get().likePattern(), today.withDayOfMonth(1), today, search.q(), page);
    }

    /** Everything the plan page shows of an elder. */
    record PlanPage(PlanStore.Elder elder, LocalDate month, Optional<ServiceBudget> budget,
                    Optional<PlanStore.Plan> current, Optional<PlanStore.Plan> next, List<PlanStore.Plan> history,
                    List<PlanStore.Order> orders, List<PlanStore.Provider> providers, List<PlanStore.Item> items) {

        /** The plan the form starts from: the one starting next month, else the one in force. */
        public Optional<PlanStore.Plan> latest() {
            return next.isPresent() ? next : current;
        }
    }

    @Transactional(readOnly = true)
    @PreAuthorize(READERS)
    PlanPage page(long elderId, CurrentUser user) {
        HomeCareScope scope = HomeCareScope.of(user);
        PlanStore.Elder elder = elder(elderId, scope);
        LocalDate today = LocalDate.now(clock);
        LocalDate month = today.withDayOfMonth(1);
        Optional<PlanStore.Plan> current = plans.planInForce(elderId, month, scope, today);
        Optional<PlanStore.Plan> next = plans.planInForce(elderId, month.plusMonths(1), scope, month.plusMonths(1))
                .filter(plan -> current.isEmpty() || plan.id() != current.get().id());
        return new PlanPage(elder, month, budgets.of(elderId, month), current, next,
                plans.plansOf(elderId, scope, today), plans.orders(elderId, month),
                plans.providersFor(elder.communityCode(), today), plans.items(elder.communityCode(), today));
    }

    /** A plan whose elder is in the user's region; 404 otherwise. */
    @Transactional(readOnly = true)
    @PreAuthorize(READERS)
    PlanStore.Plan plan(long planId, CurrentUser user) {
        return plans.plan(planId, HomeCareScope.of(user), LocalDate.now(clock))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /** The elder of a plan, for its page. */
    @Transactional(readOnly = true)
    @PreAuthorize(READERS)
    PlanStore.Elder elderOf(PlanStore.Plan plan, CurrentUser user) {
        return elder(plan.elderId(), HomeCareScope.of(user));
    }

    /** What the elder card shows: the budget, the plan in force and this month's orders. */
    record Card(Optional<ServiceBudget> budget, Optional<PlanStore.Plan> plan, List<PlanStore.Order> orders) {
    }

    @Transactional(readOnly = true)
    @PreAuthorize(READERS)
    Card card(long elderId, CurrentUser user) {
        HomeCareScope scope = HomeCareScope.of(user);
        elder(elderId, scope);
        LocalDate today = LocalDate.now(clock);
        LocalDate month = today.withDayOfMonth(1);
        return new Card(budgets.of(elderId, month), plans.planInForce(elderId, month, scope, today),
                plans.orders(elderId, month));
    }

    /**
     * Saves the elder's plan: a new plan from this month when no order of this month was generated from the plan in
     * force, else from next month; the old plan ends the month before (or is removed when it never applied). Refused
     * with field errors: no budget, a provider that does not serve the community or whose contract is not in force,
     * an item without a price, a monthly value beyond the budget. The new plan's id, or empty with errors.
     */
    @Transactional
    @PreAuthorize(CHANGERS)
    Optional<Long> save(long elderId, PlanForm form, Errors errors, CurrentUser user) {
        HomeCareScope scope = HomeCareScope.of(user);
        PlanStore.Elder elder = elder(elderId, scope);
        LocalDate today = LocalDate.now(clock);
        LocalDate month = today.withDayOfMonth(1);
        if (!elder.active()) {
            errors.reject("homecare.plan.elderInactive");
            return Optional.empty();
        }
        Optional<ServiceBudget> budget = budgets.of(elderId, month);
        if (budget.isEmpty()) {
            errors.reject("homecare.plan.noBudget");
            return Optional.empty();
        }
        checkProvider(form.providerId(), elder.communityCode(), today, "providerId", errors);
        List<PlanForm.Row> rows = form.filled();
        if (form.items().size() > PlanForm.ROWS) {
            errors.reject("homecare.plan.tooManyItems", new Object[] {PlanForm.ROWS}, null);
            return Optional.empty();
        }
        if (rows.isEmpty()) {
            errors.rejectValue("items[0].itemId", "homecare.plan.noItems");
        }
        Map<Long, PlanStore.Item> items = plans.items(elder.communityCode(), today).stream()
                .collect(Collectors.toMap(PlanStore.Item::id, Function.identity()));
        Set<Long> seen = new HashSet<>();
        BigDecimal value = BigDecimal.ZERO;
        for (int i = 0; i < form.items().size(); i++) {
            PlanForm.Row row = form.items().get(i);
            if (row.isBlank()) {
                continue;
            }
            String field = "items[" + i + "]";
            PlanStore.Item item = row.itemId() == null ? null : items.get(row.itemId());
            if (item == null) {
                errors.rejectValue(field + ".itemId", "homecare.plan.item.unknown");
                continue;
            }
            if (!seen.add(item.id())) {
                errors.rejectValue(field + ".itemId", "homecare.plan.item.twice");
            }
            if (item.unitPrice() == null) {
                errors.rejectValue(field + ".itemId", "homecare.plan.item.noPrice");
            }
            if (row.timesPerMonth() == null) {
                errors.rejectValue(field + ".timesPerMonth", "homecare.plan.times.required");
            }
            if (item.unitPrice() != null && row.timesPerMonth() != null && !errors.hasFieldErrors(field + ".timesPerMonth")) {
                value = value.add(item.visitValue().multiply(BigDecimal.valueOf(row.timesPerMonth())));
            }
        }
        if (!errors.hasErrors() && !budget.get().planFits(value)) {
            ServiceBudget b = budget.get();
            errors.reject("homecare.plan.overBudget", new Object[] {money(value), money(b.total()), money(b.used()),
                    money(b.left())}, null);
        }
        if (errors.hasErrors()) {
            return Optional.empty();
        }
        Optional<PlanStore.Plan> current = plans.planInForce(elderId, month, scope, today);
        Optional<PlanStore.Plan> next = plans.planInForce(elderId, month.plusMonths(1), scope, today);
        LocalDate from = month;
        for (PlanStore.Plan old : distinct(current, next)) {
            LocalDate lastOrders = plans.lastOrderMonth(old.id());
            if (lastOrders != null && !lastOrders.isBefore(from)) {
                from = lastOrders.plusMonths(1);
            }
        }
        Map<String, Object> details = new LinkedHashMap<>();
        for (PlanStore.Plan old : distinct(current, next)) {
            if (!old.validFrom().isBefore(from)) {
                if (!plans.delete(old.id())) {
                    throw new IllegalStateException("plan " + old.id() + " has orders from " + old.validFrom());
                }
                details.put("removed", old.id());
            }
            else {
                plans.close(old.id(), from.minusMonths(1), user.getUsername());
                details.put("closed", old.id());
            }
        }
        long id = plans.insert(elderId, elder.communityCode(), form.providerId(), from, blankToNull(form.notes()),
                user.getUsername());
        for (PlanForm.Row row : rows) {
            plans.insertItem(id, row.itemId(), row.timesPerMonth(),
                    row.preferredTime() == null ? LocalTime.of(9, 0) : row.preferredTime());
        }
        details.put("elder", elderId);
        details.put("provider", form.providerId());
        details.put("from", from.toString());
        details.put("value", value);
        details.put("items", rows.size());
        audit.record("HOME_CARE_PLAN_SAVED", PLAN, id, details);
        return Optional.of(id);
    }

    /**
     * An ad hoc order of the elder (e.g. 助急) on a day from today on, within what is left of that month's budget,
     * with a provider that takes orders for the community on the day, or none (pending dispatch). Its id, or empty
     * with field errors.
     */
    @Transactional
    @PreAuthorize(CHANGERS)
    Optional<Long> adHoc(long elderId, AdHocOrderForm form, Errors errors, CurrentUser user) {
        PlanStore.Elder elder = elder(elderId, HomeCareScope.of(user));
        if (errors.hasErrors()) {
            return Optional.empty();
        }
        if (!elder.active()) {
            errors.reject("homecare.plan.elderInactive");
            return Optional.empty();
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate day = form.day();
        if (day.isBefore(today)) {
            errors.rejectValue("day", "homecare.adhoc.past");
            return Optional.empty();
        }
        if (day.isAfter(today.plusMonths(1).withDayOfMonth(1).plusMonths(1).minusDays(1))) {
            errors.rejectValue("day", "homecare.adhoc.tooFar");
            return Optional.empty();
        }
        LocalDate month = day.withDayOfMonth(1);
        Optional<ServiceBudget> budget = budgets.of(elderId, month).filter(b -> !b.endedBefore(day));
        if (budget.isEmpty()) {
            errors.rejectValue("day", "homecare.adhoc.noBudget");
            return Optional.empty();
        }
        Optional<PlanStore.Item> item = plans.items(elder.communityCode(), day).stream()
                .filter(candidate -> candidate.id() == form.itemId()).findFirst();
        if (item.isEmpty()) {
            errors.rejectValue("itemId", "homecare.plan.item.unknown");
            return Optional.empty();
        }
        if (item.get().unitPrice() == null) {
            errors.rejectValue("itemId", "homecare.plan.item.noPrice");
            return Optional.empty();
        }
        if (form.providerId() != null) {
            checkProvider(form.providerId(), elder.communityCode(), day, "providerId", errors);
            if (errors.hasErrors()) {
                return Optional.empty();
            }
        }
        BigDecimal amount = item.get().visitValue();
        ServiceBudget b = budget.get();
        if (!b.fits(amount)) {
            errors.reject("homecare.adhoc.overBudget", new Object[] {money(amount), money(b.total()), money(b.used()),
                    money(b.left())}, null);
            return Optional.empty();
        }
        long id = orders.adHoc(elderId, elder.communityCode(), month, b.id(), b.governmentShare(), item.get().id(),
                form.providerId(), LocalDateTime.of(day, form.time()), item.get().unitPrice(), item.get().quantity(),
                amount, blankToNull(form.notes()), user.getUsername());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("elder", elderId);
        details.put("item", item.get().code());
        details.put("at", LocalDateTime.of(day, form.time()).toString());
        details.put("amount", amount);
        if (form.providerId() != null) {
            details.put("provider", form.providerId());
        }
        audit.record("HOME_CARE_ORDER_AD_HOC", ORDER, id, details);
        return Optional.of(id);
    }

    private void checkProvider(Long providerId, String community, LocalDate day, String field, Errors errors) {
        if (providerId == null) {
            if (!errors.hasFieldErrors(field)) {
                errors.rejectValue(field, "homecare.plan.provider.required");
            }
        }
        else if (!plans.serves(providerId, community)) {
            errors.rejectValue(field, "homecare.plan.provider.notServing");
        }
        else if (!plans.takesOrders(providerId, community, day)) {
            errors.rejectValue(field, "homecare.plan.provider.noContract");
        }
    }

    private PlanStore.Elder elder(long elderId, HomeCareScope scope) {
        return plans.elder(elderId, scope).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private static List<PlanStore.Plan> distinct(Optional<PlanStore.Plan> current, Optional<PlanStore.Plan> next) {
        if (current.isPresent() && next.isPresent() && current.get().id() == next.get().id()) {
            return List.of(current.get());
        }
        return java.util.stream.Stream.concat(current.stream(), next.stream()).toList();
    }

    static String money(BigDecimal value) {
        return value.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
