package org.yinling.visit;

/**
 * What a concern can start with one click, each in its own module through a prefilled page: a subsidy application
 * draft for the elder, the elder's home-care plan (an ad hoc order), a capability re-assessment.
 */
public enum FollowUp {
    SUBSIDY_APPLICATION("/subsidies/applications/new?elderId=%d"),
    HOME_CARE_ORDER("/home-care/elders/%d/plan"),
    REASSESSMENT("/elders/%d/assessments/new");

    private final String path;

    FollowUp(String path) {
        this.path = path;
    }

    /** The page that starts it for the elder. */
    public String path(long elderId) {
        return path.formatted(elderId);
    }

    public String messageKey() {
        return "visit.followUp." + name();
    }
}
