package org.yinling.subsidy;

import org.yinling.system.Paging;

/** Filters of the application list and the review queue; every value is bound, never concatenated. */
record ApplicationSearch(String q, ApplicationStage stage, String policy, String street, String community,
                         ApplicationSource source, Integer page) {

    static final int PAGE_SIZE = 20;

    int pageNumber() {
        return Paging.page(page);
    }
}
