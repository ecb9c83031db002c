package org.yinling.elder;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yinling.account.CurrentUser;
import org.yinling.audit.AuditLog;

/**
 * Assessment governance (issue 21 §5): the district's assessment agencies, and the due list of elders whose latest
 * assessment runs out within {@value #DUE_DAYS} days, scoped to the user's region.
 */
@Service
class AssessmentAdministration {

    static final int DUE_DAYS = 60;
    static final int PAGE_SIZE = 50;
    /** the export's ceiling: a district's due elders of two months, with room to spare */
    static final int EXPORT_LIMIT = 100_000;

    private final AssessmentGovernance governance;
    private final AuditLog audit;
    private final Clock clock;

    AssessmentAdministration(AssessmentGovernance governance, AuditLog audit, Clock clock) {
        this.governance = governance;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    List<AssessmentAgency> agencies(CurrentUser user) {
        return governance.agencies(user.scope());
    }

    /** Adds an agency of the user's district; empty message key when added, else the refusal's key. */
    @Transactional
    @PreAuthorize("hasRole('DISTRICT_STAFF')")
    String addAgency(String name, CurrentUser user) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > 100
                || org.yinling.system.SpreadsheetCells.startsLikeFormula(trimmed)) {
            return "assessment.agency.invalid";
        }
        String region = user.getRegionCode();
        if (governance.nameTaken(region, trimmed)) {
            return "assessment.agency.taken";
        }
        long id = governance.addAgency(trimmed, region, user.getUsername());
        audit.record("ASSESSMENT_AGENCY_ADDED", "assessment_agency", id, Map.of("name", trimmed, "region", region));
        return "";
    }

    @Transactional(readOnly = true)
    List<AssessmentGovernance.Validity> validities(CurrentUser user) {
        return governance.validities(user.scope());
    }

    /**
     * The user's district sets how long its assessments hold from a day on (today or later: an assessment made before
     * keeps the last valid day it was given); empty when added, else the refusal's message key.
     */
    @Transactional
    @PreAuthorize("hasRole('DISTRICT_STAFF')")
    String addValidity(String months, String from, String source, CurrentUser user) {
        int m;
        LocalDate day;
        try {
            m = Integer.parseInt(months.strip());
            day = LocalDate.parse(from.strip());
        } catch (RuntimeException unreadable) {
            return "assessment.validity.invalid";
        }
        String note = source == null ? "" : source.strip();
        if (m < 1 || m > 120 || day.isBefore(LocalDate.now(clock)) || day.getYear() > 2099 || note.length() > 200) {
            return "assessment.validity.invalid";
        }
        if (!governance.addValidity(user.getRegionCode(), m, day, note.isEmpty() ? null : note, user.getUsername())) {
            return "assessment.validity.taken";
        }
        audit.record("ASSESSMENT_VALIDITY_SET", "region", user.getRegionCode(),
                Map.of("months", m, "from", day.toString(), "source", note));
        return "";
    }

    record DuePage(List<AssessmentGovernance.Due> rows, long total, int page, int pages, LocalDate from, LocalDate to) {
    }

    @Transactional(readOnly = true)
    DuePage due(CurrentUser user, int page) {
        LocalDate today = LocalDate.now(clock);
        LocalDate to = today.plusDays(DUE_DAYS);
        long total = governance.dueCount(user.scope(), today, to);
        int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int shown = Math.min(Math.max(page, 0), pages - 1);
        return new DuePage(governance.due(user.scope(), today, to, shown * PAGE_SIZE, PAGE_SIZE), total, shown, pages,
                today, to);
    }

    /** The whole due list for the export (up to its ceiling), with its window for the sheet's title. */
    @Transactional(readOnly = true)
    DuePage dueAll(CurrentUser user) {
        LocalDate today = LocalDate.now(clock);
        LocalDate to = today.plusDays(DUE_DAYS);
        List<AssessmentGovernance.Due> rows = governance.due(user.scope(), today, to, 0, EXPORT_LIMIT);
        return new DuePage(rows, rows.size(), 0, 1, today, to);
    }
}
