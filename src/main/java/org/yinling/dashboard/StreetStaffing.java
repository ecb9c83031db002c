package org.yinling.dashboard;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Seed 002's staffing rule: a street whose elders 60+ are under 20 % of its registered population needs one
 * dedicated elder-care worker, from 20 % two; and each of its communities with 100 or more government-purchased-
 * service elders needs one more. Compared with the staff the district records per street. "Government-purchased-
 * service elders" are the elders served this month ({@link Indicator#PURCHASED_SERVICE_ELDERS}: at least one visit
 * confirmed), as seed 002 counts them, not the entitlements ({@link Indicator#PURCHASED_SERVICE_ENTITLEMENTS}): a
 * community whose elders hold entitlements but get no service needs no extra worker for them.
 */
@Component
class StreetStaffing {

    static final BigDecimal AGING_THRESHOLD = new BigDecimal("0.20");
    static final long PURCHASED_SERVICE_THRESHOLD = 100;

    public record Row(String streetCode, String streetName, BigDecimal agingRatio, int forStreet, int communitiesOver100,
               Integer recorded) {

        public int required() {
            return forStreet + communitiesOver100;
        }

        public TargetStatus status() {
            return recorded == null ? TargetStatus.NONE : recorded >= required() ? TargetStatus.GREEN : TargetStatus.RED;
        }
    }

    private final JdbcClient jdbc;

    StreetStaffing(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The rule for one street, from its figures and its communities' figures. */
    static Row rule(String streetCode, String streetName, IndicatorSheet street, List<Figures> communities,
                    Integer recorded) {
        BigDecimal ratio = street.get(Indicator.AGING_RATIO).value();
        int forStreet = ratio != null && ratio.compareTo(AGING_THRESHOLD) >= 0 ? 2 : 1;
        int over100 = (int) communities.stream()
                .filter(c -> c.purchasedServiceElders >= PURCHASED_SERVICE_THRESHOLD).count();
        return new Row(streetCode, streetName, ratio, forStreet, over100, recorded);
    }

    /** Staff recorded per street code, for the streets given. */
    Map<String, Integer> recorded(List<String> streetCodes) {
        Map<String, Integer> recorded = new HashMap<>();
        if (streetCodes.isEmpty()) {
            return recorded;
        }
        jdbc.sql("SELECT street_code, staff FROM street_care_staff WHERE street_code IN (:codes)")
                .param("codes", streetCodes)
                .query(rs -> {
                    recorded.put(rs.getString(1), rs.getInt(2));
                });
        return recorded;
    }

    void record(String streetCode, int staff, String actor) {
        jdbc.sql("""
                        INSERT INTO street_care_staff (street_code, staff, updated_by) VALUES (:street, :staff, :actor)
                        ON CONFLICT (street_code) DO UPDATE
                            SET staff = EXCLUDED.staff, updated_by = EXCLUDED.updated_by, updated_at = now(),
                                version = street_care_staff.version + 1
                        """)
                .param("street", streetCode).param("staff", staff).param("actor", actor)
                .update();
    }
}
