package org.yinling.meal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yinling.audit.AuditLog;
import org.yinling.rate.Rates;

/**
 * A meal point's monthly settlement: meals by category at the per-meal rates, plus the operating subsidy per meal when
 * the point's licence is valid at the end of the month. Confirming it stores the amounts as they are; the next payment
 * batch pays the confirmed total to the operator once.
 */
@Service
class MealSettlements {

    private final MealPointStore points;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;
    private final Rates rates;

    MealSettlements(MealPointStore points, JdbcClient jdbc, AuditLog audit, Clock clock, Rates rates) {
        this.rates = rates;
        this.clock = clock;
        this.points = points;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** The computed settlement of a month. */
    public record Settlement(List<MealPointStore.SettlementLine> lines, long meals, BigDecimal perMeal, boolean licensed,
                             BigDecimal operatingRate, BigDecimal operating, BigDecimal total) {
    }

    /** Who confirmed a month, and when. */
    public record Confirmation(String confirmedBy, java.time.Instant confirmedAt, BigDecimal total) {
    }

    @Transactional(readOnly = true)
    Settlement compute(MealPoint point, YearMonth month) {
        List<MealPointStore.SettlementLine> lines = points.settlement(point.id(), month.atDay(1));
        long meals = lines.stream().mapToLong(MealPointStore.SettlementLine::meals).sum();
        BigDecimal perMeal = lines.stream().map(MealPointStore.SettlementLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        boolean licensed = point.licensedOn(month.atEndOfMonth());
        // the per-meal operating subsidy in force for the point's community in the month served
        BigDecimal operatingRate = java.util.Objects.requireNonNullElse(rates.amountOn(MealRateController.MEAL,
                "OPERATING", point.communityCode(), month.atDay(1)), BigDecimal.ZERO);
        BigDecimal operating = licensed ? operatingRate.multiply(BigDecimal.valueOf(meals)) : BigDecimal.ZERO;
        return new Settlement(lines, meals, perMeal, licensed, operatingRate, operating, perMeal.add(operating));
    }

    Optional<Confirmation> confirmation(long pointId, YearMonth month) {
        // the statement names who confirmed it, not their login (issue 20 §3)
        return jdbc.sql("""
                        SELECT coalesce((SELECT u.display_name FROM app_user u WHERE u.username = s.confirmed_by),
                                        s.confirmed_by), s.confirmed_at, s.total
                        FROM meal_settlement s WHERE s.meal_point_id = ? AND s.month = ?
                        """)
                .params(pointId, month.atDay(1))
                .query((rs, row) -> new Confirmation(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getBigDecimal(3)))
                .optional();
    }

    /** Confirms a finished month once; false when the month is not over or was confirmed already. */
    @Transactional
    boolean confirm(MealPoint point, YearMonth month, String actor) {
        if (!month.isBefore(YearMonth.from(LocalDate.now(clock)))) {
            return false;
        }
        Settlement settlement = compute(point, month);
        boolean confirmed = jdbc.sql("""
                        INSERT INTO meal_settlement (meal_point_id, month, meals, per_meal_amount, operating_amount, total,
                            confirmed_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (meal_point_id, month) DO NOTHING
                        """)
                .params(point.id(), month.atDay(1), settlement.meals(), settlement.perMeal(), settlement.operating(),
                        settlement.total(), actor)
                .update() == 1;
        if (confirmed) {
            audit.record("MEAL_SETTLEMENT_CONFIRMED", "meal_point", point.id(),
                    Map.of("month", month.toString(), "total", settlement.total()));
        }
        return confirmed;
    }
}
