package org.yinling.api;

import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.yinling.account.ApiCaller;

/** {@code GET /api/v1/me}: what the token in hand is: the client, the region it sees and its scopes (docs/api.md step 2). */
@RestController
class ApiWhoAmIController {

    /** The answer: the client's name, its region's code and its scopes, sorted. */
    record Me(String client, String region, List<String> scopes) {
    }

    @GetMapping("/api/v1/me")
    Me me(@AuthenticationPrincipal ApiCaller caller) {
        return new Me(caller.clientName(), caller.regionCode(), caller.scopes().stream().sorted().toList());
    }
}
