package org.yinling.institution;

import java.math.BigDecimal;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yinling.audit.AuditLog;

/** Changes the institution subsidy rates: every new amount and the audit row commit together. */
@Service
class SubsidyRates {

    private final SubsidyRateStore store;
    private final AuditLog audit;

    SubsidyRates(SubsidyRateStore store, AuditLog audit) {
        this.store = store;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    Map<String, BigDecimal> operatingRates() {
        return store.operatingRates();
    }

    @Transactional(readOnly = true)
    Map<String, BigDecimal> constructionRates() {
        return store.constructionRates();
    }

    /** Sets the operating subsidy per category and the construction subsidy per bed and tier. */
    @Transactional
    void update(Map<String, BigDecimal> amounts, Map<String, BigDecimal> perBed, String actor) {
        perBed.forEach((tier, amount) -> store.setConstructionRate(tier, amount, actor));
        amounts.forEach((category, amount) -> store.setOperatingRate(category, amount, actor));
        audit.record("INSTITUTION_RATES_UPDATED", "institution_subsidy_rate", null,
                Map.of("amounts", amounts, "perBed", perBed));
    }
}
