package org.yinling.dashboard;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yinling.account.ApiCaller;

/**
 * {@code GET /api/v1/statistics?region=…&month=yyyy-MM&layout=1}: a region's monthly statistics in a published
 * layout (issue 22 §4, docs/statistics-layout.md), for the city and province platforms and the ministry's
 * statistics. Scope {@code statistics:read}; a region outside the client's is not found (404), a malformed or
 * future month or an unknown layout is a bad request (400), each as a problem detail.
 */
@RestController
class StatisticsApiController {

    static final String PROBLEM_BASE = "https://yinling.org/problems/statistics-";

    private final StatisticsExport export;
    private final MessageSource messages;

    StatisticsApiController(StatisticsExport export, MessageSource messages) {
        this.export = export;
        this.messages = messages;
    }

    /** The answer: the layout, the region and month, the day counted, and the fields in the layout's order. */
    record Statistics(int layout, Region region, String month, LocalDate asOf, List<Field> fields) {
    }

    record Region(String code, String name, String level) {
    }

    /**
     * A field and its value: counts and hours as JSON numbers, money ({@code YUAN}) as a decimal string, a
     * percentage as a number with two decimals or null where its base is zero.
     */
    record Field(String code, String nameZh, String nameEn, String unit, Object value) {
    }

    @GetMapping("/api/v1/statistics")
    @PreAuthorize("hasAuthority('SCOPE_statistics:read')")
    Statistics statistics(@RequestParam(required = false) String region, @RequestParam(required = false) String month,
                          @RequestParam(required = false) String layout, @AuthenticationPrincipal ApiCaller caller) {
        StatisticsExport.Request request = export.read(region, month, layout, caller.scope(), caller.regionCode(), null);
        if (request.refused()) {
            throw refusal(request.refusal());
        }
        MonthStatistics figures = export.month(request.region(), request.month());
        List<Field> fields = StatisticsExport.values(request.layout(), figures).stream()
                .map(v -> new Field(v.field().code(), v.field().nameZh(), v.field().nameEn(), v.field().unit().name(),
                        json(v.field(), v.value())))
                .toList();
        return new Statistics(request.layout().version(), new Region(figures.region().code(), figures.region().name(),
                figures.region().level().name()), figures.month().toString(), figures.asOf(), fields);
    }

    private static Object json(StatisticsField field, Object value) {
        if (value instanceof BigDecimal amount && field.unit().money()) {
            return amount.toPlainString();
        }
        return value;
    }

    private ErrorResponseException refusal(StatisticsExport.Refusal refusal) {
        HttpStatus status = refusal == StatisticsExport.Refusal.REGION_NOT_FOUND ? HttpStatus.NOT_FOUND
                : HttpStatus.BAD_REQUEST;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, messages.getMessage(
                "statistics.problem." + refusal.name(), null, LocaleContextHolder.getLocale()));
        problem.setTitle(status.getReasonPhrase());
        problem.setType(URI.create(PROBLEM_BASE + refusal.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')));
        return new ErrorResponseException(status, problem, null);
    }
}
