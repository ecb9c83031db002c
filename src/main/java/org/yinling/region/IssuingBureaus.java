package org.yinling.region;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yinling.audit.AuditLog;

/**
 * Who issues a region's notices: the row of the region or of its nearest ancestor, else the bureau of civil affairs
 * of its district by name ("拱墅区民政局"), never the community's or street's own name.
 */
@Service
public class IssuingBureaus {

    private final JdbcClient jdbc;
    private final Regions regions;
    private final AuditLog audit;

    IssuingBureaus(JdbcClient jdbc, Regions regions, AuditLog audit) {
        this.jdbc = jdbc;
        this.regions = regions;
        this.audit = audit;
    }

    /** The bureau for notices of the region; {@code defaultName} formats the district's name when none is set. */
    @Transactional(readOnly = true)
    public IssuingBureau of(String regionCode, java.util.function.UnaryOperator<String> defaultName) {
        List<RegionView> path = regions.path(regionCode);
        List<String> codes = new ArrayList<>(path.stream().map(RegionView::code).toList());
        if (!codes.isEmpty()) {
            Optional<IssuingBureau> set = jdbc.sql("""
                            SELECT region_code, name, address, phone FROM issuing_bureau
                            WHERE region_code IN (:codes)
                            """)
                    .param("codes", codes)
                    .query((rs, row) -> new IssuingBureau(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4)))
                    .list().stream()
                    .max(java.util.Comparator.comparingInt(b -> codes.indexOf(b.regionCode())));
            if (set.isPresent()) {
                return set.get();
            }
        }
        String district = path.stream().filter(r -> r.level() == RegionLevel.DISTRICT).map(RegionView::name)
                .findFirst().orElse(path.isEmpty() ? regionCode : path.get(0).name());
        return new IssuingBureau(regionCode, defaultName.apply(district), "", "");
    }

    /** The bureaux set for districts (the admin page lists every district with its row, if any). */
    @Transactional(readOnly = true)
    public Map<String, IssuingBureau> setFor(List<String> regionCodes) {
        if (regionCodes.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("SELECT region_code, name, address, phone FROM issuing_bureau WHERE region_code IN (:codes)")
                .param("codes", regionCodes)
                .query((rs, row) -> new IssuingBureau(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list().stream()
                .collect(java.util.stream.Collectors.toMap(IssuingBureau::regionCode, b -> b));
    }

    /** Sets (or replaces) the bureau of a region; audited. */
    @Transactional
    public void set(String regionCode, String name, String address, String phone, String actor) {
        jdbc.sql("""
                        INSERT INTO issuing_bureau (region_code, name, address, phone, updated_by)
                        VALUES (:code, :name, :address, :phone, :actor)
                        ON CONFLICT (region_code) DO UPDATE SET name = EXCLUDED.name, address = EXCLUDED.address,
                            phone = EXCLUDED.phone, updated_by = EXCLUDED.updated_by, updated_at = now()
                        """)
                .param("code", regionCode).param("name", name.strip()).param("address", address.strip())
                .param("phone", phone.strip()).param("actor", actor)
                .update();
        audit.record("ISSUING_BUREAU_SET", "region", regionCode,
                Map.of("name", name.strip(), "address", address.strip(), "phone", phone.strip()));
    }
}
