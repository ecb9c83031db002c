package org.yinling.dashboard;

import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yinling.audit.AuditLog;
import org.yinling.region.RegionView;

/**
 * The district records the dedicated elder-care staff of its guidance centre, of a street centre or of a community
 * station (seed 002); the figure and its audit row commit together.
 */
@Service
class StaffRecording {

    private final StreetStaffing staffing;
    private final AuditLog audit;

    StaffRecording(StreetStaffing staffing, AuditLog audit) {
        this.staffing = staffing;
        this.audit = audit;
    }

    @Transactional
    void record(RegionView region, int staff, String actor) {
        staffing.record(region.code(), staff, actor);
        audit.record("STREET_STAFF_RECORDED", "region", region.code(), Map.of("staff", staff));
    }
}
