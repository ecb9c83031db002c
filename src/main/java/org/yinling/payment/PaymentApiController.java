package org.yinling.payment;

import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yinling.account.ApiCaller;
import org.yinling.system.ApiReads;

/**
 * {@code GET /api/v1/payments?month=YYYY-MM} (docs/api.md §5): the payment lines of the month's payment batches
 * (every batch of that month that is not discarded nor still generating) whose elder lives in the caller's region,
 * cursor-paged. Scope {@code payments:read}; resident IDs in full only with {@code elders:read-full-id}.
 */
@RestController
class PaymentApiController {

    private static final Pattern KEY = Pattern.compile("[0-9]{1,18}-[0-9]{12}");

    private final PaymentApiReads reads;

    PaymentApiController(PaymentApiReads reads) {
        this.reads = reads;
    }

    @GetMapping("/api/v1/payments")
    @PreAuthorize("hasAuthority('SCOPE_payments:read')")
    ResponseEntity<ApiReads.Page<PaymentApiReads.Line>> lines(@AuthenticationPrincipal ApiCaller caller,
                                                              @RequestParam(required = false) String month,
                                                              @RequestParam(required = false) String cursor,
                                                              @RequestParam(required = false) String limit) {
        YearMonth paid = ApiReads.month(month);
        int size = ApiReads.limit(limit);
        Optional<ApiReads.Position> after = ApiReads.position(cursor, KEY);
        PaymentApiReads.Page page = reads.page(caller, paid, after, size);
        return ApiReads.answer(page.items(), page.next());
    }

}
