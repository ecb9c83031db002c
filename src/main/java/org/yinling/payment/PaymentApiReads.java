package org.yinling.payment;

import java.time.Instant;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yinling.account.ApiCaller;
import org.yinling.audit.AuditLog;
import org.yinling.system.ApiReads;

/**
 * The payment lines of a month for the read API ({@link PaymentApiStore}). Each page with lines is one audit row
 * {@code API_PAYMENTS_READ} (client, month, number of lines), in the transaction of the read, like the elder list's.
 */
@Service
class PaymentApiReads {

    static final String ACTION = "API_PAYMENTS_READ";

    private final PaymentApiStore store;
    private final AuditLog audit;

    PaymentApiReads(PaymentApiStore store, AuditLog audit) {
        this.store = store;
        this.audit = audit;
    }

    /**
     * One payment line: {@code month} is the month paid for (earlier than the batch's month for back pay and carried
     * lines), {@code amount} a decimal string, codes as in docs/api.md §5. Bank accounts are not part of it.
     */
    record Line(String id, String batchId, String batchMonth, String batchState, String elderId, String residentId,
                boolean residentIdMasked, String elderName, String communityCode, String policyCode,
                int policyVersion, int tier, String month, String kind, String amount, String status,
                String failureReason, Instant settledAt, String reference) {
    }

    record Page(List<Line> items, Optional<ApiReads.Position> next) {
    }

    @Transactional
    Page page(ApiCaller caller, YearMonth month, Optional<ApiReads.Position> after, int limit) {
        List<Line> lines = store.lines(caller.scope(), caller.readsFullIds(), month, after, limit);
        boolean full = caller.readsFullIds();
        Optional<ApiReads.Position> next = Optional.empty();
        if (lines.size() > limit) {
            lines = lines.subList(0, limit);
            Line last = lines.get(limit - 1);
            next = Optional.of(new ApiReads.Position(last.batchId() + "-" + last.communityCode(),
                    Long.parseLong(last.id())));
        }
        if (!lines.isEmpty()) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("month", month.toString());
            details.put("records", lines.size());
            details.put("fullIds", full);
            details.put("firstId", lines.get(0).id());
            details.put("lastId", lines.get(lines.size() - 1).id());
            audit.record(ACTION, "payment_line", null, details);
        }
        return new Page(lines, next);
    }
}
