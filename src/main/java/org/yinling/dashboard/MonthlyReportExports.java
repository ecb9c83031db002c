package org.yinling.dashboard;

import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yinling.audit.AuditLog;

/** Audits the export of a monthly report; committed before the file's first byte goes out. */
@Service
class MonthlyReportExports {

    private final AuditLog audit;

    MonthlyReportExports(AuditLog audit) {
        this.audit = audit;
    }

    @Transactional
    void exported(MonthlyReport report) {
        audit.record("MONTHLY_REPORT_EXPORTED", "region", report.region().code(),
                Map.of("month", report.month().toString()));
    }
}
