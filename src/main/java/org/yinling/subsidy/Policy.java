package org.yinling.subsidy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.yinling.subsidy.rule.Frequency;
import org.yinling.subsidy.rule.PolicyRule;

/** One version of a subsidy policy (a row of {@code subsidy_policy}). */
public record Policy(long id, String code, int version, String name, PolicyKind kind, String regionCode,
                     LocalDate effectiveFrom, LocalDate effectiveTo, Frequency frequency, boolean automatic,
                     int backPayMonths, PolicyRule rule, PolicyStatus status, String notes, boolean demo,
                     Instant publishedAt, String publishedBy, Instant createdAt, String createdBy,
                     Instant updatedAt, String updatedBy, long lockVersion, PolicyDelivery delivery,
                     BigDecimal governmentShare, boolean budgetCarryOver, ReviewChain chain) {

    /** 全额: the government pays the whole service budget. */
    public static final BigDecimal FULL_SHARE = new BigDecimal("1.00");
    /** 半额: the government pays half, the elder the rest. */
    public static final BigDecimal HALF_SHARE = new BigDecimal("0.50");

    /** A cash policy (what every policy was before service budgets). */
    public Policy(long id, String code, int version, String name, PolicyKind kind, String regionCode,
                  LocalDate effectiveFrom, LocalDate effectiveTo, Frequency frequency, boolean automatic,
                  int backPayMonths, PolicyRule rule, PolicyStatus status, String notes, boolean demo,
                  Instant publishedAt, String publishedBy, Instant createdAt, String createdBy,
                  Instant updatedAt, String updatedBy, long lockVersion) {
        this(id, code, version, name, kind, regionCode, effectiveFrom, effectiveTo, frequency, automatic,
                backPayMonths, rule, status, notes, demo, publishedAt, publishedBy, createdAt, createdBy, updatedAt,
                updatedBy, lockVersion, PolicyDelivery.CASH, null, false, ReviewChain.FULL);
    }

    /** A version with the full review chain (社区受理 → 街道初审 → 区审批 → 公示). */
    public Policy(long id, String code, int version, String name, PolicyKind kind, String regionCode,
                  LocalDate effectiveFrom, LocalDate effectiveTo, Frequency frequency, boolean automatic,
                  int backPayMonths, PolicyRule rule, PolicyStatus status, String notes, boolean demo,
                  Instant publishedAt, String publishedBy, Instant createdAt, String createdBy,
                  Instant updatedAt, String updatedBy, long lockVersion, PolicyDelivery delivery,
                  BigDecimal governmentShare, boolean budgetCarryOver) {
        this(id, code, version, name, kind, regionCode, effectiveFrom, effectiveTo, frequency, automatic,
                backPayMonths, rule, status, notes, demo, publishedAt, publishedBy, createdAt, createdBy, updatedAt,
                updatedBy, lockVersion, delivery, governmentShare, budgetCarryOver, ReviewChain.FULL);
    }

    /** A cash policy has no government share and no carry-over; a service budget always has a share. */
    public Policy {
        delivery = delivery == null ? PolicyDelivery.CASH : delivery;
        chain = chain == null ? ReviewChain.FULL : chain;
        if (delivery == PolicyDelivery.CASH) {
            governmentShare = null;
            budgetCarryOver = false;
        }
        else if (governmentShare == null) {
            throw new IllegalArgumentException("a service budget needs the government's share");
        }
    }

    /** Delivered as a monthly service budget rather than cash. */
    public boolean serviceBudget() {
        return delivery == PolicyDelivery.SERVICE_BUDGET;
    }

    /** The same version delivering a service budget with the given share and carry-over. */
    public Policy withServiceBudget(BigDecimal share, boolean carryOver) {
        return new Policy(id, code, version, name, kind, regionCode, effectiveFrom, effectiveTo, frequency, automatic,
                backPayMonths, rule, status, notes, demo, publishedAt, publishedBy, createdAt, createdBy, updatedAt,
                updatedBy, lockVersion, PolicyDelivery.SERVICE_BUDGET, share, carryOver, chain);
    }

    /** The same version with another review chain. */
    public Policy withChain(ReviewChain reviewChain) {
        return new Policy(id, code, version, name, kind, regionCode, effectiveFrom, effectiveTo, frequency, automatic,
                backPayMonths, rule, status, notes, demo, publishedAt, publishedBy, createdAt, createdBy, updatedAt,
                updatedBy, lockVersion, delivery, governmentShare, budgetCarryOver, reviewChain);
    }

    /** In force on {@code day}: published and within its effective dates. */
    public boolean inForceOn(LocalDate day) {
        return status == PolicyStatus.PUBLISHED && !day.isBefore(effectiveFrom)
                && (effectiveTo == null || !day.isAfter(effectiveTo));
    }
}
