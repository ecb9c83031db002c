package org.yinling.institution;

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
import org.yinling.system.ApiReads;

/**
 * {@code GET /api/v1/institutions} (cursor-paged) and {@code GET /api/v1/institutions/{id}} (docs/api.md §5):
 * institutions in the caller's region with their beds by kind and their occupancy. Scope {@code institutions:read}.
 */
@RestController
class InstitutionApiController {

    private static final String READ = "hasAuthority('SCOPE_institutions:read')";
    private static final Pattern KEY = Pattern.compile("[0-9]{12}");

    private final InstitutionApiReads reads;

    InstitutionApiController(InstitutionApiReads reads) {
        this.reads = reads;
    }

    @GetMapping("/api/v1/institutions")
    @PreAuthorize(READ)
    ResponseEntity<ApiReads.Page<InstitutionApiReads.Item>> list(@AuthenticationPrincipal ApiCaller caller,
                                                                 @RequestParam(required = false) String cursor,
                                                                 @RequestParam(required = false) String limit) {
        int size = ApiReads.limit(limit);
        Optional<ApiReads.Position> after = ApiReads.position(cursor, KEY);
        InstitutionApiReads.Page page = reads.page(caller.scope(), after, size);
        return ApiReads.answer(page.items(), page.next());
    }

    @GetMapping("/api/v1/institutions/{id}")
    @PreAuthorize(READ)
    InstitutionApiReads.Item one(@AuthenticationPrincipal ApiCaller caller, @PathVariable String id) {
        return reads.one(caller.scope(), ApiReads.recordId(id)).orElseThrow(ApiReads::notFound);
    }
}
