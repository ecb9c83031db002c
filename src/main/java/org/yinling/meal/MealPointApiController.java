package org.yinling.meal;

import java.util.List;
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
 * {@code GET /api/v1/meal-points} (docs/api.md §5): the meal points (助餐点) in the caller's region, cursor-paged in
 * the order (community, id), each with the communities it serves. Scope {@code institutions:read}.
 */
@RestController
class MealPointApiController {

    private static final Pattern KEY = Pattern.compile("[0-9]{12}");

    private final MealPointApiReads reads;

    MealPointApiController(MealPointApiReads reads) {
        this.reads = reads;
    }

    @GetMapping("/api/v1/meal-points")
    @PreAuthorize("hasAuthority('SCOPE_institutions:read')")
    ResponseEntity<ApiReads.Page<MealPointApiReads.Item>> list(@AuthenticationPrincipal ApiCaller caller,
                                                               @RequestParam(required = false) String cursor,
                                                               @RequestParam(required = false) String limit) {
        int size = ApiReads.limit(limit);
        Optional<ApiReads.Position> after = ApiReads.position(cursor, KEY);
        List<MealPointApiReads.Item> items = reads.page(caller.scope(), after, size);
        Optional<ApiReads.Position> next = Optional.empty();
        if (items.size() > size) {
            items = items.subList(0, size);
            MealPointApiReads.Item last = items.get(size - 1);
            next = Optional.of(new ApiReads.Position(last.communityCode(), Long.parseLong(last.id())));
        }
        return ApiReads.answer(items, next);
    }
}
