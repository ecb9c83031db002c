package org.yinling.dashboard;

import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yinling.audit.AuditLog;
import org.yinling.region.RegionView;

/** The district records a street's dedicated elder-care staff; the figure and its audit row commit together. */
@Service
class StaffRecording {

    private final StreetStaffing staffing;
    private final AuditLog audit;

    StaffRecording(StreetStaffing staffing, AuditLog audit) {
        this.staffing = staffing;
        this.audit = audit;
    }

    @Transactional
    void record(RegionView street, int staff, String actor) {
        staffing.record(street.code(), staff, actor);
        audit.record("STREET_STAFF_RECORDED", "region", street.code(), Map.of("staff", staff));
    }
}
