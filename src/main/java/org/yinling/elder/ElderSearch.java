package org.yinling.elder;

/**
 * The registry's search: one text field (name prefix, full resident ID, or its last 4–6 characters) and filters.
 * Blank fields do not filter. Bound from the query string of {@code /elders}.
 */
public record ElderSearch(String q, String street, String community, Integer ageMin, Integer ageMax,
                   LivingArrangement living, EconomicStatus economic, Integer level, LifeStatus life, String sort,
                   Integer page) {

    static final int PAGE_SIZE = 20;

    public int pageNumber() {
        return page == null || page < 0 ? 0 : page;
    }

    public String sortKey() {
        return sort == null || !ElderQueries.SORTS.containsKey(sort) ? "newest" : sort;
    }
}
