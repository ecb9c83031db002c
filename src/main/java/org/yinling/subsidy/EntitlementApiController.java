package org.yinling.subsidy;

import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.yinling.account.ApiCaller;
import org.yinling.system.ApiReads;

/**
 * {@code GET /api/v1/elders/{id}/entitlements} (docs/api.md §5): an elder's subsidy entitlements, newest first,
 * for a client with {@code elders:read} whose region holds the elder (404 otherwise, whether or not it exists
 * elsewhere). Payee bank accounts are not part of the answer.
 */
@RestController
class EntitlementApiController {

    private final EntitlementApiReads reads;

    EntitlementApiController(EntitlementApiReads reads) {
        this.reads = reads;
    }

    @GetMapping("/api/v1/elders/{id}/entitlements")
    @PreAuthorize("hasAuthority('SCOPE_elders:read')")
    List<EntitlementApiReads.Entitlement> entitlements(@AuthenticationPrincipal ApiCaller caller,
                                                       @PathVariable String id) {
        return reads.of(caller, ApiReads.recordId(id));
    }
}
