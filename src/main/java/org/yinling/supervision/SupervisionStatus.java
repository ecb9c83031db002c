package org.yinling.supervision;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.yinling.account.CurrentUser;
import org.yinling.region.RegionScope;

/**
 * What other pages show of certificates and star ratings, called from templates as {@code @supervisionStatus}: an
 * institution's certificate line (through the user's scope), its current star grade (the institution page, the
 * public waiting list) and the region's figures on the dashboard.
 */
@Component("supervisionStatus")
public class SupervisionStatus {

    private final Certificates certificates;
    private final Ratings ratings;

    SupervisionStatus(Certificates certificates, Ratings ratings) {
        this.certificates = certificates;
        this.ratings = ratings;
    }

    /** An institution's grade: the latest decided rating's grade (null: not rated) and whether its validity ended. */
    public record Grade(Integer grade, LocalDate ratedOn, LocalDate validUntil, boolean expired) {

        public boolean valid() {
            return grade != null && !expired;
        }
    }

    /** The region's certificate states and institutions by grade (5..1, 0 none, -1 expired). */
    public record Figures(Map<String, Long> certificates, Map<Integer, Long> byGrade) {
    }

    /** The grade of an institution the page already shows (read by id); null when it was never rated. */
    public Grade grade(long institutionId) {
        LocalDate today = ratings.today();
        return ratings.current(institutionId)
                .map(c -> new Grade(c.grade(), c.ratedOn(), c.validUntil(),
                        c.grade() != null && c.validUntil().isBefore(today)))
                .orElse(null);
    }

    /** The institution's required certificates and where each stands, as the user may see them. */
    public List<CertificateStore.Row> certificates(long institutionId, Object principal) {
        if (!(principal instanceof CurrentUser user)) {
            return List.of();
        }
        return certificates.rows(institutionId, user);
    }

    public Figures figures(RegionScope scope) {
        return new Figures(certificates.tally(scope), ratings.byGrade(scope));
    }
}
