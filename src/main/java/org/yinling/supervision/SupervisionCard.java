package org.yinling.supervision;

import org.springframework.stereotype.Component;
import org.yinling.account.CurrentUser;

/**
 * The institution page's supervision line (template {@code supervision/fragments :: institutionCard}): its open and
 * overdue findings, read through the user's region scope. Called from the template as {@code @supervisionCard}.
 */
@Component("supervisionCard")
public class SupervisionCard {

    private final Findings findings;

    SupervisionCard(Findings findings) {
        this.findings = findings;
    }

    /** Open and overdue findings of the institution: {@code [open, overdue]}. */
    public long[] counts(long institutionId, Object principal) {
        if (!(principal instanceof CurrentUser user)) {
            return new long[] {0, 0};
        }
        SupervisionStore.Counts counts = findings.counts(institutionId, user);
        return new long[] {counts.open(), counts.overdue()};
    }
}
