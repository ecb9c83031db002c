package org.yinling.subsidy;

import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;
import org.yinling.account.ApiCaller;
import org.yinling.elder.ElderScope;
import org.yinling.system.ApiReads;

/** The read API's entitlements of an elder: the elder checked against the caller's region, then read. */
@Service
class EntitlementApiReads {

    /** One entitlement: months are {@code YYYY-MM}, the amount a decimal string, codes as in docs/api.md §5. */
    record Entitlement(String id, String policyCode, int policyVersion, String policyName, String policyKind,
                       int tier, String amount, String frequency, String startMonth, String endMonth, String status,
                       String stopReason, Instant stoppedAt, boolean recheckPending) {
    }

    private final ElderScope elders;
    private final EntitlementApiStore store;

    EntitlementApiReads(ElderScope elders, EntitlementApiStore store) {
        this.elders = elders;
        this.store = store;
    }

    @Transactional(readOnly = true)
    List<Entitlement> of(ApiCaller caller, long elderId) {
        try {
            elders.requireVisible(elderId, caller.scope());
        }
        catch (ResponseStatusException outside) {
            throw ApiReads.notFound();
        }
        return store.ofElder(elderId);
    }
}
