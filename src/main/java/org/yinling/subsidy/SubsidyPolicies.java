package org.yinling.subsidy;

import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read access to policy versions for other modules (payments compute tiers from the version granted). */
@Service
@Transactional(readOnly = true)
public class SubsidyPolicies {

    private final PolicyStore store;

    SubsidyPolicies(PolicyStore store) {
        this.store = store;
    }

    public Optional<Policy> find(long id) {
        return store.find(id);
    }
}
