package org.yinling.institution;

/**
 * The institution's star grade as SQL: its latest decided rating ({@code supervision_rating}, by rating date; a later
 * "not rated" ends an earlier grade), one probe per institution on the index {@code supervision_rating_institution}.
 * The list and the read API join it; whether the grade is still held on a day is the caller's test of
 * {@code rating_valid_until}.
 */
final class LatestRating {

    /** {@code LEFT JOIN LATERAL} for an {@code institution i}: columns rating_grade, rating_rated_on, rating_valid_until. */
    static final String JOIN = """
            LEFT JOIN LATERAL (SELECT r.grade AS rating_grade, r.rated_on AS rating_rated_on,
                                      r.valid_until AS rating_valid_until
                               FROM supervision_rating r
                               WHERE r.institution_id = i.id AND r.status = 'DECIDED'
                               ORDER BY r.rated_on DESC, r.id DESC LIMIT 1) g ON TRUE
            """;

    private LatestRating() {
    }
}
