package org.yinling.subsidy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yinling.account.CurrentUser;

/**
 * What waits for the current user: the street's applications at street review, the district's at district review,
 * the community's returned ones; oldest first. Each row of a reviewer's queue says whether it is a clean case.
 */
@Component
class ReviewQueue {

    private final ApplicationStore store;
    private final ApplicationService service;
    private final PolicyStore policies;

    ReviewQueue(ApplicationStore store, ApplicationService service, PolicyStore policies) {
        this.store = store;
        this.service = service;
        this.policies = policies;
    }

    /** The next application waiting for the user (the first of their queue), or empty when the queue is done. */
    @Transactional(readOnly = true)
    Optional<Long> next(CurrentUser user) {
        return ApplicationStages.queueOf(user.getRole()).flatMap(stage -> store.firstInQueue(stage, user.scope()));
    }

    @Transactional(readOnly = true)
    Page<ApplicationRow> of(CurrentUser user, ApplicationSearch search) {
        Optional<ApplicationStage> stage = ApplicationStages.queueOf(user.getRole());
        if (stage.isEmpty()) {
            return new PageImpl<>(List.of(), PageRequest.of(0, ApplicationSearch.PAGE_SIZE), 0);
        }
        Page<ApplicationRow> page = store.queue(stage.get(), search, user.scope());
        if (stage.get() == ApplicationStage.RETURNED) {
            return page;
        }
        // the clean-case check of one page (at most PAGE_SIZE rows): the elders' facts in one query
        List<Long> ids = page.getContent().stream().map(ApplicationRow::id).toList();
        Map<Long, ApplicationElder> elders = store.eldersOf(ids);
        Map<Long, Policy> policyById = new HashMap<>();
        return page.map(row -> {
            ApplicationRecord application = store.find(row.id()).orElseThrow();
            Policy policy = policyById.computeIfAbsent(application.policyId(), id -> policies.find(id).orElseThrow());
            return row.withClean(service.uncleanReason(application, elders.get(row.id()), policy));
        });
    }
}
