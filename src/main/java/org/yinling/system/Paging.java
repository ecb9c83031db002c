package org.yinling.system;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

/**
 * Page numbers as requests carry them ({@code ?page=}), bounded: negative is the first page, and nothing past
 * {@link #MAX_PAGE}, so that page × size always fits the {@code int} offsets of JPA and of our own arithmetic
 * ({@code /admin/users?page=99999999} was a 500: the offset overflowed). A page past the end is simply empty.
 */
public final class Paging {

    /** Far past the last page of any list (a province's register at 20 a page); page sizes stay below 2,000. */
    public static final int MAX_PAGE = 1_000_000;

    private Paging() {
    }

    /** The page asked for, from 0 to {@link #MAX_PAGE}. */
    public static int page(Integer requested) {
        return requested == null || requested < 0 ? 0 : Math.min(requested, MAX_PAGE);
    }

    public static PageRequest of(Integer requested, int size) {
        return PageRequest.of(page(requested), size);
    }

    public static PageRequest of(Integer requested, int size, Sort sort) {
        return PageRequest.of(page(requested), size, sort);
    }
}
