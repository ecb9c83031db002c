package org.yinling.elder;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yinling.account.ApiCaller;
import org.yinling.region.RegionScope;
import org.yinling.region.RegionView;
import org.yinling.region.Regions;
import org.yinling.system.ApiReads;

/**
 * The read API's elder routes (docs/api.md §5): {@code GET /api/v1/elders} (the registry in the caller's region,
 * cursor-paged), {@code GET /api/v1/elders/{id}} and {@code GET /api/v1/elders/{id}/assessments}. Scope
 * {@code elders:read}; full resident IDs and phones only with {@code elders:read-full-id}.
 */
@RestController
class ElderApiController {

    private static final String READ = "hasAuthority('SCOPE_elders:read')";
    private static final Pattern COMMUNITY_KEY = Pattern.compile("[0-9]{12}");

    private final ElderApiReads reads;
    private final Regions regions;

    ElderApiController(ElderApiReads reads, Regions regions) {
        this.reads = reads;
        this.regions = regions;
    }

    @GetMapping("/api/v1/elders")
    @PreAuthorize(READ)
    ResponseEntity<ApiReads.Page<ElderApiView.Elder>> list(@AuthenticationPrincipal ApiCaller caller,
                                                           @RequestParam(required = false) String region,
                                                           @RequestParam(required = false) String updatedSince,
                                                           @RequestParam(required = false) String lifeStatus,
                                                           @RequestParam(required = false) String cursor,
                                                           @RequestParam(required = false) String limit) {
        int size = ApiReads.limit(limit);
        Optional<ApiReads.Position> after = ApiReads.position(cursor, COMMUNITY_KEY);
        RegionScope scope = scope(caller, region);
        ElderApiReads.Page page = reads.page(caller, scope, instant(updatedSince), lifeStatus(lifeStatus), after, size);
        return ApiReads.answer(page.items(), page.next());
    }

    @GetMapping("/api/v1/elders/{id}")
    @PreAuthorize(READ)
    ElderApiView.Elder one(@AuthenticationPrincipal ApiCaller caller, @PathVariable String id) {
        return reads.one(caller, ApiReads.recordId(id));
    }

    @GetMapping("/api/v1/elders/{id}/assessments")
    @PreAuthorize(READ)
    List<ElderApiView.Assessment> assessments(@AuthenticationPrincipal ApiCaller caller, @PathVariable String id) {
        return reads.assessments(caller, ApiReads.recordId(id));
    }

    /** The caller's region, or the region asked for inside it; an unknown region or one outside it is a 404. */
    private RegionScope scope(ApiCaller caller, String region) {
        Optional<String> code = ApiReads.regionCode(region, "region");
        if (code.isEmpty()) {
            return caller.scope();
        }
        RegionView view = regions.find(code.get()).filter(found -> caller.scope().contains(found.code()))
                .orElseThrow(ApiReads::notFound);
        RegionScope asked = view.scope();
        return asked.prefix().length() < caller.scope().prefix().length() ? caller.scope() : asked;
    }

    private static Instant instant(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        }
        catch (DateTimeParseException e) {
            throw ApiReads.badRequest("api.problem.bad-parameter", "updatedSince");
        }
    }

    private static LifeStatus lifeStatus(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        for (LifeStatus status : LifeStatus.values()) {
            if (status.name().equals(value)) {
                return status;
            }
        }
        throw ApiReads.badRequest("api.problem.bad-parameter", "lifeStatus");
    }
}
